import { createTestApp, type TestApp } from '@lc/testing';

/**
 * Errors in the reader's language (issue 15): every answer keeps Nest's `{statusCode, message, error}` with the
 * English `message` integrators read, and adds `i18n`, one `{key, params}` per message, that the shell renders
 * from the modules' `errors` texts.
 */
describe('translatable errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ rateLimits: { failedLoginsPerMinute: 2 } });
  });
  afterAll(() => t.close());
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const admin = () => bearer(t.adminToken);

  it('a conflict: one key with its params beside the unchanged English message', async () => {
    await t.createUser('taken', []);
    const body = (await t.http.post('/api/users').set(admin()).send({ login: 'taken', name: 'Taken', password: 'password1', groups: [] }).expect(409)).body;
    expect(body).toEqual({ statusCode: 409, message: 'login "taken" is already taken', error: 'Conflict', i18n: [{ key: 'base.loginTaken', params: { login: 'taken' } }] });
  });

  it('a message list keeps its order, one entry per message', async () => {
    const body = (await t.http.post('/api/users').set(admin()).send({ login: 'g1', name: 'G', password: 'password1', groups: ['nope', 'neither'] }).expect(400)).body;
    expect(body.message).toEqual([expect.stringMatching(/^groups: unknown group "nope" \(groups: .*admin/), expect.stringMatching(/^groups: unknown group "neither"/)]);
    expect(body.i18n).toEqual([
      { key: 'base.unknownGroup', params: { group: 'nope', groups: expect.stringContaining('admin') } },
      { key: 'base.unknownGroup', params: { group: 'neither', groups: expect.stringContaining('admin') } },
    ]);
  });

  it('validation: class-validator\'s English, and a validation.<constraint> key per failed constraint with the field and the constraint\'s arguments', async () => {
    const body = (await t.http.post('/api/users').set(admin()).send({ login: 'v1', name: 'x'.repeat(300), password: 'short', groups: [], extra: 1 }).expect(400)).body;
    expect(body.message).toEqual(['extra: property extra should not exist', 'name must be shorter than or equal to 100 characters', 'password must be 8 to 200 characters']);
    expect(body.i18n).toEqual([
      { key: 'validation.whitelistValidation', params: { field: 'extra' } },
      { key: 'validation.isLength', params: { field: 'name', min: 1, max: 100 } },
      { key: 'validation.isLength', params: { field: 'password', min: 8, max: 200 } },
    ]);
    const blank = (await t.http.post('/api/users').set(admin()).send({ login: 'bad login', name: ' ', password: 'password1', groups: [] }).expect(400)).body;
    expect(blank.message).toEqual(['login must be 1-100 letters, digits or . _ @ + -', 'name must not be blank']);
    expect(blank.i18n).toEqual([
      { key: 'validation.loginFormat', params: { field: 'login' } },
      { key: 'validation.notBlank', params: { field: 'name' } },
    ]);
  });

  it('a nested field is named by its path', async () => {
    const { body } = await t.http.post('/api/livechat/channels').set(admin()).send({ name: 'Nested', colors: { button: 'red' } }).expect(400);
    expect(body.message).toEqual(['colors.button: colors.button must be a hex colour like #71639e']) // as before: class-validator's message after the path;
    expect(body.i18n).toEqual([{ key: 'validation.matches', params: { field: 'colors.button' } }]);
  });

  it('sign-in and authentication (401), a wrong current password, then its 429 with the seconds to wait', async () => {
    const wrong = (await t.http.post('/api/auth/login').send({ login: 'admin', password: 'not it' }).expect(401)).body;
    expect(wrong).toEqual({ statusCode: 401, message: 'Wrong login or password', error: 'Unauthorized', i18n: [{ key: 'base.wrongCredentials', params: {} }] });
    expect((await t.http.get('/api/me').expect(401)).body).toMatchObject({ message: 'Authentication required', i18n: [{ key: 'platform.authenticationRequired', params: {} }] });
    const { token } = await t.createUser('changer', []);
    const change = () => t.http.post('/api/me/password').set(bearer(token)).send({ currentPassword: 'wrong one', newPassword: 'password2' });
    expect((await change().expect(400)).body).toMatchObject({ message: ['currentPassword is not your current password'], i18n: [{ key: 'base.wrongCurrentPassword', params: {} }] });
    await change().expect(400);
    const limited = await change().expect(429);
    const seconds = Number(limited.headers['retry-after']);
    expect(limited.body).toEqual({ statusCode: 429, message: `Too many wrong current passwords; try again in ${seconds}s`, error: 'Too Many Requests', i18n: [{ key: 'base.tooManyWrongPasswords', params: { seconds } }] });
  });

  it('the groups a route needs (403) and a module that cannot be disabled (409), from the host', async () => {
    const { token } = await t.createUser('plain', []);
    expect((await t.http.get('/api/users').set(bearer(token)).expect(403)).body).toMatchObject({ message: 'This needs one of the groups: admin', i18n: [{ key: 'platform.groupsRequired', params: { groups: 'admin' } }] });
    expect((await t.http.post('/api/modules/base/disable').set(admin()).expect(409)).body).toMatchObject({ message: 'The base module cannot be disabled', i18n: [{ key: 'platform.moduleRequired', params: { name: 'base' } }] });
  });

  it('a socket acknowledgement carries the same i18n as HTTP', async () => {
    const socket = await t.connect({ token: t.adminToken });
    try {
      const ack = await socket.timeout(5000).emitWithAck('message', { conversationId: 'x', body: '' });
      expect(ack).toMatchObject({ status: 400, i18n: expect.arrayContaining([expect.objectContaining({ key: 'validation.isMessageBody', params: { field: 'body' } })]) });
      expect(ack.error).toContain('body must not be empty');
    } finally {
      socket.disconnect();
    }
  });
});
