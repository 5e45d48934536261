import type { TFunction } from 'i18next';
import type { StationSettings } from '../../src-shared/domain/settings';
import { DEFAULT_LANGUAGE, type Language } from '../../src-shared/i18n/resources';
import {
  buildStationBridge,
  createStationClient,
  type StationClient,
} from '../../src-shared/ipc/station-api';
import { createBackend } from '../ipc/create-backend';
import { resolveDataDir } from '../platform/data-dir';
import { createFileLogger } from '../platform/logger';
import { createTranslator } from '../platform/translator';
import type { OcrPool } from '../ocr/ocr-pool';
import type { Prompter } from './prompt';
import { createDrivers } from '../capture/drivers';
import type { ScanDriver } from '../capture/scan-driver';
import type { SaneDriverOptions } from '../capture/sane/sane-driver';
import { demoDriverOptions } from '../services/station-services';
import { keepDataOwnerOnly } from '../../src-node/platform/owner-only';

export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  prompter: Prompter;
  env: NodeJS.ProcessEnv;
}

export interface CliContext {
  station: StationClient;
  /** Read directly: the local capture commands need no login (they write files, not records). */
  settings: () => StationSettings;
  t: TFunction;
  io: CliIo;
  dataDir: string;
  /** Text recognition in this process (commands that use it close it when done). */
  ocr: OcrPool;
  /** The capture backends, as the app has them (the demo archive feeds the last sheets printed). */
  captureDrivers(sane?: SaneDriverOptions): ScanDriver[];
}

/** The CLI's language: SOHOA_LANG, else Vietnamese (the station's default). */
export function cliLanguage(env: NodeJS.ProcessEnv): Language {
  return env.SOHOA_LANG === 'en' ? 'en' : DEFAULT_LANGUAGE;
}

/**
 * The CLI talks to main's services through the same registry and typed client as a
 * window does, so validation and role checks are the same ones.
 */
export async function createCliContext(io: CliIo): Promise<CliContext> {
  const dataDir = resolveDataDir(io.env);
  keepDataOwnerOnly(dataDir);
  const { registry, services } = createBackend({ dataDir, binding: 'cli', log: createFileLogger(dataDir) });
  const station = createStationClient(
    buildStationBridge((name, request) => registry.invoke(name, request, { sessionKey: 'cli' })),
  );
  return {
    station,
    settings: () => services.settings.get(),
    t: await createTranslator(cliLanguage(io.env)),
    io,
    dataDir,
    ocr: services.ocr,
    captureDrivers: (sane) =>
      createDrivers({
        sane: { stallTimeoutMs: () => services.settings.get().capture.scannerStallSeconds * 1000, ...sane },
        demo: demoDriverOptions(dataDir, services),
      }),
  };
}

/** Reads a secret from the named environment variable, else prompts for it. */
export async function secretFrom(
  context: CliContext,
  envName: string | undefined,
  question: string,
): Promise<string> {
  if (envName) {
    const value = context.io.env[envName];
    if (value === undefined) throw new UsageError(`environment variable ${envName} is not set`);
    return value;
  }
  const answer = await context.io.prompter.askSecret(question);
  if (answer === null) throw new UsageError(context.t('cli.noInput'));
  return answer;
}

/**
 * Logs the CLI in: the username given or prompted, then the password from the named
 * environment variable or a prompt. What the account may do is main's decision, on each call.
 */
export async function logIn(
  context: CliContext,
  options: { username?: string; passwordEnv?: string },
  prompts: { username: string; password: string } = { username: 'cli.username', password: 'cli.password' },
): Promise<void> {
  const username = options.username ?? (await context.io.prompter.ask(context.t(prompts.username)));
  if (!username) throw new UsageError(context.t('cli.noInput'));
  const password = await secretFrom(context, options.passwordEnv, context.t(prompts.password));
  await context.station.auth.login({ username, password });
}

/** Logs the CLI in for admin commands: `--admin USER` or a prompt, then the password. */
export const loginAsAdmin = (context: CliContext, options: { admin?: string; adminPasswordEnv?: string }) =>
  logIn(
    context,
    { username: options.admin, passwordEnv: options.adminPasswordEnv },
    { username: 'cli.adminUsername', password: 'cli.adminPassword' },
  );

export class UsageError extends Error {
  override name = 'UsageError';
}
