/** A JSON request to the chat server; throws only on a network failure (never on an HTTP status). */
export interface Reply<T = any> {
  status: number;
  data: T;
}

export async function api<T = any>(url: string, method = 'GET', body?: unknown, token?: string | null): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers['X-Visitor-Token'] = token;
  // No cookies: a visitor is known by the token only, even on the server's own origin.
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit', mode: 'cors' });
  let data: any = null;
  try {
    data = await res.json();
  } catch {
    /* empty or non-JSON body */
  }
  return { status: res.status, data };
}

/** The first line of a Nest error body. */
export const errorText = (data: any): string | undefined => {
  const m = data && data.message;
  return Array.isArray(m) ? String(m[0]) : typeof m === 'string' ? m : undefined;
};
