// DEV TOOL ONLY — a throwaway in-memory MOCK of the livechat visitor API (DESIGN.md "Public API v1"), to try the
// widget in a browser before/without the real server. Not used by the product or by any test.
//
//   node modules/livechat/widget/build.mjs && node modules/livechat/widget/dev-server.mjs
//   open http://127.0.0.1:8079/          (the demo page, same origin)
//        http://127.0.0.1:8080/          (a "foreign" website embedding the widget cross-origin)
//
// Play the operator with GET /dev/... (sid defaults to the latest session):
//   /dev/state?operatorsInside=0|1&mode=active|queued&queuePosition=2&header=%23336699&button=...&welcome=...
//   /dev/assign?name=Marc   /dev/queue?pos=3   /dev/say?text=Hi   /dev/system?text=...   /dev/typing?on=1|0
//   /dev/rename?name=Marco  /dev/end[?silent=1]   /dev/fail?status=429&count=1   /dev/delay?ms=1500   /dev/drop   /dev/sessions
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '../../../dist/widget');
const PORT = Number(process.env.PORT || 8079);
const log = (...a) => process.env.QUIET || console.log('[mock]', ...a);

const channel = { id: 1, name: 'Acme Furniture', buttonText: 'Have a question? Chat with us.', welcomeMessage: 'Hello! How can we help you today?', colors: {}, operatorsInside: 1, available: true };
let mode = 'active'; // how new sessions start
let queuePosition = 1;
let operator = { id: 7, name: 'Marc Demo' };
let failNext = { status: 0, count: 0 };
let delayMs = 0;
const sessions = new Map(); // id -> {id, conversationId, token, status, operator, queuePosition}
const messages = new Map(); // conversationId -> Message[]
const offline = [];
let ids = { session: 0, message: 0 };

const now = () => new Date().toISOString();
const tokens = () => new Set([...sessions.values()].map((s) => s.token));
const room = (sid) => `s:${sid}`;
const event = (s) => ({ sessionId: s.id, status: s.status, operator: s.operator, queuePosition: s.status === 'queued' ? s.queuePosition : null });

function post(s, author, body, clientId = null) {
  const list = messages.get(s.conversationId);
  const dup = clientId && list.find((m) => m.clientId === clientId && m.author.kind === author.kind && m.author.id === author.id);
  if (dup) return { message: dup, created: false };
  const message = { id: ++ids.message, conversationId: s.conversationId, author, body, clientId, createdAt: now() };
  list.push(message);
  io.to(room(s.id)).emit('message', message);
  return { message, created: true };
}

const json = (res, status, data) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(data === undefined ? '' : JSON.stringify(data));
};
const error = (res, status, message) => json(res, status, { statusCode: status, message, error: { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 409: 'Conflict', 429: 'Too Many Requests' }[status] });
const readBody = (req) =>
  new Promise((resolve) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      try {
        resolve(raw ? JSON.parse(raw) : {});
      } catch {
        resolve(null);
      }
    });
  });
const unknownFields = (body, allowed) => Object.keys(body).filter((k) => !allowed.includes(k));
const bodyProblem = (b) => (typeof b !== 'string' ? 'body must be a string' : !b.trim() ? 'body must not be empty' : b.trim().length > 4000 ? 'body must be at most 4000 characters' : null);

function visitorSession(req, res, sid) {
  const token = req.headers['x-visitor-token'];
  if (!token || !tokens().has(token)) return error(res, 401, 'Unknown visitor token'), null;
  const s = sessions.get(sid);
  if (!s || s.token !== token) return error(res, 404, `Session ${sid} not found`), null;
  return s;
}

