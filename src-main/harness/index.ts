import { fileURLToPath } from 'node:url';
import { createBackend } from '../ipc/create-backend';
import { resolveDataDir } from '../platform/data-dir';
import { createFileLogger } from '../platform/logger';
import { startHarnessServer } from './harness-server';
import { keepDataOwnerOnly } from '../../src-node/platform/owner-only';

// `npm run start:web`: the built renderer in any browser, over the same handler registry.
const dataDir = resolveDataDir();
keepDataOwnerOnly(dataDir);
const log = createFileLogger(dataDir);
const { services, registry } = createBackend({ dataDir, binding: 'web-harness', log });
await services.hotFolder.start();

const server = await startHarnessServer({
  registry,
  rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
  host: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 0),
  log,
});

process.stdout.write(`Trạm số hóa — browser harness\n  data: ${dataDir}\n  open: ${server.url}\n`);
// One machine-readable line for tests and scripts.
process.stdout.write(
  `HARNESS_READY ${JSON.stringify({ url: server.url, origin: server.origin, dataDir })}\n`,
);

const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
