import { printSheets, sheetDepsOf } from '../services/prepared-records/print-sheets';
import { readTableFile } from '../reports/table-file';
import { readPreparedList } from '../../src-shared/capture/prepared-record';
import { readFile } from 'node:fs/promises';
import { AppError } from '../../src-shared/errors/app-error';
import { driverFor, listAllDevices } from '../capture/drivers';
import { APP_NAME, APP_VERSION } from '../platform/app-version';
import { readInventoryFile } from '../reports/inventory-file';
import { progressPdf } from '../reports/progress-pdf';
import { progressWorkbook } from '../reports/progress-xlsx';
import type { StationServices } from '../services/station-services';
import { ownBytes } from '../../src-shared/encoding/bytes';
import { bufferOf } from './bytes';
import { signedInUser, type HandlerTable } from './registry';

export type Binding = 'electron' | 'web-harness' | 'cli';

const OK = { ok: true } as const;

/** What each channel does. Validation and access checks already happened in the registry. */
export function createHandlers(services: StationServices, binding: Binding): HandlerTable {
  const { accounts, sessions, settings, drivers, captureRuns, importUploads, hotFolder, captureProfiles } =
    services;
  const userOf = (context: Parameters<typeof signedInUser>[0]) => signedInUser(context).userId;
  /** Who reads personal data on Central, as its access log will name them. */
  const readerOf = (context: Parameters<typeof signedInUser>[0]) => signedInUser(context).username;
  /** A new PC has no accounts yet: whoever installed it restores. Afterwards, only an admin. */
  const adminOrNewStation = (context: Parameters<typeof signedInUser>[0]) => {
    if (!accounts.needsSetup() && !context.user?.roles.includes('admin')) {
      throw new AppError(context.user ? 'auth.forbidden' : 'auth.required');
    }
  };
  /** A change main made, journaled for the audit trail in the name of who made it. */
  const journal = (
    author: { userId: string; displayName?: string },
    change: { before?: unknown; after?: unknown },
  ) => services.journal.record(author, 'settings', change);
  /** What the trail keeps of an account: who, which roles, enabled or not (never a password). */
  const accountChange = (
    change: string,
    account: { username: string; roles: unknown; disabled?: boolean },
  ) => ({
    after: { account: account.username, change, roles: account.roles, disabled: account.disabled ?? false },
  });
  /** The sections a settings patch touched. */
  const sections = (value: Record<string, unknown>, keys: readonly string[]) =>
    Object.fromEntries(keys.map((key) => [key, value[key]]));
  return {
    'app.info': () => ({ name: APP_NAME, version: APP_VERSION, binding, dataDir: services.dataDir }),

    'auth.status': (_request, { sessionKey }) => ({
      needsSetup: accounts.needsSetup(),
      session: sessions.peek(sessionKey),
    }),
    'auth.setupAdmin': async (request, { sessionKey }) => {
      const admin = await accounts.setupAdmin(request);
      journal({ userId: admin.id, displayName: admin.displayName }, accountChange('created', admin));
      return sessions.begin(sessionKey, admin);
    },
    'auth.login': async ({ username, password }, { sessionKey }) =>
      sessions.begin(sessionKey, await accounts.authenticate(username, password)),
    'auth.logout': async (_request, { sessionKey }) => {
      sessions.end(sessionKey);
      // The next user must unlock the signing device again with their own PIN.
      await services.signing.lock();
      return OK;
    },
    'auth.activity': () => OK,
    'auth.changePassword': async ({ currentPassword, newPassword }, context) => {
      const user = signedInUser(context);
      await accounts.changePassword(user.userId, currentPassword, newPassword);
      journal(user, accountChange('passwordChanged', user));
      return OK;
    },

    'users.list': () => accounts.list(),
    'users.create': async (request, context) => {
      const created = await accounts.create(request);
      journal(signedInUser(context), accountChange('created', created));
      return created;
    },
    'users.resetPassword': async ({ userId, newPassword }, context) => {
      const account = await accounts.resetPassword(userId, newPassword);
      journal(signedInUser(context), accountChange('passwordReset', account));
      return account;
    },
    'users.update': async ({ userId, ...changes }, context) => {
      const account = await accounts.update(userId, changes);
      journal(signedInUser(context), accountChange('updated', account));
      return account;
    },

    'capture.devices': () => listAllDevices(drivers),
    'capture.capabilities': ({ deviceId }) => driverFor(drivers, deviceId).capabilities(deviceId),
    'capture.start': (options, context) => captureRuns.startScan(options, userOf(context)),
    'capture.next': ({ runId, confirmed }, context) => captureRuns.next(runId, userOf(context), confirmed),
    'capture.cancel': async ({ runId }, context) => {
      await captureRuns.cancel(runId, userOf(context));
      return OK;
    },
    'capture.runs': (_request, context) => captureRuns.list(userOf(context)),
    'capture.importBegin': ({ name, bytes }, context) => importUploads.begin(userOf(context), name, bytes),
    'capture.importChunk': async ({ uploadId, offset, data }, context) => {
      await importUploads.append(uploadId, userOf(context), offset, bufferOf(data));
      return OK;
    },
    'capture.importEnd': ({ uploadId }, context) => {
      const user = userOf(context);
      const upload = importUploads.finish(uploadId, user);
      return captureRuns.startImport(upload.path, upload.name, user, upload.discard);
    },
    'capture.hotFolderStatus': () => hotFolder.status(),

    'ocr.page': ({ image }) => services.ocr.recognize(bufferOf(image)),

    'finalize.begin': ({ meta, pageCount }, context) =>
      services.finalizeJobs.begin(userOf(context), meta, pageCount),
    'finalize.page': ({ jobId, index, image, mimeType, dpi, rotation, ocr }, context) => {
      services.finalizeJobs.page(jobId, userOf(context), index, {
        image: bufferOf(image),
        mimeType,
        dpi,
        rotation,
        ...(ocr ? { ocr } : {}),
      });
      return OK;
    },
    'finalize.end': async ({ jobId }, context) => {
      const { timestampError, ...done } = await services.finalizeJobs.finish(jobId, userOf(context));
      return { ...done, warning: timestampError?.toData() ?? null };
    },
    'finalize.read': ({ jobId, offset }, context) => {
      const { data, done } = services.finalizeJobs.read(jobId, userOf(context), offset);
      return { data: ownBytes(data), done };
    },
    'finalize.discard': ({ jobId }) => {
      services.finalizeJobs.discard(jobId);
      return OK;
    },

    'signing.status': () => services.signing.status(),
    'signing.unlock': ({ secret }) => services.signing.unlock(secret),
    'signing.lock': async () => {
      await services.signing.lock();
      return OK;
    },
    'signing.tokens': () => services.signing.tokens(),
    'signing.verify': async ({ uploadId }, context) => {
      const upload = importUploads.finish(uploadId, userOf(context));
      try {
        return await services.signing.verify(await readFile(upload.path));
      } finally {
        await upload.discard();
      }
    },

    'review.decide': ({ items, decision, reason }, context) => ({
      decisions: services.review.decide({ items, decision, ...(reason ? { reason } : {}) }, userOf(context)),
    }),

    'review.revoke': ({ code, revocation }, context) =>
      services.review.revoke(code, revocation, userOf(context)),

    'audit.anchor': ({ seq, hash }) => {
      services.auditHead.advance(seq, hash);
      return OK;
    },
    'audit.head': () => services.auditHead.read(),
    'audit.journal': () => services.journal.pending(),
    'audit.journalConfirm': ({ seq }) => {
      services.journal.confirm(seq);
      return OK;
    },

    'sync.status': () => services.sync.status(),
    'sync.probeTls': () => services.sync.probeTls(),
    'sync.enrol': async ({ code, pin }, context) => {
      const enrolled = await services.sync.enrol(code, pin);
      journal(signedInUser(context), {
        after: {
          central: enrolled.centralUrl,
          stationId: enrolled.stationId,
          ...(enrolled.tlsFingerprint ? { tlsFingerprint: enrolled.tlsFingerprint } : {}),
        },
      });
      return enrolled;
    },
    'sync.health': async () => {
      const { error, ...health } = await services.sync.health();
      return { ...health, error: error?.toData() ?? null };
    },
    'sync.begin': (request) => services.sync.begin(request),
    'sync.revoke': ({ attestation }) => services.sync.revoke(attestation),
    'sync.chunk': ({ uploadId, offset, data, last }) =>
      services.sync.chunk(uploadId, offset, bufferOf(data), last),
    'sync.complete': (request) => services.sync.complete(request),
    'sync.audit': ({ entries }) => services.sync.audit(entries),
    'sync.lookup': (query, context) =>
      services.sync.lookup(
        Object.fromEntries(Object.entries(query).filter(([, v]) => v)) as Record<string, string>,
        readerOf(context),
      ),

    'inventory.read': async ({ uploadId, today }, context) => {
      const upload = importUploads.finish(uploadId, userOf(context));
      try {
        return await readInventoryFile(await readFile(upload.path), today);
      } finally {
        await upload.discard();
      }
    },
    'reports.export': async ({ format, report }) => ({
      data: ownBytes(format === 'xlsx' ? await progressWorkbook(report) : await progressPdf(report)),
    }),
    'sync.inventory': (upload) => services.sync.inventory(upload),
    'sync.progress': () => services.sync.progress(),
    'sync.stats': ({ by }) => services.sync.stats(by),
    'sync.fileRead': async ({ code, sha256, offset }, context) => {
      const { data, done } = await services.sync.fileRead(code, sha256, offset, readerOf(context));
      return { data: ownBytes(data), done };
    },

    'backup.status': () => services.backup.status(),
    'backup.setPassphrase': ({ passphrase }) => services.backup.setPassphrase(passphrase),
    'backup.begin': ({ reason }) => services.backup.begin(reason),
    'backup.missing': ({ sessionId, sha256s }) => ({ missing: services.backup.missing(sessionId, sha256s) }),
    'backup.put': async ({ sessionId, sha256, offset, data, last }) => {
      await services.backup.put(sessionId, sha256, offset, bufferOf(data), last);
      return OK;
    },
    'backup.commit': ({ sessionId, database }) => services.backup.commit(sessionId, database),
    'backup.abandon': async ({ sessionId, error }) => {
      await services.backup.abandon(sessionId, AppError.fromData(error));
      return OK;
    },
    'backup.snapshots': ({ folder, passphrase }, context) => {
      adminOrNewStation(context);
      return services.restore.snapshots(folder, passphrase);
    },
    'backup.verify': ({ folder, passphrase, snapshotId }, context) => {
      adminOrNewStation(context);
      return services.restore.verify(folder, passphrase, snapshotId);
    },
    'backup.restore': ({ folder, passphrase, snapshotId }, context) => {
      adminOrNewStation(context);
      return services.restore.restore(folder, passphrase, snapshotId);
    },
    'backup.pending': () => services.restore.pending(),
    'backup.restoreRead': async ({ sha256, offset }) => {
      const { data, done } = await services.restore.read(sha256, offset);
      return { data: ownBytes(data), done };
    },
    'backup.restoreDone': async () => {
      await services.restore.done();
      return OK;
    },

    'transfer.begin': ({ folder }) => services.transfer.begin(folder),
    'transfer.file': async ({ bundleId, sha256, offset, data, last }) => {
      await services.transfer.file(bundleId, sha256, offset, bufferOf(data), last);
      return OK;
    },
    'transfer.finish': ({ bundleId, records }) => services.transfer.finish(bundleId, records),
    'transfer.receipts': ({ path }) => services.transfer.receipts(path),

    'procedures.list': () => services.procedures.list(),
    'procedures.save': ({ procedure, previousCode }, context) => {
      const before = services.procedures
        .list()
        .find((each) => each.code === (previousCode ?? procedure.code));
      const saved = services.procedures.save(procedure, previousCode);
      journal(signedInUser(context), {
        before: before ? { procedure: before } : null,
        after: { procedure: saved },
      });
      return saved;
    },
    'procedures.delete': ({ code }, context) => {
      const before = services.procedures.list().find((each) => each.code === code);
      services.procedures.remove(code);
      if (before) journal(signedInUser(context), { before: { procedure: before }, after: null });
      return OK;
    },
    'procedures.importCsv': ({ csv }, context) => {
      const result = services.procedures.importCsv(csv);
      journal(signedInUser(context), { after: { procedures: 'csv', imported: result.imported } });
      return result;
    },

    'sheets.print': async ({ entries, separators, departmentCode }, context) => {
      const user = signedInUser(context);
      const printed = await printSheets(sheetDepsOf(services), {
        entries,
        separators,
        userName: user.displayName,
        ...(departmentCode ? { departmentCode } : {}),
      });
      services.journal.record(user, 'capture', {
        after: { coverSheets: printed.prepared.length, separatorSheets: separators },
      });
      return { prepared: printed.prepared, pdf: ownBytes(printed.pdf) };
    },
    'sheets.readList': async ({ data }) => readPreparedList(await readTableFile(Buffer.from(data))),
    'sheets.prepared': ({ reference }) => services.preparedRecords.get(reference),
    'profiles.list': () => captureProfiles.list(),
    'profiles.save': (profile, context) => {
      const before = profile.id ? captureProfiles.list().find((each) => each.id === profile.id) : undefined;
      const saved = captureProfiles.save(profile);
      journal(signedInUser(context), {
        ...(before ? { before: { profile: before } } : {}),
        after: { profile: saved },
      });
      return saved;
    },
    'profiles.delete': ({ id }, context) => {
      const before = captureProfiles.list().find((each) => each.id === id);
      captureProfiles.remove(id);
      if (before) journal(signedInUser(context), { before: { profile: before }, after: null });
      return OK;
    },

    'settings.get': () => settings.get(),
    'settings.update': async (patch, context) => {
      const before = settings.get();
      const updated = settings.update(patch);
      const keys = Object.keys(patch);
      journal(signedInUser(context), { before: sections(before, keys), after: sections(updated, keys) });
      // Awaited: the answer then tells the truth about the watcher (hotFolderStatus), and
      // nothing goes on creating folders after the caller has moved on. Its failure is kept there.
      await hotFolder.apply();
      return updated;
    },
  };
}
