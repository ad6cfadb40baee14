import type { Socket } from 'socket.io-client';
import { createTestApp, type TestApp } from '@lc/testing';

/** DESIGN "The edge": a revoked token (logout, password change, user archived) answers 401 and its sockets close within 2 s. */
const CLOSE_WITHIN_MS = 2000;

describe('accounts and sign-in tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const admin = () => bearer(t.adminToken);

  /** Resolves when the server closes the socket; rejects if it is still open after the deadline. */
  const closedByServer = (socket: Socket) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`socket still open after ${CLOSE_WITHIN_MS} ms`)), CLOSE_WITHIN_MS);
      socket.once('disconnect', (reason) => {
        clearTimeout(timer);
        if (reason === 'io server disconnect') resolve();
        else reject(new Error(`socket closed by "${reason}", not by the server`));
      });
    });
  /** Still connected a moment after the others were closed (a disconnect is sent at once, so this is enough). */
  const stillOpen = async (socket: Socket) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(socket.connected).toBe(true);
  };
  const me = (token: string) => t.http.get('/api/me').set(bearer(token));
  let badBodies = 0;

  describe('logout', () => {
    it("closes that token's sockets and the token gets 401; the user's other sessions stay", async () => {
      const { token } = await t.createUser('leaver', []);
      const other = await t.login('leaver', 'password1');
      const socket = await t.connect({ token });
      const otherSocket = await t.connect({ token: other });
      const closed = closedByServer(socket);
      await t.http.post('/api/auth/logout').set(bearer(token)).expect(200);
      await closed;
      await me(token).expect(401);
      await expect(t.connect({ token })).rejects.toThrow(/Invalid or expired token/);
      await stillOpen(otherSocket);
      await me(other).expect(200);
    });
  });

  describe('an admin sets a password', () => {
    it("closes every socket of the user and invalidates all their tokens; the new password signs in", async () => {
      const { id, token } = await t.createUser('reset', []);
      const second = await t.login('reset', 'password1');
      const sockets = [await t.connect({ token }), await t.connect({ token: second })];
      const closed = Promise.all(sockets.map(closedByServer));
      await t.http.patch(`/api/users/${id}`).set(admin()).send({ password: 'new-password' }).expect(200);
      await closed;
      await me(token).expect(401);
      await me(second).expect(401);
      await t.http.post('/api/auth/login').send({ login: 'reset', password: 'password1' }).expect(401);
      await me(await t.login('reset', 'new-password')).expect(200);
    });

    it('keeps the admin signed in on this session when they set their own, and ends their others', async () => {
      const { id, token } = await t.createUser('selfadmin', ['admin']);
      const other = await t.login('selfadmin', 'password1');
      const socket = await t.connect({ token });
      const otherClosed = closedByServer(await t.connect({ token: other }));
      await t.http.patch(`/api/users/${id}`).set(bearer(token)).send({ password: 'self-admin-2' }).expect(200);
      await otherClosed;
      await me(other).expect(401);
      await me(token).expect(200);
      await stillOpen(socket);
    });

    it('refuses a password under 8 characters with 400 and keeps the old one', async () => {
      const { id, token } = await t.createUser('shortpw', []);
      const res = await t.http.patch(`/api/users/${id}`).set(admin()).send({ password: 'short' }).expect(400);
      expect(JSON.stringify(res.body.message)).toContain('password');
      await me(token).expect(200);
      await t.login('shortpw', 'password1');
    });

    it('does not revoke anything when only the name changes', async () => {
      const { id, token } = await t.createUser('renamed', []);
      const socket = await t.connect({ token });
      await t.http.patch(`/api/users/${id}`).set(admin()).send({ name: 'Renamed' }).expect(200);
      await me(token).expect(200);
      await stillOpen(socket);
    });
  });

  describe('POST /api/me/password', () => {
    it('keeps the current token and socket, revokes the other tokens and closes their sockets', async () => {
      const { token } = await t.createUser('changer', []);
      const other = await t.login('changer', 'password1');
      const socket = await t.connect({ token });
      const otherClosed = closedByServer(await t.connect({ token: other }));
      await t.http.post('/api/me/password').set(bearer(token)).send({ currentPassword: 'password1', newPassword: 'password2' }).expect(200, { ok: true });
      await otherClosed;
      await me(other).expect(401);
      await me(token).expect(200);
      await stillOpen(socket);
      await t.http.post('/api/auth/login').send({ login: 'changer', password: 'password1' }).expect(401);
      await t.login('changer', 'password2');
    });

    it('refuses a wrong current password with 400 naming currentPassword, and changes nothing', async () => {
      const { token } = await t.createUser('wrongcurrent', []);
      const other = await t.login('wrongcurrent', 'password1');
      const res = await t.http.post('/api/me/password').set(bearer(token)).send({ currentPassword: 'not-it', newPassword: 'password2' }).expect(400);
      expect(JSON.stringify(res.body.message)).toContain('currentPassword');
      await me(other).expect(200);
      await t.login('wrongcurrent', 'password1');
    });

    it.each([
      [{ currentPassword: 'password1', newPassword: 'short' }, 'newPassword'],
      [{ currentPassword: 'password1', newPassword: 'x'.repeat(201) }, 'newPassword'],
      [{ currentPassword: 'password1' }, 'newPassword'],
      [{ newPassword: 'password2' }, 'currentPassword'],
      [{ currentPassword: 'password1', newPassword: 42 }, 'newPassword'],
      [{ currentPassword: 'password1', newPassword: 'password2', login: 'admin' }, 'login'],
    ])('refuses %j with 400 naming %s and keeps the password', async (body, field) => {
      const { token } = await t.createUser(`badbody${++badBodies}`, []);
      const res = await t.http.post('/api/me/password').set(bearer(token)).send(body).expect(400);
      expect(JSON.stringify(res.body.message)).toContain(field);
      await me(token).expect(200);
    });

    it('limits wrong current passwords per user with 429 and Retry-After, even for the right one, and only for that user', async () => {
      const { token } = await t.createUser('guesser', []);
      const bystander = await t.createUser('bystander', []);
      for (let i = 0; i < t.config.rateLimits.failedLoginsPerMinute; i++) {
        await t.http.post('/api/me/password').set(bearer(token)).send({ currentPassword: `guess-${i}`, newPassword: 'password2' }).expect(400);
      }
      const limited = await t.http.post('/api/me/password').set(bearer(token)).send({ currentPassword: 'password1', newPassword: 'password2' }).expect(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
      await t.login('guesser', 'password1'); // unchanged
      await t.http.post('/api/me/password').set(bearer(bystander.token)).send({ currentPassword: 'password1', newPassword: 'password2' }).expect(200);
    });

    it('needs a signed-in user', async () => {
      await t.http.post('/api/me/password').send({ currentPassword: 'admin', newPassword: 'password2' }).expect(401);
    });
  });

  describe('archiving and unarchiving', () => {
    it('archived: 401 on HTTP, sockets closed, no sign-in; listed with active false; unarchived: signs in again', async () => {
      const { id, token } = await t.createUser('archived', []);
      const closed = closedByServer(await t.connect({ token }));
      const res = await t.http.patch(`/api/users/${id}`).set(admin()).send({ active: false }).expect(200);
      expect(res.body).toMatchObject({ id, active: false });
      await closed;
      await me(token).expect(401);
      await t.http.post('/api/auth/login').send({ login: 'archived', password: 'password1' }).expect(401);
      const listed = (await t.http.get('/api/users').set(admin()).expect(200)).body;
      expect(listed).toContainEqual({ id, login: 'archived', name: 'User archived', groups: ['user'], lang: 'en-US', active: false });

      await t.http.patch(`/api/users/${id}`).set(admin()).send({ active: true }).expect(200);
      await me(token).expect(401); // the old session stays revoked
      await me(await t.login('archived', 'password1')).expect(200);
    });

    it('refuses active: null or a string with 400', async () => {
      const { id } = await t.createUser('nullactive', []);
      await t.http.patch(`/api/users/${id}`).set(admin()).send({ active: null }).expect(400);
      await t.http.patch(`/api/users/${id}`).set(admin()).send({ active: 'no' }).expect(400);
      expect((await t.http.get('/api/users').set(admin())).body).toContainEqual(expect.objectContaining({ id, active: true }));
    });
  });

  describe('the last active admin', () => {
    let adminId: number;
    beforeAll(async () => {
      const users: Array<{ id: number; login: string }> = (await t.http.get('/api/users').set(admin())).body;
      adminId = users.find((u) => u.login === 'admin')!.id;
    });
    /** Takes `admin` away from every other active admin the earlier tests made. */
    const leaveOnlyTheAdmin = async () => {
      const users: Array<{ id: number; groups: string[]; active: boolean }> = (await t.http.get('/api/users').set(admin())).body;
      for (const u of users.filter((u) => u.id !== adminId && u.active && u.groups.includes('admin'))) {
        await t.http.patch(`/api/users/${u.id}`).set(admin()).send({ groups: [] }).expect(200);
      }
    };

    it('cannot lose the admin group nor be archived (409), themselves included; nothing changes', async () => {
      await leaveOnlyTheAdmin();
      const groups = await t.http.patch(`/api/users/${adminId}`).set(admin()).send({ groups: ['livechat_manager'] }).expect(409);
      expect(groups.body.message).toMatch(/last active administrator/);
      const archive = await t.http.patch(`/api/users/${adminId}`).set(admin()).send({ active: false, name: 'Renamed Admin' }).expect(409);
      expect(archive.body.message).toMatch(/last active administrator.*archive/);
      const stored = (await t.http.get('/api/users').set(admin())).body.find((u: { id: number }) => u.id === adminId);
      expect(stored).toMatchObject({ name: 'Administrator', active: true, groups: expect.arrayContaining(['admin']) });
      await me(t.adminToken).expect(200);
    });

    it('may lose it once another active admin exists, but an archived admin does not count', async () => {
      await leaveOnlyTheAdmin();
      const deputy = await t.createUser('deputy', ['admin']);
      await t.http.patch(`/api/users/${deputy.id}`).set(admin()).send({ active: false }).expect(200);
      await t.http.patch(`/api/users/${adminId}`).set(admin()).send({ groups: [] }).expect(409);
      await t.http.patch(`/api/users/${deputy.id}`).set(admin()).send({ active: true }).expect(200);
      await t.http.patch(`/api/users/${adminId}`).set(admin()).send({ groups: ['livechat_manager'] }).expect(200);
      const deputyToken = await t.login('deputy', 'password1');
      await t.http.patch(`/api/users/${adminId}`).set(bearer(deputyToken)).send({ groups: ['admin'] }).expect(200);
    });

    it('two concurrent demotions of the last two admins: exactly one passes', async () => {
      await leaveOnlyTheAdmin();
      const second = await t.createUser('second', ['admin']);
      // Without the lock both would read "two admins" and both would pass.
      const [demoteSecond, demoteSelf] = await Promise.all([
        t.http.patch(`/api/users/${second.id}`).set(admin()).send({ groups: [] }),
        t.http.patch(`/api/users/${adminId}`).set(admin()).send({ groups: [] }),
      ]);
      expect([demoteSecond.status, demoteSelf.status].filter((status) => status === 200)).toHaveLength(1);
      const stillAdmin = demoteSelf.status === 200 ? second.token : t.adminToken;
      const users: Array<{ groups: string[]; active: boolean }> = (await t.http.get('/api/users').set(bearer(stillAdmin)).expect(200)).body;
      expect(users.filter((u) => u.active && u.groups.includes('admin'))).toHaveLength(1);
    });
  });
});

describe('GET /api/auth/setup', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("is public, true while admin's password is 'admin', false once it is changed", async () => {
    await t.http.get('/api/auth/setup').expect(200, { adminPasswordIsDefault: true });
    await t.http.post('/api/me/password').set('Authorization', `Bearer ${t.adminToken}`).send({ currentPassword: 'admin', newPassword: 'a-better-one' }).expect(200);
    await t.http.get('/api/auth/setup').expect(200, { adminPasswordIsDefault: false });
  });
});

describe('GET /api/auth/setup with ADMIN_PASSWORD set', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ adminPassword: 'chosen-at-install' });
  });
  afterAll(() => t.close());

  it('is false from the start', async () => {
    await t.http.get('/api/auth/setup').expect(200, { adminPasswordIsDefault: false });
  });
});
