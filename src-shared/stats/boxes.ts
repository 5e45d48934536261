import type { RecordFields } from '../domain/record-fields';
import { countsAsDigitized, type ProgressRecord } from './progress';

/** One archive box: where it stands, what of it is captured, and how much counts as digitized. */
export interface BoxLine {
  box: string;
  /** The shelves its records name (a box moved mid-way names two). */
  shelves: string[];
  /** Records of its paper at this station, the version that stands. */
  records: number;
  /** Of those, digitized for the plan (through review, still valid). */
  digitized: number;
  /** Captured but not through review yet. */
  inProgress: number;
}

type BoxRecord = ProgressRecord & {
  fields: Pick<RecordFields, 'box' | 'shelf' | 'expiryDate' | 'indefinite'>;
};

/** Still at the station's desk: not yet through review. */
const IN_PROGRESS: readonly ProgressRecord['status'][] = [
  'draft',
  'captured',
  'indexed',
  'finalized',
  'submitted',
  'rejected',
];

/**
 * Progress per archive box (hộp), for the team working through an archive: each box its
 * records, those digitized and those still in hand, boxes in their natural order (H-2 before
 * H-10). Records with no box are left out; a superseded version counts through its correction.
 */
export function boxProgress(records: readonly BoxRecord[], today: string): BoxLine[] {
  const boxes = new Map<string, BoxLine & { shelfSet: Set<string> }>();
  for (const record of records) {
    const box = record.fields.box?.trim();
    if (!box || record.status === 'superseded') continue;
    const line = boxes.get(box) ?? {
      box,
      shelves: [],
      shelfSet: new Set(),
      records: 0,
      digitized: 0,
      inProgress: 0,
    };
    line.records += 1;
    if (countsAsDigitized(record, today)) line.digitized += 1;
    if (IN_PROGRESS.includes(record.status)) line.inProgress += 1;
    const shelf = record.fields.shelf?.trim();
    if (shelf) line.shelfSet.add(shelf);
    boxes.set(box, line);
  }
  const collator = new Intl.Collator('vi', { numeric: true });
  return [...boxes.values()]
    .map(({ shelfSet, ...line }) => ({ ...line, shelves: [...shelfSet].sort(collator.compare) }))
    .sort((a, b) => collator.compare(a.box, b.box));
}
