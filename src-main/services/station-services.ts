import { stationSettingsSchema } from '../../src-shared/domain/settings';
import { join } from 'node:path';
import { createDrivers } from '../capture/drivers';
import type { DemoDriverOptions } from '../capture/demo/demo-driver';
import { printedBox, sheetDepsOf } from './prepared-records/print-sheets';
import { createHotFolderService } from '../capture/hot-folder/hot-folder-service';
import { createCaptureRuns } from '../capture/runs/capture-runs';
import { createImportUploads } from '../capture/runs/import-uploads';
import { createOcrPool } from '../ocr/ocr-pool';
import { createFinalizeJobs } from '../pdf/finalize-jobs';
import { createPdfWorker } from '../pdf/pdf-worker-client';
import { createSigningService } from '../signing/signing-service';
import { auditHeadDocumentSchema, createAuditHead } from '../audit/audit-head';
import { createMainJournal, mainJournalDocumentSchema } from '../audit/main-journal';
import { backupDocumentSchema } from '../backup/backup-document';
import { createBackupService } from '../backup/backup-service';
import { createRestoreService } from '../backup/restore-service';
import { APP_VERSION } from '../platform/app-version';
import { createTransferService } from '../transfer/transfer-service';
import { createAttestor, stationKeysDocumentSchema } from '../review/attestor';
import { createReviewService } from '../review/review-service';
import { centralCredentialsSchema, createSyncService } from '../sync/sync-service';
import type { ScanDriver } from '../capture/scan-driver';
import { systemClock, type Clock } from '../platform/clock';
import { silentLogger, type Logger } from '../platform/logger';
import { accountsDocumentSchema } from './accounts/accounts-document';
import { createAccountService } from './accounts/account-service';
import { createSessionManager } from './accounts/session-manager';
import { keyFileSecretBox, type SecretBox } from './secrets/secret-box';
import {
  captureProfilesDocumentSchema,
  createCaptureProfileService,
} from './capture-profiles/capture-profile-service';
import { createProcedureService, proceduresDocumentSchema } from './procedures/procedure-service';
import { createSettingsService } from './settings/settings-service';
import { openJsonStore } from './store/json-store';
import {
  createPreparedRecordService,
  preparedRecordsDocumentSchema,
} from './prepared-records/prepared-record-service';

/**
 * The composition root of main's services. Electron main, the browser harness, the CLI
 * and the tests all build the station through here; only the transport differs.
 */
/** The demo archive device feeds the last cover sheets printed; its feeder keeps its place in the data folder. */
export function demoDriverOptions(
  dataDir: string,
  services: Parameters<typeof sheetDepsOf>[0],
): DemoDriverOptions {
  return {
    feederFile: join(dataDir, 'capture', 'demo-feeder.json'),
    printedBox: () => printedBox(sheetDepsOf(services)),
  };
}

export interface StationServicesOptions {
  dataDir: string;
  clock?: Clock;
  /** Electron passes its safeStorage box; plain Node falls back to the key file. */
  secrets?: SecretBox;
  /** Capture backends; tests pass drivers with backend options (a test picture, an injected jam). */
  drivers?: ScanDriver[];
  log?: Logger;
}

