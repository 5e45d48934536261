import { SEED_PROCEDURES } from '../domain/procedure-catalogue';
import { knownHeadings } from '../indexing/agency-names';

/**
 * Administrative Vietnamese the station knows independently of any page it reads: the
 * national motto and the titles of Nghị định 30/2020's document forms, the department's and
 * each province's headings, and the names of the department's procedures. OCR post-correction
 * takes its word pairs from these, so it restores what they say and nothing else.
 */
export function knownPhrases(): string[] {
  return [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'QUYẾT ĐỊNH',
    'GIẤY PHÉP',
    'GIẤY CHỨNG NHẬN',
    'GIẤY XÁC NHẬN',
    ...knownHeadings(),
    ...SEED_PROCEDURES.map((procedure) => procedure.name),
  ];
}
