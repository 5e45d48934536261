import { getRandomValues } from 'node:crypto';
import { z } from 'zod';
import {
  preparedRecordSchema,
  type PreparedFields,
  type PreparedRecord,
} from '../../../src-shared/capture/prepared-record';
import { newCoverReference } from '../../../src-shared/capture/sheet-code';
import type { JsonStore } from '../store/json-store';

export const preparedRecordsDocumentSchema = z.object({
  records: z.array(preparedRecordSchema).default([]),
});
type Document = z.infer<typeof preparedRecordsDocumentSchema>;

/**
 * Records prepared for cover sheets, kept in main's data folder beside the catalogue, so
 * the app, the harness and the CLI all read the same sheets. A sheet's QR code holds only
 * the reference; its fields stay here.
 */
export function createPreparedRecordService(deps: { store: JsonStore<Document>; now?: () => number }) {
  const now = deps.now ?? Date.now;
  return {
    /** New prepared records for `entries`, in their order, each with its own reference. */
    prepare(
      entries: readonly PreparedFields[],
      by: { userName: string; departmentCode?: string },
    ): PreparedRecord[] {
      const records = deps.store.read().records;
      const taken = new Set(records.map((record) => record.reference));
      const at = now();
      const prepared = entries.map((fields): PreparedRecord => {
        let reference = newCoverReference((bytes) => getRandomValues(bytes));
        while (taken.has(reference)) reference = newCoverReference((bytes) => getRandomValues(bytes));
        taken.add(reference);
        return preparedRecordSchema.parse({
          reference,
          fields,
          ...(by.departmentCode ? { departmentCode: by.departmentCode } : {}),
          preparedAt: at,
          preparedBy: by.userName,
        });
      });
      deps.store.write({ records: [...records, ...prepared] });
      return prepared;
    },

    /** The records of the last print, in their order (what the demo's archive box is laid from). */
    latestPrint(): PreparedRecord[] {
      const { records } = deps.store.read();
      const last = records.at(-1);
      return last ? records.filter((record) => record.preparedAt === last.preparedAt) : [];
    },

    /** The record a cover sheet names, or null for a sheet this station did not print. */
    get(reference: string): PreparedRecord | null {
      return deps.store.read().records.find((record) => record.reference === reference) ?? null;
    },
  };
}

export type PreparedRecordService = ReturnType<typeof createPreparedRecordService>;