async function handleApi(req, res, path) {
  let m;
  if (req.method === 'GET' && (m = path.match(/^\/api\/livechat\/channels\/(\d+)\/public$/))) {
    return +m[1] === channel.id ? json(res, 200, channel) : error(res, 404, 'Channel not found');
  }
  if (req.method === 'POST' && (m = path.match(/^\/api\/livechat\/channels\/(\d+)\/offline-messages$/))) {
    const b = await readBody(req);
    if (!b) return error(res, 400, 'Invalid JSON');
    const bad = unknownFields(b, ['name', 'email', 'body']);
    if (bad.length) return error(res, 400, bad.map((f) => `property ${f} should not exist`));
    if (typeof b.email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(b.email)) return error(res, 400, ['email must be an email address']);
    if (bodyProblem(b.body)) return error(res, 400, [bodyProblem(b.body)]);
    offline.push({ ...b, at: now() });
    log('offline message', b);
    return json(res, 201, { id: offline.length });
  }
  if (req.method === 'POST' && (m = path.match(/^\/api\/livechat\/channels\/(\d+)\/sessions$/))) {
    const b = await readBody(req);
    if (!b) return error(res, 400, 'Invalid JSON');
    const bad = unknownFields(b, ['visitorName', 'pageUrl']);
    if (bad.length) return error(res, 400, bad.map((f) => `property ${f} should not exist`));
    const given = req.headers['x-visitor-token'];
    const token = given && tokens().has(given) ? given : randomBytes(24).toString('base64url');
    const id = ++ids.session;
    const s = { id, conversationId: 100 + id, token, status: mode, operator: mode === 'active' ? { ...operator } : null, queuePosition, pageUrl: b.pageUrl, lang: req.headers['accept-language'] };
    sessions.set(id, s);
    messages.set(s.conversationId, []);
    // Like the real server: the visitor's open sockets (an earlier session's) follow this one too.
    for (const sock of await io.fetchSockets()) if (sock.data.visitorToken === token) sock.join(room(id));
    log('session started', event(s), 'pageUrl', b.pageUrl, 'lang', s.lang);
    return json(res, 201, { sessionId: id, conversationId: s.conversationId, visitorToken: token, status: s.status, queuePosition: s.status === 'queued' ? s.queuePosition : null, operator: s.operator });
  }
  if ((m = path.match(/^\/api\/livechat\/sessions\/(\d+)\/(messages|close)$/))) {
    const s = visitorSession(req, res, +m[1]);
    if (!s) return;
    if (m[2] === 'close' && req.method === 'POST') {
      if (s.status !== 'ended') {
        s.status = 'ended';
        post(s, { kind: 'system', id: null, name: 'System' }, 'The visitor ended the conversation');
        io.to(room(s.id)).emit('livechat.session', event(s));
      }
      return json(res, 200, { id: s.id, status: s.status });
    }
    if (req.method === 'GET') return json(res, 200, messages.get(s.conversationId));
    if (req.method === 'POST') {
      const b = await readBody(req);
      if (!b) return error(res, 400, 'Invalid JSON');
      const bad = unknownFields(b, ['body', 'clientId']);
      if (bad.length) return error(res, 400, bad.map((f) => `property ${f} should not exist`));
      if (bodyProblem(b.body)) return error(res, 400, [bodyProblem(b.body)]);
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      if (failNext.count > 0) {
        failNext.count--;
        log('failing a message POST with', failNext.status);
        if (failNext.status === 0) return req.socket.destroy(); // a network failure
        return error(res, failNext.status, failNext.status === 429 ? 'Too many messages' : 'Mock failure');
      }
      if (s.status === 'ended') return error(res, 409, `Session ${s.id} has ended`);
      const { message, created } = post(s, { kind: 'visitor', id: s.id, name: `Visitor #${s.id}` }, b.body, b.clientId ?? null);
      return json(res, created ? 201 : 200, message);
    }
  }
  return error(res, 404, 'Not found');
}

