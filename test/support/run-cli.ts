import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from './built-app';
import { watchPeakMemory } from './peak-memory';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the command and what it started, MB (with `measureMemory`). */
  peakMb?: number;
}

/** Runs bin/sohoa as a user would, with its own environment and optional piped input. */
export function runSohoa(
  args: string[],
  options: { dataDir: string; env?: Record<string, string>; input?: string; measureMemory?: boolean },
) {
  return new Promise<CliResult>((resolvePromise, reject) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'bin/sohoa'), ...args], {
      env: { PATH: process.env.PATH ?? '', SOHOA_DATA_DIR: options.dataDir, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const memory = options.measureMemory && child.pid ? watchPeakMemory(child.pid) : null;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolvePromise({ code: code ?? -1, stdout, stderr, ...(memory ? { peakMb: memory.stop() } : {}) }),
    );
    child.stdin.end(options.input ?? '');
  });
}
