import { isAppError } from '../../src-shared/errors/app-error';
import { APP_NAME, APP_VERSION } from '../platform/app-version';
import { createCliContext, UsageError, type CliIo } from './cli-context';
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
import { EXIT, exitCodeFor } from './exit-codes';

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

  const context = await createCliContext(io);
  try {
    switch (command) {
      case 'users':
        return await usersCommand(context, rest);
      case 'devices':
        return await devicesCommand(context, rest);
      case 'scan':
        return await scanCommand(context, rest);
      case 'import':
        return await importCommand(context, rest);
      case 'watch':
        return await watchCommand(context, rest);
      case 'ocr':
        return await ocrCommand(context, rest);
      case 'code':
        return await codeCommand(context, rest);
      case 'pdf':
        return await pdfCommand(context, rest);
      case 'sign':
        return await signCommand(context, rest);
      case 'verify':
        return await verifyCommand(context, rest);
      default:
        throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
    }
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
