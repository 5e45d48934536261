// Bundled by bench/search.ts into the harness page: the app's own search and database,
// with the generator and the timer the benchmark drives (the app exposes nothing of the kind).
import { db } from '../../src-renderer/db/database';
import type { RecordRow, RecordTermsRow } from '../../src-renderer/db/rows';
import { searchRecords } from '../../src-renderer/search/search-records';
import { foldText } from '../../src-shared/domain/text-fold';
import { recordTerms } from '../../src-shared/indexing/search-terms';

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Ngọc', 'Hữu', 'Quốc', 'Kim', 'Đức', 'Thu'];
const GIVEN = [
  'Anh',
  'Ánh',
  'Bình',
  'Cường',
  'Dũng',
  'Hạnh',
  'Hòa',
  'Lan',
  'Phúc',
  'Tâm',
  'Thảo',
  'Yến',
  'Hùng',
  'Mai',
  'Nam',
  'Sơn',
  'Trang',
  'Tuấn',
  'Vinh',
  'Xuân',
];
const SYLLABLES =
  'an anh ba bao binh ca cap cho cong cu da dai dan dinh do dong duc ga gia giay hai han hang hoa hoc hoi huong khu lam lao le loi luat ma minh nam nghe ngoai nguoi nhan phep phong quan quyet sang so tai thang thanh thi thu tinh tro truong tu uu van viec vien xa xac'.split(
    ' ',
  );
const KINDS = ['QĐ', 'GPLĐ', 'GCN', 'XN'];
const PROCEDURES = ['1.000459', '1.000105', '1.001257', '2.000286'];

let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** `count` indexed records with names, IDs, codes, document numbers and 60 words of text each. */
async function generate(count: number) {
  const vocabulary = Array.from({ length: 4000 }, () => `${pick(SYLLABLES)}${pick(SYLLABLES)}`);
  const started = performance.now();
  for (let start = 0; start < count; start += 10_000) {
    const records: RecordRow[] = [];
    const terms: RecordTermsRow[] = [];
    for (let index = start; index < Math.min(count, start + 10_000); index += 1) {
      const name = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
      const id = `r${index}`;
      const code = `000.00.12.H20.2025.${String(1 + (index % 7)).padStart(3, '0')}${String(index).padStart(6, '0')}X`;
      const idNumber = `087${Math.floor(random() * 2)}${50 + Math.floor(random() * 49)}${String(index).padStart(6, '0')}`;
      const documentNumber = `${1 + (index % 3000)}/${pick(KINDS)}-SLĐTBXH`;
      records.push({
        id,
        code,
        status: 'indexed' as const,
        fields: {},
        createdBy: 'u',
        createdAt: index,
        updatedAt: index,
        ownerName: name,
        ownerNameFolded: foldText(name),
        ownerIdNumber: idNumber,
        documentNumber,
        procedureCode: pick(PROCEDURES),
      });
      const text = Array.from({ length: 60 }, () => pick(vocabulary)).join(' ');
      terms.push({
        recordId: id,
        terms: recordTerms({
          code,
          identifiers: [idNumber, documentNumber],
          fieldTexts: [name],
          pageTexts: [text],
        }),
      });
    }
    await db.transaction('rw', db.records, db.recordTerms, async () => {
      await db.records.bulkAdd(records);
      await db.recordTerms.bulkAdd(terms);
    });
  }
  const sample = await db.records.get('r12345');
  // Two words of that record's text: a two-word query that has an answer.
  const words = ((await db.recordTerms.get('r12345'))?.terms ?? []).slice(-2);
  return { ms: performance.now() - started, words: [vocabulary[0]!, ...words], sample };
}

/** Median and worst of `runs` timings of `work`, and how many results it gave. */
async function time(work: () => Promise<unknown[]>, runs: number) {
  const times: number[] = [];
  let found = 0;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    found = (await work()).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)]!, worst: times.at(-1)!, found };
}

const search = (query: string, runs: number) => time(() => searchRecords(query), runs);
const scanByName = (folded: string, runs: number) =>
  time(
    () =>
      db.records
        .filter((record) => record.ownerNameFolded?.startsWith(folded) ?? false)
        .limit(50)
        .toArray(),
    runs,
  );

(window as unknown as { sohoaBench: unknown }).sohoaBench = { generate, search, scanByName };
