/**
 * The OCR evaluation corpus (issue 15): 12 pages of each of the 25 layouts, each page with its
 * own person and numbers and the faults of a real scan, written as images with their ground
 * truth (the text in reading order, the fields). Page i of a layout goes to the dev half when i
 * is even, to the test half when odd: the dev half may be studied; the test half is only ever
 * measured, and no rule, threshold or word list is fitted to it.
 *
 * Run: npm run corpus -- OUT_DIR   (PAGES_PER_LAYOUT to shrink; deterministic: same pages every run)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../src-shared/domain/seeded-random';
import { LAYOUTS, setPage, type FieldTruth } from './corpus-layouts';
import { faultsFor, paperColour, paperMarks, scanOf, type Fault } from './scan-faults';
import { pageSvg, truthText } from './typeset';

export interface CorpusPage {
  file: string;
  half: 'dev' | 'test';
  layout: string;
  text: string;
  fields: FieldTruth;
  faults: Fault[];
  skew: number;
}

export async function buildCorpus(outDir: string, pagesPerLayout = 12): Promise<CorpusPage[]> {
  const pages: CorpusPage[] = [];
  for (const half of ['dev', 'test']) mkdirSync(join(outDir, half), { recursive: true });
  for (const [layoutIndex, layout] of LAYOUTS.entries()) {
    for (let index = 0; index < pagesPerLayout; index++) {
      const seed = layoutIndex * 1000 + index + 1;
      const set = setPage(layout, seed);
      const r = seededRandom(seed * 31 + 7);
      const faults = faultsFor(r);
      const svg = pageSvg(
        set.set,
        paperColour(faults, r),
        paperMarks(faults, r, set.signerAt, set.fields.issuingAgency ?? ''),
      );
      const scan = await scanOf(svg, faults, r);
      const half = index % 2 === 0 ? 'dev' : 'test';
      const file = join(
        half,
        `${layout.id}-${String(index + 1).padStart(2, '0')}.${scan.type === 'jpeg' ? 'jpg' : 'png'}`,
      );
      writeFileSync(join(outDir, file), scan.bytes);
      pages.push({
        file,
        half,
        layout: layout.id,
        text: truthText(set.set),
        fields: set.fields,
        faults: [...faults.paper, ...faults.pixels],
        skew: Number(faults.skew.toFixed(2)),
      });
    }
  }
  writeFileSync(join(outDir, 'truth.json'), JSON.stringify(pages, null, 1));
  return pages;
}

if (process.argv[1]?.endsWith('corpus.ts')) {
  const out = process.argv[2] ?? 'bench-corpus';
  const started = performance.now();
  const pages = await buildCorpus(out, Number(process.env.PAGES_PER_LAYOUT ?? 12));
  console.log(
    `corpus: ${pages.length} pages of ${LAYOUTS.length} layouts in ${out} (${pages.filter((page) => page.half === 'test').length} test), ` +
      `${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}
