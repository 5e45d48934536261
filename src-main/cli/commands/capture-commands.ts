import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { scanOptionsSchema } from '../../../src-shared/capture/scan-options';
import { driverFor, listAllDevices } from '../../capture/drivers';
import { startHotFolder } from '../../capture/hot-folder/hot-folder';
import { importFiles } from '../../capture/import/import-files';
import { importStack } from '../../capture/import/import-stack';
import { createFileLogger } from '../../platform/logger';
import { AppError, type AppErrorData } from '../../../src-shared/errors/app-error';
import { MANIFEST_FILE, scanToFolder } from '../../capture/scan-to-folder';
import { logIn, UsageError, type CliContext } from '../cli-context';
import { EXIT, exitCodeFor } from '../exit-codes';
import { printTable } from '../print-table';

/** How the CLI cuts a stack: the options `scan` and `import` share. */
const STACK_OPTIONS = {
  'blank-separator': { type: 'boolean', default: false },
  'keep-sheets': { type: 'boolean', default: false },
  user: { type: 'string' },
  'password-env': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const STACK_HELP = `  The stack is cut into one folder per record (record-001, …), each with its manifest.json, at
  every cover or separator sheet (left out, with its back in duplex; --keep-sheets keeps them as
  the record's first page) and, with --blank-separator, at every blank front. With --user (and
  --password-env VAR or a prompt), a record started by a cover sheet gets the cover's fields in
  its manifest; without, only the cover's reference.`;

/** The fields a cover sheet gives its record, for a signed-in user (read through main's registry). */
async function coverFieldsFor(context: CliContext, values: { user?: string; 'password-env'?: string }) {
  if (!values.user) return undefined;
  await logIn(context, { username: values.user, passwordEnv: values['password-env'] });
  return async (reference: string) => (await context.station.sheets.prepared({ reference }))?.fields ?? null;
}

export const CAPTURE_HELP = `sohoa devices [--json]
sohoa scan --device ID --out DIR [--source flatbed|adf|duplex] [--dpi 300] [--mode color|gray|bitonal]
           [--max-pages N] [--sane-arg ARG]... [--blank-separator] [--keep-sheets] [--user USER] [--json]
  Scans into DIR: one processed image per page (JPEG, or PNG for bitonal), filed by record, and
  manifest.json (file, dpi, blank and low-dpi flags, codes, SHA-256 per page; the records),
  rewritten after every page. --sane-arg passes a backend option through to scanimage
  (e.g. --sane-arg=--test-picture=Grid).
${STACK_HELP}`;

export async function devicesCommand(context: CliContext, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean', default: false } },
    strict: true,
  });
  const devices = await listAllDevices(context.captureDrivers());
  if (values.json) context.io.stdout.write(`${JSON.stringify(devices, null, 2)}\n`);
  else
    printTable(
      context.io.stdout,
      ['ID', 'Vendor', 'Model', 'Kind'],
      devices.map((device) => [device.id, device.vendor, device.model, device.kind]),
    );
  return EXIT.ok;
}

export async function scanCommand(context: CliContext, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      device: { type: 'string' },
      out: { type: 'string' },
      source: { type: 'string', default: 'adf' },
      dpi: { type: 'string', default: '300' },
      mode: { type: 'string', default: 'color' },
      'max-pages': { type: 'string' },
      'sane-arg': { type: 'string', multiple: true, default: [] },
      json: { type: 'boolean', default: false },
      ...STACK_OPTIONS,
    },
  });
  if (!values.device || !values.out) throw new UsageError('--device and --out are required');
  const parsed = scanOptionsSchema.safeParse({
    deviceId: values.device,
    source: values.source,
    mode: values.mode,
    dpi: Number(values.dpi),
    ...(values['max-pages'] ? { maxPages: Number(values['max-pages']) } : {}),
  });
  if (!parsed.success)
    throw new UsageError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'),
    );

  const coverFields = await coverFieldsFor(context, values);
  const saneArgs = values['sane-arg'];
  const driver = driverFor(context.captureDrivers({ extraArgs: () => saneArgs }), parsed.data.deviceId);
  const controller = new AbortController();
  // Ctrl+C stops the scanner cleanly; pages already written stay, with their manifest.
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  try {
    const manifest = await scanToFolder({
      driver,
      options: parsed.data,
      outDir: values.out,
      settings: context.settings().capture,
      policy: { separateOnBlank: values['blank-separator'], keepSheets: values['keep-sheets'] },
      ...(coverFields ? { coverFields } : {}),
      signal: controller.signal,
      onPage: (page) => {
        if (!values.json) {
          const flags = [
            page.blank ? 'blank' : '',
            page.lowDpi ? `low dpi ${page.dpi}` : '',
            page.sheet ? page.sheet.kind : '',
          ]
            .filter(Boolean)
            .join(', ');
          const where = page.record ? `${page.record}/${page.file}` : `(${page.file})`;
          context.io.stdout.write(
            `${where}  ${page.widthPx}×${page.heightPx}  ${page.dpi} dpi${flags ? `  (${flags})` : ''}\n`,
          );
        }
      },
    });
    if (values.json) context.io.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
    if (!manifest.failure) return EXIT.ok;
    const message = context.t(manifest.failure.messageKey, manifest.failure.params ?? {});
    context.io.stderr.write(`${message} [${manifest.failure.code}]\n`);
    return exitCodeFor(manifest.failure.code);
  } finally {
    process.off('SIGINT', stop);
  }
}

