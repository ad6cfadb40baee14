/**
 * An integrator's visitor chat against the public API, typed by the OpenAPI document:
 *   npx openapi-typescript http://localhost:8069/api/docs-json -o api.d.ts
 * (apps/server/test/integrator-example.api.spec.ts generates the types from the served document,
 * compiles this file against them and runs it.)
 */
import type { components, paths } from './api';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type StartSession = paths['/api/livechat/channels/{id}/sessions']['post'];
type SendMessage = paths['/api/livechat/sessions/{id}/messages']['post'];
type ReadMessages = paths['/api/livechat/sessions/{id}/messages']['get'];
export type Message = components['schemas']['Message'];

async function call<T>(url: string, init: RequestInit = {}, visitorToken?: string): Promise<T> {
  const headers = { 'Content-Type': 'application/json', ...(visitorToken ? { 'X-Visitor-Token': visitorToken } : {}) };
  const res = await fetch(url, { ...init, headers });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Starts a visitor session in a channel, says hello, and reads the conversation back. */
export async function visitorChat(baseUrl: string, channelId: number, visitorName: string): Promise<{ visitorToken: string; conversationId: number; messages: Message[] }> {
  const start: Json<NonNullable<StartSession['requestBody']>> = { visitorName };
  const session = await call<Json<StartSession['responses'][201]>>(`${baseUrl}/api/livechat/channels/${channelId}/sessions`, { method: 'POST', body: JSON.stringify(start) });
  const hello: Json<SendMessage['requestBody']> = { body: 'Hello, is anyone there?', clientId: 'hello-1' };
  const sent = await call<Json<SendMessage['responses'][201]>>(`${baseUrl}/api/livechat/sessions/${session.sessionId}/messages`, { method: 'POST', body: JSON.stringify(hello) }, session.visitorToken);
  const messages = await call<Json<ReadMessages['responses'][200]>>(`${baseUrl}/api/livechat/sessions/${session.sessionId}/messages`, {}, session.visitorToken);
  if (!messages.some((m) => m.id === sent.id)) throw new Error('the message sent is not in the conversation');
  return { visitorToken: session.visitorToken, conversationId: session.conversationId, messages };
}