function handleDev(res, path, q) {
  const s = sessions.get(Number(q.get('sid')) || ids.session);
  const need = () => (s ? true : (json(res, 404, { error: 'no session' }), false));
  switch (path) {
    case '/dev/state':
      if (q.has('operatorsInside')) channel.operatorsInside = +q.get('operatorsInside');
      if (q.has('available')) channel.available = q.get('available') === '1';
      if (q.has('mode')) mode = q.get('mode');
      if (q.has('queuePosition')) queuePosition = +q.get('queuePosition');
      for (const c of ['header', 'headerText', 'button', 'buttonText']) if (q.has(c)) channel.colors[c] = q.get(c) || undefined;
      if (q.has('welcome')) channel.welcomeMessage = q.get('welcome');
      if (q.has('label')) channel.buttonText = q.get('label');
      return json(res, 200, { channel, mode, queuePosition });
    case '/dev/assign':
      if (!need()) return;
      if (q.has('name')) operator = { ...operator, name: q.get('name') };
      Object.assign(s, { status: 'active', operator: { ...operator } });
      io.to(room(s.id)).emit('livechat.session', event(s));
      return json(res, 200, event(s));
    case '/dev/queue':
      if (!need()) return;
      Object.assign(s, { status: 'queued', operator: null, queuePosition: +(q.get('pos') || 1) });
      io.to(room(s.id)).emit('livechat.session', event(s));
      return json(res, 200, event(s));
    case '/dev/rename':
      operator = { ...operator, name: q.get('name') || 'Marco' };
      for (const x of sessions.values()) if (x.operator && x.status !== 'ended') (x.operator = { ...operator }), io.to(room(x.id)).emit('livechat.session', event(x));
      return json(res, 200, operator);
    case '/dev/say':
      if (!need()) return;
      return json(res, 201, post(s, { kind: 'user', id: operator.id, name: operator.name }, q.get('text') || 'Hello!').message);
    case '/dev/system':
      if (!need()) return;
      return json(res, 201, post(s, { kind: 'system', id: null, name: 'System' }, q.get('text') || 'Something happened').message);
    case '/dev/typing':
      if (!need()) return;
      io.to(room(s.id)).emit('typing', { conversationId: s.conversationId, author: { kind: 'user', id: operator.id, name: operator.name }, typing: q.get('on') !== '0' });
      return json(res, 200, { ok: true });
    case '/dev/end':
      if (!need()) return;
      s.status = 'ended';
      if (q.get('silent') === '1') return json(res, 200, event(s)); // as if the visitor missed the events
      post(s, { kind: 'system', id: null, name: 'System' }, `${operator.name} ended the conversation`);
      io.to(room(s.id)).emit('livechat.session', event(s));
      return json(res, 200, event(s));
    case '/dev/fail':
      failNext = { status: +(q.get('status') ?? 0), count: +(q.get('count') || 1) };
      return json(res, 200, failNext);
    case '/dev/delay':
      delayMs = +(q.get('ms') || 0);
      return json(res, 200, { delayMs });
    case '/dev/drop':
      io.disconnectSockets();
      return json(res, 200, { ok: true });
    case '/dev/sessions':
      return json(res, 200, { sessions: [...sessions.values()], messages: Object.fromEntries(messages), offline, typing: lastTyping });
  }
  json(res, 404, { error: 'unknown dev route' });
}

const file = (res, path, type) => {
  if (!existsSync(path)) return error(res, 404, `${path} not found: run node modules/livechat/widget/build.mjs`);
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(readFileSync(path));
};

function cors(res) {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, X-Visitor-Token');
  res.setHeader('Access-Control-Max-Age', '600');
}

const http = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const path = url.pathname;
  if (path.startsWith('/api/')) {
    cors(res);
    if (req.method === 'OPTIONS') return res.writeHead(204).end();
    return handleApi(req, res, path).catch((e) => (console.error(e), error(res, 500, 'mock error')));
  }
  if (path.startsWith('/dev/')) return handleDev(res, path, url.searchParams);
  if (path === '/livechat/widget.js') return file(res, join(dist, 'widget.js'), 'text/javascript; charset=utf-8');
  if (path === '/livechat/widget.js.map') return file(res, join(dist, 'widget.js.map'), 'application/json');
  if (path === '/' || path === '/demo.html') return file(res, join(here, 'demo.html'), 'text/html; charset=utf-8');
  if (path.startsWith('/web')) return res.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>The operator web client is served by the real server, not by this mock.</p>');
  error(res, 404, 'Not found');
});

let lastTyping = null;
const io = new Server(http, { cors: { origin: '*' } });
io.use((socket, next) => {
  const t = socket.handshake.auth && socket.handshake.auth.visitorToken;
  if (typeof t !== 'string' || !tokens().has(t)) return next(new Error('Unknown visitor token'));
  socket.data.visitorToken = t;
  for (const s of sessions.values()) if (s.token === t) socket.join(room(s.id));
  next();
});
io.on('connection', (socket) => {
  log('visitor socket connected', socket.id, socket.conn.transport.name);
  socket.on('typing', (p, ack) => {
    lastTyping = { ...p, at: Date.now() };
    log('visitor typing', p);
    if (typeof ack === 'function') ack({ ok: true });
  });
});

http.listen(PORT, '127.0.0.1', () => log(`demo on http://127.0.0.1:${PORT}/`));

// A "foreign" website on another origin embedding the widget with an absolute URL (checks CORS and the origin logic).
const foreign = createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(readFileSync(join(here, 'demo.html'), 'utf8').replace('src="/livechat/widget.js"', `src="http://127.0.0.1:${PORT}/livechat/widget.js"`).replace('Acme Furniture</a>', 'Acme (other origin)</a>'));
});
foreign.listen(PORT + 1, '127.0.0.1', () => log(`cross-origin demo on http://127.0.0.1:${PORT + 1}/`));
