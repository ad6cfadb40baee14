import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiSchemes, PUBLIC_ROUTE, REQUIRED_GROUPS } from '@lc/platform/server';
import type { DiscoveredModule } from '../modules-host/discover-modules';

type Operation = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const WRITES = new Set(['post', 'put', 'patch', 'delete']);
const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/HttpError' } } } });

/**
 * What every route of a module's document says without the module writing it, read off the route the way
 * the platform's guard and the edge treat it: its tag (the module), a unique operationId, its security
 * requirement, optional headers as optional, and the errors DESIGN.md gives every route of its kind.
 */
export function describeOperations(document: OpenAPIObject, mod: DiscoveredModule): void {
  // The request classes: DESIGN's whitelist refuses any field they do not name (400).
  for (const schema of Object.values<Operation>(document.components?.schemas ?? {})) if (schema.type === 'object' && schema.properties) schema.additionalProperties ??= false;
  const controllers: Function[] = Reflect.getMetadata('controllers', mod.nestModule) ?? [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const [controllerName, handlerName] = String(operation.operationId).split('_');
      const controller = controllers.find((c) => c.name === controllerName);
      if (!controller) throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} has no controller in module ${mod.manifest.name}`);
      const handler = controller.prototype[handlerName];
      const meta = <T>(key: string): T | undefined => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
      operation.operationId = `${mod.manifest.name}_${controllerName.replace(/Controller$/, '')}_${handlerName}`;
      operation.tags = [mod.manifest.name];
      const isPublic = meta<boolean>(PUBLIC_ROUTE) === true;
      // Explicit (a visitor route) wins; else a signed-in user's token or cookie, or nothing for a public route.
      operation.security ??= isPublic ? [] : [{ [ApiSchemes.bearer]: [] }, { [ApiSchemes.cookie]: [] }];
      const schemes = new Set((operation.security as Array<Record<string, unknown>>).flatMap((requirement) => Object.keys(requirement)));
      operation.parameters = (operation.parameters ?? [])
        // A header a security scheme describes is not repeated as a parameter.
        .filter((p: Operation) => !(p.in === 'header' && p.name.toLowerCase() === 'x-visitor-token' && schemes.has(ApiSchemes.visitorToken)))
        // Nest marks every @Headers() parameter required; none of this API's headers is.
        .map((p: Operation) => (p.in === 'header' ? { ...p, required: false, schema: { type: 'string' } } : p));
      if (!operation.parameters.length) delete operation.parameters;
      for (const response of Object.values<Operation>(operation.responses ?? {})) if (!response.description) response.description = 'Success';
      // A body whose fields are all optional may be left out (Nest marks every @Body() required).
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      const bodyClass = bodySchema?.$ref ? document.components?.schemas?.[bodySchema.$ref.split('/').pop()] : bodySchema;
      if (bodyClass && !(bodyClass as Operation).required?.length) operation.requestBody.required = false;
      const add = (status: number, description: string) => (operation.responses[status] ??= error(description));
      add(400, 'Invalid input: a malformed id, parameter or body (the message names each bad field), or a NUL character in the URL');
      if (schemes.size) add(401, schemes.has(ApiSchemes.visitorToken) && !schemes.has(ApiSchemes.bearer) ? 'No or an unknown X-Visitor-Token' : 'No or a bad token or cookie');
      const groups = meta<string[]>(REQUIRED_GROUPS);
      if (groups?.length) add(403, `Not in one of the groups ${groups.join(', ')}, or not allowed this record (not a member, not its operator…)`);
      else if (schemes.has(ApiSchemes.bearer)) add(403, 'Not allowed this record (not a member, not its operator…), or a write authenticated by the cookie from another origin');
      if (path.includes('{')) add(404, 'Unknown, or not yours to know of');
      if (WRITES.has(method)) {
        add(413, 'The body is larger than 64 KiB');
        add(415, 'The body is not JSON');
      }
    }
  }
}
