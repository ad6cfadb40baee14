import type { INestApplication } from '@nestjs/common';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { ModuleRegistry } from '@lc/platform/server';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { openApiDocumentsOf } from '../src/openapi/serve-api-documents';

type Operation = { tags?: string[]; responses: Record<string, { content?: Record<string, { schema?: object }> }> };
interface Route {
  pattern: RegExp;
  /** Fewer parameters first: `/api/me/preferences` before `/api/me/{x}`. */
  parameters: number;
  path: string;
  operations: Record<string, Operation>;
}

/** Addresses the OpenAPI document does not describe: the documents themselves. */
const UNDESCRIBED = /^\/api\/(docs|asyncapi\.yaml)/;
/** What the edge answers to any address under /api before a route is chosen (DESIGN.md, "The edge"), and 404. */
const ANY_ADDRESS = new Set([400, 403, 404, 413, 415]);

/**
 * Checks every answer of the API against the OpenAPI document the application serves (every module's
 * routes): its route and status must be described, and a JSON body must match the status's schema. A
 * route that is not there may only answer 404 or the edge's refusals; a disabled module's routes answer
 * 404. A 500 is left to the suites' own expectations (a failure, e.g. of the disk, is no part of the
 * contract). Compiled once per set of modules in a test file, each schema on first use.
 */
export class OpenApiResponseValidator {
  private constructor(
    private readonly routes: Route[],
    private readonly ajv: Ajv2020,
    private readonly validators: Map<string, ValidateFunction>,
    private readonly registry: ModuleRegistry,
  ) {}

  static async of(app: INestApplication): Promise<OpenApiResponseValidator> {
    const documents = openApiDocumentsOf(app);
    // The apps of a suite with the same modules share the compiled document (each its own registry).
    const key = documents.moduleNames.join(',');
    let compiled = compiledDocuments.get(key);
    if (!compiled) compiledDocuments.set(key, (compiled = documents.full().then(compile)));
    const { routes, ajv, validators } = await compiled;
    return new OpenApiResponseValidator(routes, ajv, validators, app.get(ModuleRegistry));
  }

  /** What is wrong with this answer to `method url`, or undefined. */
  problem(method: string, url: string, res: Pick<Response, 'status' | 'headers' | 'body' | 'text'>): string | undefined {
    const path = new URL(url, 'http://x').pathname;
    if (!path.startsWith('/api/') || UNDESCRIBED.test(path) || method === 'OPTIONS' || res.status === 500) return undefined; // OPTIONS: CORS preflights
    const verb = method === 'HEAD' ? 'get' : method.toLowerCase();
    const route = this.routes.find((r) => r.pattern.test(path) && r.operations[verb]);
    if (!route) return ANY_ADDRESS.has(res.status) ? undefined : `${method} ${path} answered ${res.status} but the OpenAPI document has no such route`;
    const module = route.operations[verb].tags?.[0];
    if (res.status === 404 && module && !this.registry.isEnabled(module)) return undefined;
    const response = route.operations[verb].responses[res.status];
    if (!response) return `${method} ${route.path} answered ${res.status}, a status the OpenAPI document does not give it: ${res.text?.slice(0, 300)}`;
    if (method === 'HEAD') return undefined;
    const type = String(res.headers['content-type'] ?? '').split(';')[0].trim();
    if (!type) return response.content && res.status !== 204 ? `${method} ${route.path} ${res.status} answered nothing; the document gives it a body` : undefined;
    const media = response.content?.[type];
    if (!media) return `${method} ${route.path} ${res.status} answered ${type}, which the OpenAPI document does not give it`;
    if (!media.schema || type !== 'application/json') return undefined;
    const validate = this.validator(`${route.path} ${verb} ${res.status}`, media.schema);
    if (validate(res.body)) return undefined;
    const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` "${e.params.additionalProperty}"` : ''}`);
    return `${method} ${route.path} ${res.status}: the answer does not match the OpenAPI document: ${errors.join('; ')}`;
  }

  private validator(key: string, schema: object): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) this.validators.set(key, (validate = this.ajv.compile(pointInto(schema))));
    return validate;
  }
}

interface CompiledDocument {
  routes: Route[];
  ajv: Ajv2020;
  validators: Map<string, ValidateFunction>;
}
const compiledDocuments = new Map<string, Promise<CompiledDocument>>();

function compile(document: { paths: Record<string, unknown>; components?: unknown }): CompiledDocument {
  // OpenAPI 3.1 schemas are JSON Schema 2020-12; `example` and the like are annotations, formats are not checked.
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ $id: 'openapi', components: document.components });
  const routes = Object.entries(document.paths)
    .map(([path, operations]) => ({
      path,
      operations: operations as Record<string, Operation>,
      parameters: (path.match(/\{/g) ?? []).length,
      pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }))
    .sort((a, b) => a.parameters - b.parameters);
  return { routes, ajv, validators: new Map() };
}

/** A schema of a document, its `$ref`s resolved against the components of the schema registered as `id`. */
export function pointInto(schema: object, id = 'openapi'): object {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${id}#/components/`));
}

/** The agent, each of whose requests fails when its answer disagrees with the OpenAPI document. */
export function validatingAgent(agent: TestAgent, validator: Promise<OpenApiResponseValidator>): TestAgent {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string' || !HTTP_METHODS.has(property)) return value;
      return (...args: unknown[]) => {
        const test = value.apply(target, args);
        let checker: OpenApiResponseValidator | undefined;
        // Resolved before the request is sent (supertest runs its assertions synchronously on the answer).
        const ready = validator.then((v) => (checker = v));
        const end = test.end.bind(test);
        test.end = (callback: (error: unknown, res: Response) => void) => {
          void ready.then(() => end(callback), (error: unknown) => callback(error, undefined as never));
          return test;
        };
        // Runs before the suite's own expectations: an undescribed answer fails even where they would pass.
        return test.expect((res: Response) => {
          const problem = checker!.problem(test.method, test.url, res);
          if (problem) throw new Error(problem);
        });
      };
    },
  });
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
