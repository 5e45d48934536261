import { buildStationBridge } from '../../src-shared/ipc/station-api';
import type { ChannelName } from '../../src-shared/ipc/contract';
import type { RecordMeta } from '../../src-shared/central/central-api';
import { openPkcs12Signer } from '../../src-main/signing/pkcs12-signer';
import { backendWithClerk, valueOf } from './backend';
import { ADMIN_TOKEN } from './central';
import { recordMeta, signedRecord } from './signed-records';
import type { TestPki } from './test-pki';
import { P12_PASSWORD } from './test-pki';

/**
 * A station in-process for sync tests: main's real services and registry as `window.station`
 * (so the renderer's sync code runs as in the app, over fake-indexeddb, which the test
 * imports first), enrolled at `centralUrl` with a code from Central's admin API.
 */
export async function syncStation(options: {
  centralUrl: string;
  enrolVia: string;
  pki: TestPki;
  timeoutMs?: number;
  /** The departments Central's administrator enrols the station for. */
  departments?: string[];
  /** Who the renderer's calls come from: the clerk, unless a test needs the admin (who signs bundles). */
  sessionKey?: 'clerk' | 'admin';
}) {
  const backend = await backendWithClerk();
  const { sync } = backend.services.settings.get();
  valueOf(
    await backend.call('admin', 'settings.update', {
      centralUrl: options.centralUrl,
      stationNumber: '007',
      sync: { ...sync, requestTimeoutMs: options.timeoutMs ?? 2_000 },
    }),
  );
  const made = await fetch(`${options.enrolVia}/v1/admin/enrolments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ departments: options.departments ?? ['NCC'] }),
  });
  const { code } = (await made.json()) as { code: string };
  valueOf(await backend.call('admin', 'sync.enrol', { code }));
  (globalThis as { window?: unknown }).window = {
    station: buildStationBridge((name: ChannelName, request) =>
      backend.registry.invoke(name, request, { sessionKey: options.sessionKey ?? 'clerk' }),
    ),
  };
  const { db } = await import('../../src-renderer/db/database');
  const pass = await import('../../src-renderer/sync/sync-pass');
  const signer = await openPkcs12Signer(options.pki.agency.p12Path, P12_PASSWORD);

  /** Approved records as review leaves them: queued, with main's attestation, in the outbox. */
  async function seed(
    count: number,
    first = 1,
    meta: (index: number) => RecordMeta = (index) =>
      recordMeta({
        idNumber: `0870850${String(index).padStart(5, '0')}`,
        name: `Công dân ${index}`,
        number: `${index}/QĐ-SLĐTBXH`,
      }),
  ) {
    const codes: string[] = [];
    for (let index = first; index < first + count; index++) {
      const code = `000.00.12.H20.2026.007${String(index).padStart(6, '0')}K`;
      const recordMetaValue = meta(index);
      const { pdf, sha256 } = await signedRecord(signer, code, recordMetaValue);
      const at = Date.now();
      const token = backend.services.attestor.sign({ kind: 'approved', code, sha256, by: 'supervisor', at });
      const id = `R${index}`;
      await db.transaction('rw', db.records, db.documents, db.outbox, async () => {
        await db.records.put({
          id,
          code,
          status: 'queued',
          fields: recordMetaValue.fields,
          ownerIdNumber: recordMetaValue.fields.ownerIdNumber,
          documentNumber: recordMetaValue.fields.documentNumber,
          review: { decision: 'approved', by: 'supervisor', byName: 'Phạm Văn Duyệt', at, token },
          createdBy: 'clerk',
          createdAt: at,
          updatedAt: at,
        });
        await db.documents.put({
          recordId: id,
          pdf: new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }),
          sha256,
          bytes: pdf.length,
          level: 'B-B',
          signerName: 'Sở LĐ-TB&XH',
          signedAt: at,
        });
        await db.outbox.put({
          id: `record:${id}`,
          kind: 'record',
          recordId: id,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: at,
          updatedAt: at,
        });
      });
      codes.push(code);
    }
    return codes;
  }

  /** Passes until the outbox is empty of waiting records (backoff ignored: time is the test's). */
  async function syncUntilDone(limitMs: number) {
    const started = Date.now();
    let passes = 0;
    for (;;) {
      passes += 1;
      await pass.runSyncPass(Date.now() + 3600_000);
      const waiting = await db.outbox.where('status').anyOf('pending', 'uploading').count();
      if (waiting === 0) return passes;
      if (Date.now() - started > limitMs)
        throw new Error(`${waiting} records still waiting after ${passes} passes`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  return {
    backend,
    db,
    pass,
    seed,
    syncUntilDone,
    close: async () => {
      await signer.close();
      backend.dir.remove();
    },
  };
}
