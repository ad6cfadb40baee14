// Bench clients run in their own processes (never in the server's, nor in the orchestrator's event loop);
// the orchestrator drives each one with request/reply messages over the IPC channel.
import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const clientsDir = join(dirname(fileURLToPath(import.meta.url)), '../clients');
const running = new Set();
process.on('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** Forks bench/clients/<script>; `request(message)` resolves with the client's reply (one request at a time). */
export function forkClient(script, name) {
  const child = fork(join(clientsDir, script), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  running.add(child);
  let waiting = null;
  child.on('message', (reply) => {
    const w = waiting;
    waiting = null;
    if (reply?.error) w?.reject(new Error(`${name}: ${reply.error}`));
    else w?.resolve(reply);
  });
  const exited = new Promise((resolve) => child.once('exit', (code) => (running.delete(child), waiting?.reject(new Error(`${name} exited (${code})`)), resolve(code))));
  return {
    name,
    request(message) {
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        child.send(message);
      });
    },
    async close() {
      if (child.connected) child.send({ cmd: 'close' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
