import 'reflect-metadata';
import { resolve } from 'node:path';
import { createApp } from './app.factory';
import { configFromEnv } from './config';

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = configFromEnv(process.env, { webRoot: resolve(__dirname, '../../../../web/browser') });
  const app = await createApp(config);
  await app.listen(config.port);
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`\n  Live chat is serving on http://localhost:${config.port}/web/  (ready in ${seconds}s)`);
  console.log(`  Site root (the demo website with the chat widget, while Live Chat is enabled): http://localhost:${config.port}/`);
  console.log(`  Sign in as admin / ${process.env.ADMIN_PASSWORD ? '(ADMIN_PASSWORD)' : 'admin'}.  API docs: http://localhost:${config.port}/api/docs`);
  console.log(process.env.ADMIN_PASSWORD ? '' : `  ADMIN_PASSWORD is unset: while the admin password is still the default 'admin', anyone can sign in as admin.\n  Sign in and change it in My Profile → Change password (the login page warns until you do).\n`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
