import { strToU8, zipSync } from 'fflate';
import { appendAudit } from '../audit/audit-log';
import { db } from '../db/database';
import { actingUser } from '../session/acting-user';
import { readChunked } from '../station/read-chunked';
import { station } from '../station/station';

/** A result found by the lookup, local or on SoHoa Central, with what is needed to fetch its file. */
export interface FoundResult {
  code: string;
  sha256: string;
  ownerName: string;
  validity: string;
  recordId?: string;
  source: 'local' | 'central';
}

/** The signed file of a result: this station's copy when it has one, else Central's (in chunks). */
export async function fileOf(result: FoundResult): Promise<Blob> {
  if (result.recordId) {
    const document = await db.documents.get(result.recordId);
    if (document?.pdf) return document.pdf;
  }
  return readChunked(
    (offset) => station.sync.fileRead({ code: result.code, sha256: result.sha256, offset }),
    'application/pdf',
  );
}

/**
 * Records that results were handed over for a new procedure, so the citizen did not bring
 * the paper again: the plan's reuse figure, and an entry in the audit trail.
 */
export async function recordReuse(results: readonly FoundResult[]): Promise<void> {
  const { userId } = actingUser();
  const at = Date.now();
  await db.transaction('rw', db.reuses, db.audit, async () => {
    for (const result of results) {
      await db.reuses.add({
        ...(result.recordId ? { recordId: result.recordId } : {}),
        code: result.code,
        source: result.source,
        by: userId,
        at,
      });
      await appendAudit('reuse', {
        ...(result.recordId ? { recordId: result.recordId } : {}),
        after: { code: result.code, source: result.source },
      });
    }
  });
}

/** An owner's dossier: every result's signed PDF and a list of them (code, owner, validity), in one ZIP. */
export async function dossierZip(results: readonly FoundResult[]): Promise<Blob> {
  const files: Record<string, Uint8Array> = {};
  const lines = ['code;ownerName;validity;sha256'];
  for (const result of results) {
    files[`${result.code}.pdf`] = new Uint8Array(await (await fileOf(result)).arrayBuffer());
    lines.push([result.code, result.ownerName, result.validity, result.sha256].join(';'));
  }
  files['danh-sach.csv'] = strToU8(`\uFEFF${lines.join('\r\n')}\r\n`);
  // PDFs are compressed already: stored, not deflated again.
  const zip = zipSync(
    Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, [bytes, { level: 0 }]])),
  );
  return new Blob([new Uint8Array(zip)], { type: 'application/zip' });
}
