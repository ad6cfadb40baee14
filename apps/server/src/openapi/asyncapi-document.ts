import { reachable } from './openapi-documents';
import { addValidationLimits } from './validation-limits';

type Schema = Record<string, any>;
export const ASYNCAPI_VERSION = '3.0.0';

/** `canned_responses` → `CannedResponses`: the prefix of a module's event catalogues in libs/protocol (socket-events.ts). */
const pascal = (name: string) => name.replace(/(^|_)([a-z])/g, (_m, _sep, c: string) => c.toUpperCase());

/** The event catalogue of an owner: its events, by name, each a schema (a `$ref`). */
function catalogue(schemas: Record<string, Schema>, name: string): Record<string, Schema> {
  return schemas[name]?.properties ?? {};
}

/**
 * The AsyncAPI 3 document of the socket.io events of the given modules (and the host's own), from the
 * catalogues each declares in libs/protocol (`<Module>ServerEvents`, `…ClientEvents`, `…ClientAcks`,
 * `…Handshake`). Described from the server's side: it `send`s the server events and `receive`s the
 * client events, replying with their acknowledgement.
 */
export function asyncApiDocument(modules: string[], allSchemas: Record<string, Schema>, host: string): Schema {
  const schemas: Record<string, Schema> = structuredClone(allSchemas);
  addValidationLimits(schemas);
  const owners = ['Platform', ...modules.map(pascal)];
  const messages: Record<string, Schema> = {};
  const operations: Record<string, Schema> = {};
  const handshakes: Schema[] = [];
  const ref = (to: string) => ({ $ref: to });
  for (const owner of owners) {
    const acks = catalogue(schemas, `${owner}ClientAcks`);
    for (const [event, payload] of Object.entries(catalogue(schemas, `${owner}ServerEvents`))) {
      const id = `${key(event)}FromServer`;
      messages[id] = { name: event, title: event, summary: payload.description ?? `The ${event} event`, payload: strip(payload) };
      operations[`send${pascalEvent(event)}`] = { action: 'send', title: `Server emits ${event}`, channel: ref('#/channels/socket'), messages: [ref(`#/channels/socket/messages/${id}`)] };
    }
    for (const [event, payload] of Object.entries(catalogue(schemas, `${owner}ClientEvents`))) {
      const id = `${key(event)}FromClient`;
      const ackId = `${key(event)}Ack`;
      messages[id] = { name: event, title: event, summary: payload.description ?? `The ${event} event`, payload: strip(payload) };
      messages[ackId] = { name: `${event} acknowledgement`, title: `${event} acknowledgement`, summary: `The acknowledgement of ${event}, or a SocketError`, payload: { anyOf: [strip(acks[event] ?? { type: 'object' }), ref('#/components/schemas/SocketError')] } };
      operations[`receive${pascalEvent(event)}`] = {
        action: 'receive',
        title: `Client emits ${event}`,
        channel: ref('#/channels/socket'),
        messages: [ref(`#/channels/socket/messages/${id}`)],
        reply: { channel: ref('#/channels/socket'), messages: [ref(`#/channels/socket/messages/${ackId}`)] },
      };
    }
    if (schemas[`${owner}Handshake`]) handshakes.push(ref(`#/components/schemas/${owner}Handshake`));
  }
  const handshake = { description: "The socket.io handshake's `auth` object: one of these credentials (a wrong one is refused with connect_error).", anyOf: handshakes };
  const document: Schema = {
    asyncapi: ASYNCAPI_VERSION,
    info: {
      title: 'Live chat platform socket.io events',
      version: '1',
      description:
        'socket.io (v4) on the HTTP port, default namespace. Connect with `auth` as described by `HandshakeAuth` (a user: `{token}`; a visitor: `{visitorToken}`). Every client event is acknowledged: with its answer, or with a `SocketError` (a malformed event never drops the connection). The events of a module are present while it is enabled. HTTP routes: /api/docs-json.',
      license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
    },
    defaultContentType: 'application/json',
    servers: { self: { host, protocol: 'ws', pathname: '/socket.io', description: 'This server (socket.io over WebSocket, or HTTP long-polling)' } },
    channels: {
      socket: {
        address: '/',
        title: 'The default namespace',
        description: 'Every event goes through the default namespace; the handshake `auth` is `#/components/schemas/HandshakeAuth`.',
        messages,
        'x-handshake-auth': ref('#/components/schemas/HandshakeAuth'),
      },
    },
    operations,
    components: { schemas: {} },
  };
  document.components.schemas = reachable({ ...schemas, HandshakeAuth: handshake }, { channels: document.channels });
  return document;
}

/** A message id: `conversation.left` → `conversation_left`. */
const key = (event: string) => event.replace(/[^A-Za-z0-9]+/g, '_');
const pascalEvent = (event: string) => event.split(/[^A-Za-z0-9]+/).map((part) => part[0].toUpperCase() + part.slice(1)).join('');

/** A catalogue property's schema without its description (that went to the message's summary). */
function strip(schema: Schema): Schema {
  const { description: _description, ...rest } = schema;
  return rest;
}