export function createStationServices({
  dataDir,
  clock = systemClock,
  secrets,
  drivers,
  log = silentLogger,
}: StationServicesOptions) {
  const settings = createSettingsService(
    openJsonStore({ dataDir, name: 'settings', schema: stationSettingsSchema }),
  );
  const accounts = createAccountService({
    store: openJsonStore({ dataDir, name: 'accounts', schema: accountsDocumentSchema }),
    clock,
    security: () => settings.get().security,
  });
  const sessions = createSessionManager({
    clock,
    idleTimeoutMinutes: () => settings.get().security.idleTimeoutMinutes,
    loadAccount: (userId) => accounts.get(userId),
  });
  const captureProfiles = createCaptureProfileService({
    store: openJsonStore({ dataDir, name: 'capture-profiles', schema: captureProfilesDocumentSchema }),
    departmentCodes: () => settings.get().departments.map((department) => department.code),
  });
  const preparedRecords = createPreparedRecordService({
    store: openJsonStore({ dataDir, name: 'prepared-records', schema: preparedRecordsDocumentSchema }),
  });
  const procedures = createProcedureService(
    openJsonStore({ dataDir, name: 'procedures', schema: proceduresDocumentSchema }),
  );
  const captureDrivers =
    drivers ??
    createDrivers({
      sane: { stallTimeoutMs: () => settings.get().capture.scannerStallSeconds * 1000 },
      demo: demoDriverOptions(dataDir, { preparedRecords, settings, procedures }),
    });
  const captureSettings = () => settings.get().capture;
  const captureRuns = createCaptureRuns({
    root: join(dataDir, 'capture', 'runs'),
    drivers: captureDrivers,
    settings: captureSettings,
    clock,
    log,
  });
  const importUploads = createImportUploads({
    root: join(dataDir, 'capture', 'uploads'),
    settings: captureSettings,
  });
  const hotFolder = createHotFolderService({ settings: captureSettings, captureRuns, log });
  const ocr = createOcrPool({
    settings: () => settings.get().ocr,
    cacheDir: join(dataDir, 'cache'),
    log,
  });
  // PDFs are built and verified off main's event loop.
  const pdfWorker = createPdfWorker();
  const signing = createSigningService({ settings: () => settings.get(), log, verify: pdfWorker.verify });
  const secretBox = secrets ?? keyFileSecretBox(dataDir);
  const attestor = createAttestor({
    store: openJsonStore({ dataDir, name: 'station-keys', schema: stationKeysDocumentSchema }),
    secrets: secretBox,
  });
  const finalizeJobs = createFinalizeJobs({
    clock,
    build: (pages, meta) => {
      const { ocr, capture } = settings.get();
      return pdfWorker.build(pages, meta, {
        ...(ocr.cleanUpPdf ? { cleanUp: { jpegQuality: capture.jpegQuality } } : {}),
      });
    },
    sign: (pdf) => signing.sign(pdf),
    attest: (facts) => attestor.sign(facts),
  });
  const review = createReviewService({
    attestor,
    clock,
    settings: () => settings.get(),
    signStatement: (statement) => signing.signStatement(statement),
  });
  const sync = createSyncService({
    settings: () => settings.get(),
    cacheDir: join(dataDir, 'cache', 'central'),
    store: openJsonStore({ dataDir, name: 'central', schema: centralCredentialsSchema }),
    secrets: secretBox,
    attestor,
  });
  const journal = createMainJournal(
    openJsonStore({ dataDir, name: 'journal', schema: mainJournalDocumentSchema }),
    clock,
  );
  const auditHead = createAuditHead(
    openJsonStore({ dataDir, name: 'audit-head', schema: auditHeadDocumentSchema }),
  );
  const backupStore = openJsonStore({ dataDir, name: 'backup-key', schema: backupDocumentSchema });
  const backup = createBackupService({
    dataDir,
    secrets: secretBox,
    store: backupStore,
    settings: () => settings.get(),
    appVersion: APP_VERSION,
    clock,
    log,
  });
  const restore = createRestoreService({
    dataDir,
    secrets: secretBox,
    store: backupStore,
    log,
    onRestored: () => attestor.forget(),
  });
  const transfer = createTransferService({
    clock,
    stationNumber: () => settings.get().stationNumber,
    stationId: () => sync.stationId(),
    approved: (record) => sync.approved(record),
    signStatement: (statement) => signing.signStatement(statement),
    receiptValid: (receipt) => sync.receiptValid(receipt),
  });
  return {
    /** The housekeeping each service starts with (capture folders) has finished. */
    settled: () => Promise.all([captureRuns.ready, importUploads.ready]).then(() => undefined),
    dataDir,
    settings,
    accounts,
    sessions,
    secrets: secretBox,
    drivers: captureDrivers,
    captureRuns,
    importUploads,
    captureProfiles,
    preparedRecords,
    procedures,
    hotFolder,
    ocr,
    signing,
    finalizeJobs,
    attestor,
    review,
    auditHead,
    journal,
    sync,
    backup,
    restore,
    transfer,
  };
}

export type StationServices = ReturnType<typeof createStationServices>;
