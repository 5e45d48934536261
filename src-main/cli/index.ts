import { createPrompter } from './prompt';
import { runCli } from './run-cli';

// bin/sohoa → here. Plain Node: no Electron needed for admin work and scripts.
const prompter = createPrompter(process.stdin, process.stdout);
runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  prompter,
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
