import { isAppError } from '../../src-shared/errors/app-error';
import { APP_NAME, APP_VERSION } from '../platform/app-version';
import { createCliContext, UsageError, type CliContext, type CliIo } from './cli-context';
import {
  CAPTURE_HELP,
  devicesCommand,
  IMPORT_HELP,
  importCommand,
  scanCommand,
  WATCH_HELP,
  watchCommand,
} from './commands/capture-commands';
import { CODE_HELP, codeCommand, OCR_HELP, ocrCommand } from './commands/indexing-commands';
import {
  PDF_HELP,
  pdfCommand,
  SIGN_HELP,
  signCommand,
  VERIFY_HELP,
  verifyCommand,
} from './commands/pdf-commands';
import { USERS_HELP, usersCommand } from './commands/users-command';
import { SHEETS_HELP, sheetsCommand } from './commands/sheets-command';
import { BACKUP_HELP, backupCommand, RESTORE_HELP, restoreCommand } from './commands/backup-commands';
import { EXIT, exitCodeFor } from './exit-codes';

/** Every command: its help and what runs it. One row per command, so none lacks `--help`. */
const COMMANDS: Record<
  string,
  { help: string; run: (context: CliContext, argv: string[]) => Promise<number> }
> = {
  users: { help: USERS_HELP, run: usersCommand },
  devices: { help: CAPTURE_HELP, run: devicesCommand },
  scan: { help: CAPTURE_HELP, run: scanCommand },
  import: { help: IMPORT_HELP, run: importCommand },
  watch: { help: WATCH_HELP, run: watchCommand },
  ocr: { help: OCR_HELP, run: ocrCommand },
  code: { help: CODE_HELP, run: codeCommand },
  pdf: { help: PDF_HELP, run: pdfCommand },
  sign: { help: SIGN_HELP, run: signCommand },
  verify: { help: VERIFY_HELP, run: verifyCommand },
  backup: { help: BACKUP_HELP, run: backupCommand },
  sheets: { help: SHEETS_HELP, run: sheetsCommand },
  restore: { help: RESTORE_HELP, run: restoreCommand },
};
const asksHelp = (argv: readonly string[]) => argv.includes('--help') || argv.includes('-h');

const HELP = `${APP_NAME} ${APP_VERSION} — sohoa, the station's command line

sohoa --version [--json]
${USERS_HELP}
${CAPTURE_HELP}
${IMPORT_HELP}
${WATCH_HELP}
${OCR_HELP}
${CODE_HELP}
${PDF_HELP}
${SIGN_HELP}
${VERIFY_HELP}
${SHEETS_HELP}
${BACKUP_HELP}
${RESTORE_HELP}

Data folder: SOHOA_DATA_DIR, else the application's own. Language: SOHOA_LANG=en for English.
Exit codes: 0 ok, 1 failure, 2 usage, 3 authentication, 4 not allowed, 5 invalid input, 6 device failure.`;

/** Runs one CLI invocation and returns its exit code; all output goes through `io`. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const json = argv.includes('--json');

  if (command === '--version' || command === 'version') {
    io.stdout.write(
      json ? `${JSON.stringify({ name: APP_NAME, version: APP_VERSION })}\n` : `${APP_VERSION}\n`,
    );
    return EXIT.ok;
  }
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(`${HELP}\n`);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }

  const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!entry) {
    io.stderr.write(`unknown command "${command}"\n\n${HELP}\n`);
    return EXIT.usage;
  }
  // A command's help touches nothing: no data folder, no device, no login.
  if (asksHelp(rest)) {
    io.stdout.write(`${entry.help}\n`);
    return EXIT.ok;
  }

  const context = await createCliContext(io);
  try {
    return await entry.run(context, rest);
  } catch (error) {
    if (isAppError(error)) {
      const message = context.t(error.messageKey, error.params ?? {});
      io.stderr.write(
        json
          ? `${JSON.stringify({ error: { code: error.code, message, detail: error.detail } })}\n`
          : `${message} [${error.code}]\n`,
      );
      return exitCodeFor(error.code);
    }
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      // parseArgs reports unknown or malformed options as TypeErrors with an ERR_PARSE_ARGS_* code.
      io.stderr.write(`${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  } finally {
    io.prompter.close();
  }
}
