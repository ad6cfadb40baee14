import { Parser } from '@asyncapi/parser';
import { load } from 'js-yaml';
import { createTestApp, type TestApp } from './test-app';

/** The socket.io events as an integrator reads them: /api/asyncapi.yaml, valid AsyncAPI 3, following the modules. */
describe('the AsyncAPI document', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());
  const admin = () => ({ Authorization: `Bearer ${t.adminToken}` });
  const served = async () => (await t.http.get('/api/asyncapi.yaml').expect(200).expect('content-type', /yaml/)).text;

  it('parses with @asyncapi/parser without an error', async () => {
    const { document, diagnostics } = await new Parser().parse(await served());
    const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.code}: ${d.message} at ${d.path.join('.')}`);
    expect(errors).toEqual([]);
    expect(document).toBeDefined();
    expect(document!.version()).toBe('3.0.0');
  });

  it('describes both directions, their payloads and acknowledgements, and the handshake auth', async () => {
    const doc = load(await served()) as any;
    const messages = doc.channels.socket.messages;
    const names = (suffix: string) => Object.keys(messages).filter((id) => id.endsWith(suffix)).map((id) => messages[id].name).sort();
    expect(names('FromServer')).toEqual(['conversation', 'conversation.left', 'livechat.channel', 'livechat.channel.operator', 'livechat.help', 'livechat.session', 'message', 'modules', 'presence', 'typing']);
    expect(names('FromClient')).toEqual(['activity', 'livechat.channels.unwatch', 'livechat.channels.watch', 'message', 'typing']);
    expect(messages.messageFromServer.payload).toEqual({ $ref: '#/components/schemas/Message' });
    expect(doc.operations.receiveMessage.reply.messages).toEqual([{ $ref: '#/channels/socket/messages/messageAck' }]);
    expect(messages.messageAck.payload.anyOf).toEqual([{ $ref: '#/components/schemas/Message' }, { $ref: '#/components/schemas/SocketError' }]);
    expect(doc.components.schemas.SocketMessageDto.properties.clientId).toEqual(expect.objectContaining({ type: 'string', pattern: expect.any(String) }));
    expect(doc.components.schemas.HandshakeAuth.anyOf).toEqual([{ $ref: '#/components/schemas/PlatformHandshake' }, { $ref: '#/components/schemas/LivechatHandshake' }]);
    expect(doc.components.schemas.LivechatHandshake.required).toEqual(['visitorToken']);
  });

  it("describes only the enabled modules' events", async () => {
    await t.http.post('/api/modules/livechat/disable').set(admin()).expect(200);
    try {
      const doc = load(await served()) as any;
      const events = Object.values<{ name: string }>(doc.channels.socket.messages).map((m) => m.name);
      expect(events.filter((name) => name.startsWith('livechat.'))).toEqual([]);
      expect(doc.components.schemas.LivechatHandshake).toBeUndefined();
      expect(events).toContain('message');
    } finally {
      await t.http.post('/api/modules/livechat/enable').set(admin()).expect(200);
    }
  });
});
