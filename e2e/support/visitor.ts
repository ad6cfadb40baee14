/** The visitor's side of a live chat, as the widget does it, for tests that need a visitor without a widget. */
export interface VisitorSession {
  sessionId: number;
  conversationId: number;
  visitorToken: string;
  status: 'active' | 'queued';
  operator: { id: number; name: string } | null;
}

/** The visitor side, as the widget does it: POST .../sessions with the browser's Accept-Language. */
export async function startVisitorSession(baseUrl: string, visitorName: string, acceptLanguage: string, pageUrl: string): Promise<VisitorSession> {
  const response = await fetch(`${baseUrl}/api/livechat/channels/1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': acceptLanguage, 'cf-ipcountry': acceptLanguage.slice(3, 5) },
    body: JSON.stringify({ visitorName, pageUrl }),
  });
  expect(response.status).toBe(201);
  return response.json();
}

export async function visitorSays(baseUrl: string, session: VisitorSession, body: string): Promise<void> {
  const response = await fetch(`${baseUrl}/api/livechat/sessions/${session.sessionId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-visitor-token': session.visitorToken },
    body: JSON.stringify({ body }),
  });
  expect(response.status).toBe(201);
}
