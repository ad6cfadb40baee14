import type { INestApplication } from '@nestjs/common';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import type { Socket } from 'socket.io-client';
import { openApiDocumentsOf } from '../src/openapi/serve-api-documents';
import { pointInto } from './openapi-validation';

type Message = { name: string; payload?: object };
type AsyncApiDocument = { channels: { socket: { messages: Record<string, Message> } }; components: object };

/** The payload schemas of a document's messages, each compiled on first use; shared by the apps of a test file with the same modules. */
class SocketSchemas {
  private readonly ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  private readonly payloads = new Map<string, object>();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: AsyncApiDocument) {
    this.ajv.addSchema({ $id: 'asyncapi', components: document.components });
    for (const [id, message] of Object.entries(document.channels.socket.messages)) {
      if (id.endsWith('FromServer')) this.payloads.set(`server:${message.name}`, message.payload ?? {});
      if (id.endsWith('Ack')) this.payloads.set(`ack:${message.name.replace(/ acknowledgement$/, '')}`, message.payload ?? {});
    }
  }

  serverEvent = (event: string) => this.validator(`server:${event}`);
  ack = (event: string) => this.validator(`ack:${event}`);

  private validator(key: string): ValidateFunction | undefined {
    const payload = this.payloads.get(key);
    if (!payload) return undefined;
    let validate = this.compiled.get(key);
    if (!validate) this.compiled.set(key, (validate = this.ajv.compile(pointInto(payload, 'asyncapi'))));
    return validate;
  }
}
const socketSchemas = new Map<string, SocketSchemas>();

/**
 * Checks every event a test socket receives, and every acknowledgement of what it sends, against the
 * AsyncAPI document (every module's events): an event the document does not name, or a payload that does
 * not match, is recorded; the app's close() fails the suite with the list.
 */
export class SocketEventValidator {
  readonly problems: string[] = [];
  private readonly schemas: SocketSchemas;

  constructor(app: INestApplication) {
    const documents = openApiDocumentsOf(app);
    const key = documents.moduleNames.join(',');
    let schemas = socketSchemas.get(key);
    if (!schemas) socketSchemas.set(key, (schemas = new SocketSchemas(documents.asyncApi('localhost', true) as AsyncApiDocument)));
    this.schemas = schemas;
  }

  /** Watches a socket before it connects. */
  watch(socket: Socket): void {
    socket.onAny((event: string, payload: unknown) => {
      const validate = this.schemas.serverEvent(event);
      if (!validate) this.problems.push(`the server emitted "${event}", an event the AsyncAPI document does not name`);
      else this.check(validate, `"${event}"`, payload);
    });
    const emit = socket.emit.bind(socket);
    socket.emit = ((event: string, ...args: unknown[]) => {
      const ack = args.at(-1);
      const validate = this.schemas.ack(event);
      if (typeof ack === 'function' && validate) {
        // An ack that takes an error first (emitWithAck, timeout()) is called (error, answer): socket.io reads `withError`.
        const withError = (ack as { withError?: boolean }).withError === true || (socket as unknown as { flags: { timeout?: number } }).flags.timeout !== undefined;
        const checked = (...answer: unknown[]) => {
          if (!(withError && answer[0])) this.check(validate, `the acknowledgement of "${event}"`, withError ? answer[1] : answer[0]);
          return (ack as (...a: unknown[]) => unknown)(...answer);
        };
        args[args.length - 1] = Object.assign(checked, { withError });
      }
      return emit(event, ...args);
    }) as typeof socket.emit;
  }

  private check(validate: ValidateFunction, what: string, payload: unknown): void {
    if (validate(payload)) return;
    const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(payload)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` "${e.params.additionalProperty}"` : ''}`);
    this.problems.push(`${what} does not match the AsyncAPI document: ${errors.join('; ')} in ${JSON.stringify(payload).slice(0, 300)}`);
  }
}
