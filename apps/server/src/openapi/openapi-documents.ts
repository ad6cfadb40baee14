import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ApiSchemes, ModuleRegistry, SESSION_COOKIE } from '@lc/platform/server';
import protocolSchemas from '../../../../libs/protocol/schemas.generated.json';
import protocolRequestMetadata from '../../../../libs/protocol/src/openapi-metadata.generated';
import type { DiscoveredModule } from '../modules-host/discover-modules';
import { asyncApiDocument } from './asyncapi-document';
import { describeOperations } from './describe-operations';
import { addValidationLimits } from './validation-limits';

export const OPENAPI_VERSION = '3.1.0';

/**
 * The OpenAPI document of the API, one part per module (Nest's scanner restricted to that module's
 * controllers), built on first use. `served()` is the document of the modules enabled now, as their routes
 * are; `full()` describes every module (what the tests validate answers against).
 */
export class OpenApiDocuments {
  private parts?: Promise<DocumentPart[]>;

  constructor(
    private readonly app: INestApplication,
    private readonly modules: DiscoveredModule[],
  ) {}

  /** Names the modules the documents are made of (enabled or not). */
  get moduleNames(): string[] {
    return this.modules.map((mod) => mod.manifest.name);
  }

  async served(): Promise<OpenAPIObject> {
    const registry = this.app.get(ModuleRegistry);
    return merge((await this.build()).filter((part) => registry.isEnabled(part.module)));
  }

  async full(): Promise<OpenAPIObject> {
    return merge(await this.build());
  }

  /** The AsyncAPI document of the enabled modules' socket events (`all`: every module's), for clients of `host`. */
  asyncApi(host: string, all = false): Record<string, unknown> {
    const registry = this.app.get(ModuleRegistry);
    const modules = this.modules.filter((mod) => all || registry.isEnabled(mod.manifest.name));
    const schemas = Object.assign({}, protocolSchemas.definitions, ...modules.map((mod) => mod.schemas ?? {}));
    return asyncApiDocument(modules.map((mod) => mod.manifest.name), schemas, host);
  }

  private build() {
    return (this.parts ??= (async () => {
      // What @nestjs/swagger's CLI plugin read off the request classes (scripts/gen-openapi-metadata.mjs).
      await SwaggerModule.loadPluginMetadata(protocolRequestMetadata);
      for (const mod of this.modules) if (mod.openApiMetadata) await SwaggerModule.loadPluginMetadata(mod.openApiMetadata);
      return this.modules.map((mod) => {
        const document = SwaggerModule.createDocument(this.app, base(), { include: [mod.nestModule as never], operationIdFactory: (controller, method) => `${controller}_${method}` });
        addValidationLimits((document.components?.schemas ?? {}) as Record<string, Record<string, unknown>>);
        describeOperations(document, mod);
        return { module: mod.manifest.name, document, schemas: mod.schemas ?? {} };
      });
    })());
  }
}

function base(): Omit<OpenAPIObject, 'paths'> {
  return new DocumentBuilder()
    .setOpenAPIVersion(OPENAPI_VERSION)
    .setTitle('Live chat platform API')
    .setDescription('The public API v1 of the live chat platform. Socket.io events: /api/asyncapi.yaml.')
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/license/mit')
    .addServer('/', 'This server')
    .build();
}

interface DocumentPart {
  module: string;
  document: OpenAPIObject;
  /** The module's own answer types. */
  schemas: Record<string, unknown>;
}

/** One document of the given parts: their paths and tags, the shared schemas and security schemes. */
function merge(parts: DocumentPart[]): OpenAPIObject {
  const document: OpenAPIObject = { ...base(), paths: {} };
  for (const { document: part } of parts) {
    for (const [path, item] of Object.entries(part.paths)) document.paths[path] = { ...document.paths[path], ...item };
  }
  const schemas: Record<string, unknown> = { ...(protocolSchemas.definitions as Record<string, unknown>), HttpError };
  for (const part of parts) Object.assign(schemas, part.schemas, part.document.components?.schemas);
  document.components = {
    schemas: reachable(schemas, document.paths) as never,
    // Those the operations use (the visitor token's goes with the module that has visitors).
    securitySchemes: Object.fromEntries(Object.entries(SECURITY_SCHEMES).filter(([name]) => JSON.stringify(document.paths).includes(`{"${name}":[]}`))),
  };
  document.tags = parts.filter((part) => Object.keys(part.document.paths).length).map(({ module }) => ({ name: module, description: `The routes of the ${module} module (present while it is enabled).` }));
  return document;
}

/** The schemas the paths use, directly or not (another module's event types are not this document's). */
export function reachable(schemas: Record<string, unknown>, from: unknown): Record<string, unknown> {
  const used: Record<string, unknown> = {};
  const visit = (value: unknown) => {
    for (const [, name] of JSON.stringify(value).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      if (used[name] || !schemas[name]) continue;
      used[name] = schemas[name];
      visit(schemas[name]);
    }
  };
  visit(from);
  return Object.fromEntries(Object.keys(used).sort().map((name) => [name, used[name]]));
}

const SECURITY_SCHEMES = {
  [ApiSchemes.bearer]: { type: 'http', scheme: 'bearer', description: 'The opaque token `POST /api/auth/login` answers (not a JWT).' },
  [ApiSchemes.cookie]: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: "The HttpOnly session cookie login sets (the web shell). State-changing requests with it must come from the shell's own origin." },
  [ApiSchemes.visitorToken]: { type: 'apiKey', in: 'header', name: 'X-Visitor-Token', description: 'The `visitorToken` a visitor session start answered.' },
} as const;

/**
 * Nest's error answer: `message` is a string, or a list naming each bad field; `i18n` the same messages as keys
 * of the modules' `errors` texts with their params (one entry per message, in the same order), for clients that
 * show them in their reader's language.
 */
const HttpError = {
  type: 'object',
  required: ['statusCode', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    message: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    error: { type: 'string' },
    i18n: { type: 'array', items: { $ref: '#/components/schemas/ErrorI18n' }, description: 'One entry per message: its key in the `errors` texts and the ICU params it is rendered with.' },
  },
};
