import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { OUT } from './built-app';

export interface RunningHarness {
  url: string;
  origin: string;
  stop(): Promise<void>;
  /** Main dies at once (SIGKILL), as in a power cut or a crash: nothing of it runs after. */
  crash(): Promise<void>;
}

/**
 * Starts `out/main/harness.js` (what `npm run start:web` runs) on a temp data folder; on
 * `port` when given (a restarted main keeps the page's origin, and so its IndexedDB), with
 * `env` added to its environment (a SANE configuration of the test's own).
 */
export function startHarness(
  dataDir: string,
  options: { port?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<RunningHarness> {
  const child: ChildProcess = spawn(process.execPath, [resolve(OUT, 'main/harness.js')], {
    env: { ...process.env, ...options.env, SOHOA_DATA_DIR: dataDir, PORT: String(options.port ?? 0) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill(signal);
    });
  const stop = () => end('SIGTERM');
  const crash = () => end('SIGKILL');
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`harness did not start:\n${output}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('HARNESS_READY '));
      if (!line) return;
      clearTimeout(timer);
      const ready = JSON.parse(line.slice('HARNESS_READY '.length)) as { url: string; origin: string };
      resolvePromise({ ...ready, stop, crash });
    });
    child.once('exit', (code) => reject(new Error(`harness exited with ${code}:\n${output}`)));
  });
}
