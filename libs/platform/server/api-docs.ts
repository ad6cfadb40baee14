import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiSecurity } from '@nestjs/swagger';
import type protocolSchemas from '../../protocol/schemas.generated.json';

/**
 * How a route is described in the OpenAPI document (/api/docs). The host adds what it can read off the
 * route itself: the security requirement (a user's bearer token or session cookie, unless @Public), the
 * errors every route of its kind can answer (400, 401, 403, 404, 413, 415) and one tag per module. A
 * route adds its summary, its answer and the errors only it gives (409, 429, …).
 */

/** A type of libs/protocol, by name: its JSON Schema (libs/protocol/schemas.generated.json) is in the documents. */
export type ProtocolType = keyof (typeof protocolSchemas)['definitions'];

/** An answer's schema: a protocol type, a list of one (`[name]`), or a plain JSON Schema. */
export type ApiAnswer = ProtocolType | [ProtocolType] | Record<string, unknown>;

/** The security schemes of the documents: a user's opaque token, their session cookie, a visitor's token. */
export const ApiSchemes = { bearer: 'bearer', cookie: 'cookie', visitorToken: 'visitorToken' } as const;

export function schemaOf(answer: ApiAnswer): Record<string, unknown> {
  if (typeof answer === 'string') return { $ref: `#/components/schemas/${answer}` };
  if (Array.isArray(answer)) return { type: 'array', items: { $ref: `#/components/schemas/${answer[0]}` } };
  return answer;
}

export interface ApiRouteOptions {
  /** Status of the answer; 200 unless given (write it for a POST: Nest answers 201 unless @HttpCode says otherwise). */
  status?: number;
  /** What the answer carries; none for an empty answer (204). */
  returns?: ApiAnswer;
  /** The errors particular to this route, each with what it means here: `{409: 'the session has ended'}`. */
  errors?: Record<number, string>;
  /** Other successful statuses with the same answer: `{200: 'the message with this clientId, already stored'}`. */
  alternatives?: Record<number, string>;
  description?: string;
}

/** The summary, the answer and the route's own errors of one route. */
export function ApiRoute(summary: string, options: ApiRouteOptions = {}): MethodDecorator {
  const { status, returns, errors = {}, alternatives = {}, description } = options;
  const answer = returns ? { schema: schemaOf(returns) as never } : {};
  return applyDecorators(
    ApiOperation({ summary, description }),
    // Without `returns` nor `status` the route describes its answer itself (e.g. in several media types).
    ...(returns || status ? [ApiResponse({ status: status ?? 200, description: 'Success', ...answer })] : []),
    ...Object.entries(alternatives).map(([code, text]) => ApiResponse({ status: Number(code), description: text, ...answer })),
    ...Object.entries(errors).map(([code, text]) => ApiResponse({ status: Number(code), description: text, schema: { $ref: '#/components/schemas/HttpError' } })),
  );
}

/**
 * The route takes the visitor's `X-Visitor-Token` as its credential (401 without one, 404 for another
 * session's); `orUser`: a signed-in user may call it instead.
 */
export function ApiVisitorRoute(options: { orUser?: boolean } = {}): MethodDecorator {
  const schemes = options.orUser ? [ApiSchemes.visitorToken, ApiSchemes.bearer, ApiSchemes.cookie] : [ApiSchemes.visitorToken];
  return applyDecorators(...schemes.map((scheme) => ApiSecurity(scheme)));
}