export const IMPORT_HELP = `sohoa import FILE... --out DIR [--duplex] [--blank-separator] [--keep-sheets] [--user USER] [--json]
  Imports JPEG, PNG, multi-page TIFF and PDF files, in order, as one stack of processed pages into
  DIR with manifest.json (a PDF is also copied byte for byte, unless its pages carry sheets: then it
  is a scanned stack). --duplex: the files were scanned both sides (each starts on a front).
  Each bad file is reported with its reason; the good ones are imported; exit 5 if any failed.
${STACK_HELP}`;

export async function importCommand(context: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      duplex: { type: 'boolean', default: false },
      ...STACK_OPTIONS,
    },
  });
  if (!values.out || positionals.length === 0) throw new UsageError('sohoa import FILE... --out DIR');
  const outDir = values.out;
  const coverFields = await coverFieldsFor(context, values);
  const { files, records } = await importStack({
    paths: positionals,
    outDir,
    settings: context.settings().capture,
    policy: {
      separateOnBlank: values['blank-separator'],
      keepSheets: values['keep-sheets'],
      duplex: values.duplex,
    },
    ...(coverFields ? { coverFields } : {}),
    onFile: (file) => {
      if (values.json) return;
      if (file.error) {
        const message = context.t(file.error.messageKey, file.error.params ?? {});
        context.io.stderr.write(`✗ ${file.source}: ${message} [${file.error.code}]\n`);
      } else context.io.stdout.write(`✓ ${file.source}: ${file.pages.length}\n`);
    },
  });
  const manifest = { importedAt: new Date().toISOString(), files, records };
  await writeFile(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  if (values.json) context.io.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
  const firstError = files.find((file) => file.error)?.error;
  return firstError ? exitCodeFor(firstError.code) : EXIT.ok;
}

export const WATCH_HELP = `sohoa watch FOLDER --out DIR
  Watches FOLDER (a scanner's or copier's scan-to-folder target) until Ctrl+C: each complete
  file is imported into DIR, then moved to FOLDER/processed, or to FOLDER/failed with a
  .reason.txt. Files already taken (same content) are never imported twice.`;

export async function watchCommand(context: CliContext, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { out: { type: 'string' } },
  });
  const [folder] = positionals;
  if (!folder || !values.out) throw new UsageError('sohoa watch FOLDER --out DIR');
  const outDir = values.out;
  const settings = context.settings().capture;
  const describe = (error: AppErrorData) => context.t(error.messageKey, error.params ?? {});
  const hotFolder = await startHotFolder({
    folder,
    stableMs: settings.hotFolderStableMs,
    log: createFileLogger(context.dataDir),
    describe,
    take: async (path) => {
      const [result] = await importFiles({ paths: [path], outDir, settings });
      if (result?.error) throw AppError.fromData(result.error);
    },
    onSettled: ({ name, outcome }) => context.io.stdout.write(`${outcome}: ${name}\n`),
  });
  context.io.stdout.write(`${folder} → ${outDir} (Ctrl+C)\n`);
  await new Promise<void>((stop) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await hotFolder.close();
  return EXIT.ok;
}
