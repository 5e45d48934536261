import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { electronBinary, ROOT } from '../support/built-app';
import { makeTempDir } from '../support/temp-dir';

/**
 * A newcomer's first `npm start` on a machine without the Electron binary (our build
 * machines): one line says so and the browser harness starts, with its address; no stack
 * trace. Ctrl+C (SIGINT) stops it, harness included.
 */
describe.skipIf(electronBinary() !== null)('npm start without the Electron binary', () => {
  it('says so in one line and starts the browser harness, printing its address', async () => {
    const dir = makeTempDir('sohoa-first-start-');
    const child = spawn('npm', ['start', '--silent'], {
      detached: true, // its own process group, as a terminal gives it: Ctrl+C reaches every process in it
      cwd: ROOT,
      env: { ...process.env, SOHOA_DATA_DIR: dir.path, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await expect.poll(() => stdout, { timeout: 110_000, interval: 250 }).toContain('HARNESS_READY');
      const lines = stdout.split('\n');
      expect(lines[0]).toBe(
        'The Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD): starting the browser harness instead.',
      );
      const address = /open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(stdout)?.[1];
      expect(address).toBeDefined();
      expect((await fetch(address!)).status).toBe(200);
      expect(`${stdout}${stderr}`).not.toMatch(/Error|\n\s+at /);
    } finally {
      process.kill(-child.pid!, 'SIGINT'); // Ctrl+C: the terminal signals the whole group
      await exited;
      dir.remove();
    }
    // The harness went with it: its port answers no more.
    const port = /127\.0\.0\.1:(\d+)/.exec(stdout)?.[1];
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  }, 120_000);
});
