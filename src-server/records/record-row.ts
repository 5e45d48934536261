import type { KeyObject } from 'node:crypto';
import type { CentralRevocation, Receipt, RecordMeta } from '../../src-shared/central/central-api';
import { signReceipt } from '../../src-node/signing/receipt-signature';
import type { Queryable } from '../db/database';

/** A row of `records`, with its station's number where the query joined it. */
export interface RecordRow {
  server_id: string;
  code: string;
  sha256: string;
  bytes: string;
  station_id: string;
  meta: RecordMeta;
  owner_id: string | null;
  department_code: string | null;
  stored_at: Date;
  superseded_by: string | null;
  revocation: Partial<CentralRevocation> | null;
  number?: string;
}

/** Central's receipt for a stored record, signed with its receipt key. */
export const receiptOf = (key: KeyObject, row: RecordRow): Receipt =>
  signReceipt(key, {
    serverId: row.server_id,
    code: row.code,
    sha256: row.sha256,
    bytes: Number(row.bytes),
    storedAt: new Date(row.stored_at).toISOString(),
    stationId: row.station_id,
  });

/** The standing revocation as lookups show it; one recorded before signatures says so by its empty signer. */
export const revocationOf = (row: RecordRow): CentralRevocation | null =>
  row.revocation ? ({ stationNumber: null, signer: '', ...row.revocation } as CentralRevocation) : null;

export const recordByCode = async (tx: Queryable, code: string, lock = false) =>
  (await tx.query<RecordRow>(`SELECT * FROM records WHERE code = $1${lock ? ' FOR UPDATE' : ''}`, [code]))[0];
