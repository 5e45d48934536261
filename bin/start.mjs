#!/usr/bin/env node
// `npm start`: the desktop app where the Electron binary is installed; else, in one line, why
// not, and the same renderer and main services in the browser harness (its address printed).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

function electronBinary() {
  try {
    // The electron package's main export is the binary's path; it throws when the download was skipped.
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

let current = null;
// Ctrl+C or a service stop reaches what runs now, which shuts down cleanly.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => current?.kill(signal));

const run = (command, args) =>
  new Promise((resolve) => {
    current = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
    current.on('exit', (code, signal) => resolve(signal ? 0 : (code ?? 1)));
  });

let code;
if (electronBinary()) {
  code = await run('npx', ['electron-vite', 'preview']);
} else {
  process.stdout.write(
    'The Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD): starting the browser harness instead.\n',
  );
  code = await run('npx', ['electron-vite', 'build', '--logLevel', 'warn']);
  if (code === 0) code = await run(process.execPath, ['out/main/harness.js']);
}
process.exit(code);
