import { parseArgs } from 'node:util';
import type { SnapshotSummary } from '../../../src-shared/backup/backup-manifest';
import { loginAsAdmin, secretFrom, UsageError, type CliContext } from '../cli-context';
import { EXIT } from '../exit-codes';

export const BACKUP_HELP = `sohoa backup status     [--admin USER] [--admin-password-env VAR] [--json]
sohoa backup list       --from DIR [--passphrase-env VAR] [--admin USER] [--admin-password-env VAR] [--json]
sohoa backup verify     --from DIR [--snapshot ID] [--passphrase-env VAR] [--admin …] [--json]
sohoa backup passphrase [--passphrase-env VAR] [--admin USER] [--admin-password-env VAR]

Backups are written by the app (Settings › Backup: on a schedule, after each signed batch,
on demand): the queue lives in the app's own database. These commands show how the last
one went, list and check the snapshots in a backup folder (every piece read, decrypted and
hashed), and set the recovery passphrase. The passphrase comes from --passphrase-env or is
asked without echo.`;

export const RESTORE_HELP = `sohoa restore --from DIR [--snapshot ID] [--passphrase-env VAR] [--admin USER] [--admin-password-env VAR] [--json]

Restores a station from a backup folder (the newest snapshot unless --snapshot names one):
every piece is checked first, then accounts, settings, keys and capture runs are written
back and the records wait for the app, which loads them at the next sign-in. On a new PC
(no accounts yet) no login is needed; otherwise an administrator's. A wrong passphrase or
a damaged backup changes nothing.`;

const OPTIONS = {
  from: { type: 'string' },
  snapshot: { type: 'string' },
  'passphrase-env': { type: 'string' },
  admin: { type: 'string' },
  'admin-password-env': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

function parse(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
}

/** A new PC has nobody to log in as (its backup is what brings the accounts); a station in use needs its administrator. */
async function loginUnlessNew(context: CliContext, admin: { admin?: string; adminPasswordEnv?: string }) {
  if (!(await context.station.auth.status({})).needsSetup) await loginAsAdmin(context, admin);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function snapshotLine(context: CliContext, snapshot: SnapshotSummary): string {
  return context.t('cli.snapshot', {
    id: snapshot.id,
    at: new Date(snapshot.createdAt).toLocaleString('vi-VN'),
    records: snapshot.records,
    pages: snapshot.pages,
    total: megabytes(snapshot.totalBytes),
    added: megabytes(snapshot.newBytes),
    reason: context.t(`backup.reasons.${snapshot.reason}`),
  });
}

export async function backupCommand(context: CliContext, argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const { values } = parse(rest);
  const { stdout } = context.io;
  const admin = { admin: values.admin, adminPasswordEnv: values['admin-password-env'] };
  const emit = (json: unknown, text: string) =>
    stdout.write(values.json ? `${JSON.stringify(json, null, 2)}\n` : `${text}\n`);
  const folder = () => {
    if (!values.from) throw new UsageError('--from DIR is required');
    return values.from;
  };
  const passphrase = () => secretFrom(context, values['passphrase-env'], context.t('cli.passphrase'));

  switch (action) {
    case 'status': {
      await loginAsAdmin(context, admin);
      const status = await context.station.backup.status({});
      const last = status.last
        ? status.last.ok && status.last.snapshot
          ? snapshotLine(context, status.last.snapshot)
          : `${new Date(status.last.at).toLocaleString('vi-VN')}: ${context.t(`errors.${status.last.error?.code ?? 'internal'}`, status.last.error?.params ?? {})}`
        : context.t('backup.never');
      emit(
        status,
        context.t('cli.backupStatus', {
          folder: status.folder || '—',
          passphrase: status.passphraseSet ? '✓' : '✗',
          last,
        }),
      );
      return EXIT.ok;
    }
    case 'list': {
      const from = folder();
      await loginUnlessNew(context, admin);
      const snapshots = await context.station.backup.snapshots({
        folder: from,
        passphrase: await passphrase(),
      });
      emit(
        snapshots,
        snapshots.length === 0
          ? context.t('cli.noSnapshots')
          : snapshots.map((snapshot) => snapshotLine(context, snapshot)).join('\n'),
      );
      return EXIT.ok;
    }
    case 'verify': {
      const from = folder();
      await loginUnlessNew(context, admin);
      const result = await context.station.backup.verify({
        folder: from,
        passphrase: await passphrase(),
        ...(values.snapshot ? { snapshotId: values.snapshot } : {}),
      });
      emit(
        result,
        context.t('cli.verified', { id: result.snapshot.id, pieces: result.pieces, bytes: result.bytes }),
      );
      return EXIT.ok;
    }
    case 'passphrase': {
      await loginAsAdmin(context, admin);
      const first = await passphrase();
      if (!values['passphrase-env']) {
        const second = await secretFrom(context, undefined, context.t('cli.repeatPassphrase'));
        if (first !== second) throw new UsageError(context.t('backup.passphrasesDiffer'));
      }
      await context.station.backup.setPassphrase({ passphrase: first });
      emit({ ok: true }, context.t('cli.passphraseSaved'));
      return EXIT.ok;
    }
    default:
      throw new UsageError(BACKUP_HELP);
  }
}

export async function restoreCommand(context: CliContext, argv: string[]): Promise<number> {
  const { values } = parse(argv);
  if (!values.from) throw new UsageError('--from DIR is required');
  await loginUnlessNew(context, { admin: values.admin, adminPasswordEnv: values['admin-password-env'] });
  const snapshot = await context.station.backup.restore({
    folder: values.from,
    passphrase: await secretFrom(context, values['passphrase-env'], context.t('cli.passphrase')),
    ...(values.snapshot ? { snapshotId: values.snapshot } : {}),
  });
  context.io.stdout.write(
    values.json
      ? `${JSON.stringify(snapshot, null, 2)}\n`
      : `${context.t('cli.restored', { id: snapshot.id, records: snapshot.records })}\n`,
  );
  return EXIT.ok;
}
