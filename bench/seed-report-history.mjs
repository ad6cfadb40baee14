// Adds a history of live chats to a running product, to try Live Chat → Reporting on more than today's chats:
//   node bench/seed-report-history.mjs --url http://localhost:8069 --database sqlite:data/livechat.sqlite
// Options: --sessions 5000 --messages 50000 --days 365 --operators 8 --running-minutes 0 --seed 1
//          --admin-password admin --schema <DATABASE_SCHEMA> (PostgreSQL)
// Channels and operators are made through the API (as admin); sessions and messages are written into the
// database (see lib/report-history.mjs). Prints what it wrote as JSON.
import { parseArgs } from 'node:util';
import { api } from './lib/http.mjs';
import { createPeople, generateHistory, writePostgres, writeSqlite } from './lib/report-history.mjs';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:8069' },
    database: { type: 'string', default: process.env.DATABASE_URL ?? 'sqlite:data/livechat.sqlite' },
    schema: { type: 'string', default: process.env.DATABASE_SCHEMA },
    sessions: { type: 'string', default: '5000' },
    messages: { type: 'string', default: '50000' },
    days: { type: 'string', default: '365' },
    operators: { type: 'string', default: '8' },
    'running-minutes': { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    'admin-password': { type: 'string', default: process.env.ADMIN_PASSWORD ?? 'admin' },
  },
});
const number = (name) => {
  const value = Number(values[name]);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got ${values[name]}`);
  return value;
};

const admin = (await api(values.url, 'POST', '/api/auth/login', { body: { login: 'admin', password: values['admin-password'] } })).token;
const people = await createPeople(values.url, admin, number('operators'));
const history = generateHistory({ sessions: number('sessions'), messages: number('messages'), days: number('days'), endMs: Date.now(), runningMinutes: number('running-minutes'), seed: number('seed'), ...people });
if (values.database.startsWith('sqlite:')) writeSqlite(values.database.slice('sqlite:'.length), history);
else await writePostgres(values.database, values.schema, history);
console.log(JSON.stringify({ sessions: history.length, messages: history.reduce((n, s) => n + s.messages.length, 0), ...people }));
