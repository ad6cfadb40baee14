import type { AddressObject } from 'mailparser';
import { createTestApp, startSmtpInbox, waitFor, type SmtpInbox, type TestApp } from '@lc/testing';

const addresses = (field: AddressObject | AddressObject[] | undefined) => [field ?? []].flat().flatMap((a) => a.value.map((v) => v.address));

/** Email: the transcript the visitor asks for, offline messages to the team — read from a real SMTP server. */
describe('livechat: email', () => {
  let inbox: SmtpInbox;
  let t: TestApp;
  let op: { id: number; token: string };
  let channelId: number;
  let emptyChannelId: number;
  let counter = 0;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const mailsTo = (address: string) => inbox.mails.filter((m) => m.envelope.to.includes(address));

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    t = await createTestApp({ smtpUrl: inbox.url, mailFrom: 'Support <support@example.com>', rateLimits: { visitorSessionStartsPerMinute: 1000, transcriptMailsPerSession: 3, transcriptMailsPerHour: 1000 } });
    await t.createUser('boss@example.com', ['livechat_manager']);
    await t.createUser('plainmanager', ['livechat_manager']); // no email address: not mailed
    op = await t.createUser('op@example.com', ['livechat_operator']);
    const socket = await t.connect({ token: op.token });
    await waitFor(async () => expect((await t.http.get('/api/presence').set(bearer(op.token))).body).toContainEqual({ userId: op.id, status: 'online' }));
    channelId = (await t.http.post('/api/livechat/channels').set(bearer(t.adminToken)).send({ name: 'Support & <Sales>' }).expect(201)).body.id;
    emptyChannelId = (await t.http.post('/api/livechat/channels').set(bearer(t.adminToken)).send({ name: 'Nobody here' }).expect(201)).body.id;
    await t.http.post(`/api/livechat/channels/${channelId}/join`).set(bearer(op.token)).expect(200);
    socket.disconnect();
  });
  afterAll(async () => {
    await t.close();
    await inbox.close();
  });

  async function chat() {
    const s = (await t.http.post(`/api/livechat/channels/${channelId}/sessions`).send({ visitorName: `Ann <i>${++counter}</i>` }).expect(201)).body;
    const visitor = { 'X-Visitor-Token': s.visitorToken };
    await t.http.post(`/api/livechat/sessions/${s.sessionId}/messages`).set(visitor).send({ body: 'Hello <b>bold</b> <script>alert(1)</script>\nsecond line' }).expect(201);
    await t.http.post(`/api/discuss/conversations/${s.conversationId}/messages`).set(bearer(op.token)).send({ body: 'On its way!' }).expect(201);
    return { id: s.sessionId as number, visitor };
  }
  const emailTranscript = (id: number, visitor: Record<string, string>, email: string) => t.http.post(`/api/livechat/sessions/${id}/transcript/email`).set(visitor).send({ email });

  it('says in /public that transcripts can be mailed', async () => {
    expect((await t.http.get(`/api/livechat/channels/${channelId}/public`).expect(200)).body).toMatchObject({ emailTranscripts: true });
  });

  it('mails the visitor the conversation (authors, times, the channel), with what they typed escaped', async () => {
    const s = await chat();
    await t.http.post(`/api/livechat/sessions/${s.id}/close`).set(s.visitor).expect(200);
    expect((await emailTranscript(s.id, s.visitor, 'ann@example.com').expect(202)).body).toEqual({ accepted: true });
    const [{ envelope, mail }] = await waitFor(() => {
      const mails = mailsTo('ann@example.com');
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(envelope).toEqual({ from: 'support@example.com', to: ['ann@example.com'] });
    expect(addresses(mail.from)).toEqual(['support@example.com']);
    expect(addresses(mail.to)).toEqual(['ann@example.com']);
    expect(mail.subject).toBe('Your conversation with Support & <Sales>');
    const text = mail.text!;
    expect(text).toContain('Support & <Sales>');
    expect(text).toMatch(/\[\d{4}-\d\d-\d\d \d\d:\d\d UTC\] Ann <i>\d+<\/i>:\nHello <b>bold<\/b> <script>alert\(1\)<\/script>\nsecond line/);
    expect(text).toContain('On its way!');
    expect(text).toMatch(/ended the conversation/);
    const html = mail.html as string;
    expect(html).toContain('Hello &lt;b&gt;bold&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;<br>second line');
    expect(html).toContain('Ann &lt;i&gt;');
    expect(html).toContain('Support &amp; &lt;Sales&gt;');
    expect(html).not.toMatch(/<script|<b>bold|<i>|<Sales>/);
  });

  it('mails an ongoing conversation too (the messages so far)', async () => {
    const s = await chat();
    await emailTranscript(s.id, s.visitor, 'ongoing@example.com').expect(202);
    const [{ mail }] = await waitFor(() => {
      const mails = mailsTo('ongoing@example.com');
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(mail.text).toContain('On its way!');
    expect(mail.text).not.toMatch(/ended the conversation/);
  });

  it('answers 401 without or with an unknown visitor token, 404 for another visitor, 400 for a bad address', async () => {
    const s = await chat();
    const other = await chat();
    await t.http.post(`/api/livechat/sessions/${s.id}/transcript/email`).send({ email: 'x@example.com' }).expect(401);
    await emailTranscript(s.id, { 'X-Visitor-Token': 'nope' }, 'x@example.com').expect(401);
    await emailTranscript(s.id, other.visitor, 'x@example.com').expect(404);
    await emailTranscript(999999, s.visitor, 'x@example.com').expect(404);
    await emailTranscript(s.id, s.visitor, 'not an address').expect(400);
    await t.http.post(`/api/livechat/sessions/${s.id}/transcript/email`).set(s.visitor).send({}).expect(400);
    await emailTranscript(s.id, bearer(t.adminToken), 'x@example.com').expect(401); // users have no visitor token
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(mailsTo('x@example.com')).toHaveLength(0);
  });

  it('mails one session at most 3 times (429 after)', async () => {
    const s = await chat();
    for (let i = 0; i < 3; i++) await emailTranscript(s.id, s.visitor, `limit${i}@example.com`).expect(202);
    const refused = await emailTranscript(s.id, s.visitor, 'limit3@example.com').expect(429);
    expect(refused.body.message).toMatch(/too many times/);
    await waitFor(() => expect(inbox.mails.filter((m) => m.envelope.to[0]?.startsWith('limit'))).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(mailsTo('limit3@example.com')).toHaveLength(0);
  });

  it('mails an offline message to the channel operators, with a link to its transcript', async () => {
    const offline = (await t.http.post(`/api/livechat/channels/${channelId}/offline-messages`).send({ name: 'Bob <b>', email: 'bob@example.com', body: 'Call me <img src=x onerror=alert(1)>' }).expect(201)).body;
    const [{ envelope, mail }] = await waitFor(() => {
      const mails = inbox.mails.filter((m) => m.mail.subject?.includes('offline message') && m.mail.text?.includes(`/sessions/${offline.id}`));
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(envelope.to).toEqual(['op@example.com']);
    expect(mail.subject).toBe('New offline message on Support & <Sales> from Bob <b>');
    const link = `${t.url}/web/livechat/sessions/${offline.id}`;
    expect(mail.text).toContain(`Bob <b> <bob@example.com> left a message on Support & <Sales>`);
    expect(mail.text).toContain('Call me <img src=x onerror=alert(1)>');
    expect(mail.text).toContain(link);
    const html = mail.html as string;
    expect(html).toContain(`<a href="${link}">`);
    expect(html).toContain('Call me &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<img|Bob <b>/);
  });

  it('mails an offline message to the live chat managers with an email address when the channel has no operator', async () => {
    const offline = (await t.http.post(`/api/livechat/channels/${emptyChannelId}/offline-messages`).send({ email: 'carol@example.com', body: 'Anyone?' }).expect(201)).body;
    const [{ envelope }] = await waitFor(() => {
      const mails = inbox.mails.filter((m) => m.mail.text?.includes(`/sessions/${offline.id}`));
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(envelope.to).toEqual(['boss@example.com']);
  });

  it('mails a French visitor their transcript in French (system messages too), and each manager the offline message in their language', async () => {
    const s = (await t.http.post(`/api/livechat/channels/${channelId}/sessions`).set('Accept-Language', 'fr-CA,fr;q=0.9').send({ visitorName: 'Zoé' }).expect(201)).body;
    const visitor = { 'X-Visitor-Token': s.visitorToken };
    await t.http.post(`/api/livechat/sessions/${s.sessionId}/messages`).set(visitor).send({ body: 'Bonjour' }).expect(201);
    await t.http.post(`/api/livechat/sessions/${s.sessionId}/close`).set(visitor).expect(200);
    await emailTranscript(s.sessionId, visitor, 'zoe@example.com').expect(202);
    const [{ mail }] = await waitFor(() => {
      const mails = mailsTo('zoe@example.com');
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(mail.subject).toBe('Votre conversation avec Support & <Sales>');
    expect(mail.text).toContain('Votre conversation avec Support & <Sales>\u00a0:'); // French typography: a no-break space
    expect(mail.text).toContain('\u2068Zoé\u2069 a mis fin à la conversation');
    expect(mail.html).toContain('Votre conversation avec <b>Support &amp; &lt;Sales&gt;</b>\u00a0:');

    await t.http.post('/api/languages/de-DE/enable').set(bearer(t.adminToken)).expect(200);
    await t.createUser('chef@example.com', ['livechat_manager'], { lang: 'de-DE' });
    const offline = (await t.http.post(`/api/livechat/channels/${emptyChannelId}/offline-messages`).send({ email: 'dan@example.com', body: 'Hallo?' }).expect(201)).body;
    const mails = await waitFor(() => {
      const found = inbox.mails.filter((m) => m.mail.text?.includes(`/sessions/${offline.id}`));
      expect(found).toHaveLength(2);
      return found;
    });
    const german = mails.find((m) => m.envelope.to.includes('chef@example.com'))!;
    expect(german.envelope.to).toEqual(['chef@example.com']);
    expect(german.mail.subject).toBe('Neue Offline-Nachricht in Nobody here von dan@example.com');
    expect(german.mail.html).toContain('Verlauf öffnen');
    const english = mails.find((m) => m.envelope.to.includes('boss@example.com'))!;
    expect(english.mail.subject).toBe('New offline message on Nobody here from dan@example.com');
  });

  describe('with PUBLIC_URL; the recipient and client address limits', () => {
    let limited: TestApp;
    beforeAll(async () => {
      limited = await createTestApp({ smtpUrl: inbox.url, publicOrigin: 'https://chat.example.com', rateLimits: { visitorSessionStartsPerMinute: 1000, transcriptMailsPerSession: 10, transcriptMailsPerHour: 2 } });
    });
    afterAll(() => limited.close());

    it('links the offline message mail to the transcript under PUBLIC_URL', async () => {
      await limited.createUser('lead@example.com', ['livechat_manager']);
      const id = (await limited.http.post('/api/livechat/channels').set(bearer(limited.adminToken)).send({ name: 'Pinned' }).expect(201)).body.id;
      const offline = (await limited.http.post(`/api/livechat/channels/${id}/offline-messages`).set('Host', 'evil.example').send({ email: 'dan@example.com', body: 'Hi' }).expect(201)).body;
      const [{ mail }] = await waitFor(() => {
        const mails = mailsTo('lead@example.com');
        expect(mails).toHaveLength(1);
        return mails;
      });
      expect(mail.text).toContain(`https://chat.example.com/web/livechat/sessions/${offline.id}`);
      expect(mail.text).not.toContain('evil.example');
    });

    it('mails one recipient, and from one client address, at most transcriptMailsPerHour times', async () => {
      const id = (await limited.http.post('/api/livechat/channels').set(bearer(limited.adminToken)).send({ name: 'Limited' }).expect(201)).body.id;
      const start = async () => (await limited.http.post(`/api/livechat/channels/${id}/sessions`).send({}).expect(201)).body;
      const [a, b] = [await start(), await start()];
      const send = (s: { sessionId: number; visitorToken: string }, email: string) => limited.http.post(`/api/livechat/sessions/${s.sessionId}/transcript/email`).set('X-Visitor-Token', s.visitorToken).send({ email });
      await send(a, 'victim@example.com').expect(202);
      await send(a, 'VICTIM@example.com').expect(202);
      expect((await send(b, 'victim@example.com').expect(429)).body.message).toMatch(/to this address/);
      expect((await send(b, 'someone@example.com').expect(429)).body.message).toMatch(/from this address/);
      await waitFor(() => expect(inbox.mails.filter((m) => m.envelope.to[0]?.toLowerCase() === 'victim@example.com')).toHaveLength(2));
    });
  });

  describe('with a mail server that is down', () => {
    let down: TestApp;
    beforeAll(async () => {
      // A port nobody listens on: every send fails (connection refused).
      const closed = await startSmtpInbox();
      await closed.close();
      down = await createTestApp({ smtpUrl: closed.url, rateLimits: { visitorSessionStartsPerMinute: 1000 } });
    });
    afterAll(() => down.close());

    it('still answers 202 to a transcript mail and 201 to an offline message (the failure is only logged)', async () => {
      const id = (await down.http.post('/api/livechat/channels').set(bearer(down.adminToken)).send({ name: 'Down' }).expect(201)).body.id;
      await down.createUser('ops@example.com', ['livechat_manager']);
      const s = (await down.http.post(`/api/livechat/channels/${id}/sessions`).send({}).expect(201)).body;
      await down.http.post(`/api/livechat/sessions/${s.sessionId}/transcript/email`).set('X-Visitor-Token', s.visitorToken).send({ email: 'ann@example.com' }).expect(202);
      await down.http.post(`/api/livechat/channels/${id}/offline-messages`).send({ email: 'bob@example.com', body: 'hi' }).expect(201);
      await down.http.get('/api/health').expect(200);
    });
  });

  describe('without SMTP_URL', () => {
    let plain: TestApp;
    beforeAll(async () => {
      plain = await createTestApp({ rateLimits: { visitorSessionStartsPerMinute: 1000 } });
    });
    afterAll(() => plain.close());

    it('offers no email in /public and answers 409 to a transcript mail', async () => {
      const id = (await plain.http.post('/api/livechat/channels').set(bearer(plain.adminToken)).send({ name: 'No mail' }).expect(201)).body.id;
      expect((await plain.http.get(`/api/livechat/channels/${id}/public`).expect(200)).body).toMatchObject({ emailTranscripts: false });
      const s = (await plain.http.post(`/api/livechat/channels/${id}/sessions`).send({}).expect(201)).body;
      const refused = await plain.http.post(`/api/livechat/sessions/${s.sessionId}/transcript/email`).set('X-Visitor-Token', s.visitorToken).send({ email: 'ann@example.com' }).expect(409);
      expect(refused.body.message).toMatch(/SMTP_URL/);
      await plain.http.post(`/api/livechat/channels/${id}/offline-messages`).send({ email: 'bob@example.com', body: 'hi' }).expect(201);
    });
  });
});
