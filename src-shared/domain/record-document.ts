import { z } from 'zod';
import { recordFieldsSchema } from './record-fields';

/** Vietnamese names of result types, for a file's title (the file is read outside the app). */
const RESULT_TYPE_TITLES = {
  decision: 'Quyết định',
  licence: 'Giấy phép',
  certificate: 'Giấy chứng nhận',
  confirmation: 'Văn bản xác nhận',
  other: 'Văn bản',
} as const;

/**
 * What a finalized record's PDF says about itself (document info and XMP): its code and
 * the clerk's fields. Also the `--meta` file of `sohoa pdf`.
 */
export const recordDocumentMetaSchema = z
  .object({
    code: z.string().trim().min(1).max(64),
    fields: recordFieldsSchema.partial().default({}),
    procedureName: z.string().trim().max(500).optional(),
    /** The digitizing agency, the file's author. */
    agencyName: z.string().trim().max(200).optional(),
    /** The code of the record this one corrects (a new version supersedes a signed record). */
    supersedes: z.string().trim().min(1).max(64).optional(),
    /** ISO 8601; when the record was finalized. */
    createdAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type RecordDocumentMeta = z.infer<typeof recordDocumentMetaSchema>;

/** "Quyết định 49/QĐ-SLĐTBXH – Nguyễn Văn Ánh": what a file manager or PDF reader shows. */
export function documentTitle(meta: RecordDocumentMeta): string {
  const { resultType, documentNumber, ownerName } = meta.fields;
  const kind = RESULT_TYPE_TITLES[resultType ?? 'other'];
  const head = documentNumber ? `${kind} ${documentNumber}` : kind;
  return ownerName ? `${head} – ${ownerName}` : `${head} (${meta.code})`;
}
