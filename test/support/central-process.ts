import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { ROOT } from './built-app';

/** Where each Central process's output is kept, to read after a failed run. */
const LOG_DIR = join(ROOT, 'test-results', 'logs');
import { ADMIN_TOKEN } from './central';

/** A port nobody listens on now, kept across restarts of the server on it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * SoHoa Central as the real process `npm run server` starts (tsx src-server/main.ts), on a
 * data folder and port of its own; `kill` is SIGKILL (no shutdown code runs), `start` again
 * after it is a restart on the same data.
 */
export function centralProcess(options: {
  dataDir: string;
  port: number;
  trustDir: string;
  env?: Record<string, string>;
}) {
  let child: ChildProcess | null = null;
  const url = `http://127.0.0.1:${options.port}`;
  return {
    url,
    adminToken: ADMIN_TOKEN,
    async start(): Promise<void> {
      const started = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts'], {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(options.port),
          HOST: '127.0.0.1',
          SOHOA_DATA_DIR: options.dataDir,
          SOHOA_ADMIN_TOKEN: ADMIN_TOKEN,
          SOHOA_TRUST_DIR: options.trustDir,
          ...options.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = started;
      let output = '';
      mkdirSync(LOG_DIR, { recursive: true });
      const log = join(LOG_DIR, `central-${options.port}.log`);
      for (const stream of [started.stdout!, started.stderr!]) {
        stream.on('data', (data: Buffer) => appendFileSync(log, data));
      }
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Central did not start: ${output}`)), 60_000);
        started.stdout!.on('data', (data: Buffer) => {
          output += data.toString();
          if (output.includes('SoHoa Central')) {
            clearTimeout(timer);
            resolve();
          }
        });
        started.stderr!.on('data', (data: Buffer) => (output += data.toString()));
        started.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`Central exited (${code}): ${output}`));
        });
      });
    },
    /** Gone at once, mid-request if need be: a crash or a pulled plug. */
    async kill(): Promise<void> {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGKILL');
      });
    },
    async stop(): Promise<void> {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      });
    },
  };
}
