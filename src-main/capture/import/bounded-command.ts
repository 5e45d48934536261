import { execFile } from 'node:child_process';

/** How much of the machine one helper process (poppler) may take. */
export interface CommandBounds {
  /** Address space, bytes; enforced where the OS lets a child be limited (POSIX `ulimit -v`). */
  memoryBytes: number;
  timeoutMs: number;
}

export type CommandOutcome =
  | { kind: 'done'; stdout: string; stderr: string }
  | { kind: 'failed'; stderr: string }
  /** The process hit a bound: its memory (it says so, or aborts on a failed allocation) or its time. */
  | { kind: 'overLimit'; limit: 'memory' | 'time'; stderr: string };

// poppler reports a refused allocation ("Out of memory", or "Bogus memory allocation size" past
// 2 GB) and may still exit 0 with a cut image; a C++ allocation failure aborts with bad_alloc.
const OUT_OF_MEMORY = /out of memory|bogus memory allocation|bad_alloc|cannot allocate/i;

/**
 * Runs `command` with a memory and time bound, in the C locale (poppler's messages are read).
 * On POSIX the bound is set by the shell before exec, so it holds for that process alone;
 * Windows has no such call from Node, and there the time bound and the checks made before
 * rendering are what protect the machine.
 */
export function runBounded(command: string, args: string[], bounds: CommandBounds): Promise<CommandOutcome> {
  const env = { ...process.env, LC_ALL: 'C' };
  const [file, argv] =
    process.platform === 'win32'
      ? [command, args]
      : [
          '/bin/sh',
          ['-c', `ulimit -v ${Math.ceil(bounds.memoryBytes / 1024)} && exec "$0" "$@"`, command, ...args],
        ];
  return new Promise((resolve) => {
    execFile(
      file,
      argv,
      { env, timeout: bounds.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error?.killed) return resolve({ kind: 'overLimit', limit: 'time', stderr });
        if (OUT_OF_MEMORY.test(stderr)) return resolve({ kind: 'overLimit', limit: 'memory', stderr });
        if (error) return resolve({ kind: 'failed', stderr: stderr || String(error) });
        resolve({ kind: 'done', stdout, stderr });
      },
    );
  });
}
