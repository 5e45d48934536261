/**
 * bench/ocr: character error rate and pages/min of the station's OCR pool on 20 rendered
 * demo pages with ground truth (the text their SVG carries), beside Debian's `tesseract`
 * CLI (tesseract-ocr-vie) on the same pages in the same run; and precision/recall of the
 * field suggestions against the data each page was filled with.
 * Goal (issue 4): CER no worse than the CLI, throughput at least the CLI's on 2 cores.
 * Field suggestions are scored on the text of the engine the station ships (native).
 *
 * Run: npm run bench:ocr   (needs `apt-get install tesseract-ocr tesseract-ocr-vie`)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { demoStack, type DemoPage } from '../src-main/capture/demo/demo-documents';
import { createOcrPool, nativeSize, poolSize } from '../src-main/ocr/ocr-pool';
import { silentLogger } from '../src-main/platform/logger';
import { suggestFields, type SuggestedField } from '../src-shared/indexing/field-suggestions';
import { characterErrorRate, groundTruthOf } from '../test/support/demo-truth';

const run = promisify(execFile);
const PAGES = Number(process.env.PAGES ?? 20);
const iso = (dmy: string) => dmy.split('/').reverse().join('-');

/** What a page should yield, from the data it was filled with. */
function expectedFields(page: DemoPage): Partial<Record<SuggestedField, string>> {
  const { data } = page;
  const issued = { issueDate: `${data.year}-${data.month}-${data.day}`, signerName: data.signer! };
  const agency = { issuingAgency: 'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI' };
  if (page.kind === 'decision') {
    return {
      resultType: 'decision',
      documentNumber: `${data.number}/QĐ-SLĐTBXH`,
      ...issued,
      ...agency,
      ownerName: data.name,
      ownerBirthDate: iso(data.birthDate!),
      ownerIdNumber: data.idNumber,
      // "có hiệu lực kể từ ngày ký"
      effectiveDate: issued.issueDate,
    };
  }
  if (page.kind === 'permit' && page.page === 2) return { documentNumber: `${data.number}/GPLĐ-SLĐTBXH` };
  // The certificate's annex cites its number on its first page, nothing on its second.
  if (page.kind === 'certificate' && page.page === 2)
    return { documentNumber: `${data.number}/GCNĐKHĐ-SLĐTBXH` };
  if (page.kind === 'certificate' && page.page === 3) return {};
  if (page.kind === 'permit') {
    return {
      resultType: 'licence',
      documentNumber: `${data.number}/GPLĐ-SLĐTBXH`,
      ...issued,
      ownerName: data.foreignName,
      ownerBirthDate: iso(data.birthDate!),
      ownerTaxCode: data.taxCode,
      effectiveDate: iso(data.effective!),
      expiryDate: iso(data.expiry!),
    };
  }
  return {
    resultType: 'certificate',
    documentNumber: `${data.number}/GCNĐKHĐ-SLĐTBXH`,
    ...issued,
    ...agency,
    ownerName: data.school,
    ownerIdNumber: data.idNumber,
    ownerTaxCode: data.taxCode,
    effectiveDate: iso(data.effective!),
  };
}

/** Dashes OCR may read either way. */
const same = (a: string, b: string) => a.replace(/[–—]/g, '-') === b.replace(/[–—]/g, '-');

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** Runs `work` over `items` with `concurrency` in flight, keeping the order of results. */
async function inParallel<T, R>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-bench-ocr-'));
  try {
    const pages = demoStack(0, PAGES);
    const files = await Promise.all(
      pages.map(async (page, index) => {
        const path = join(dir, `page-${index}.png`);
        writeFileSync(
          path,
          await sharp(Buffer.from(page.svg), { density: 300 }).withDensity(300).png().toBuffer(),
        );
        return path;
      }),
    );
    const truths = pages.map((page) => groundTruthOf(page.svg));
    const images = await Promise.all(files.map((file) => sharp(file).toBuffer()));
    const cores = availableParallelism();
    const rows: { label: string; ms: number; cer: number }[] = [];
    const meanCer = (texts: string[]) =>
      texts.reduce((sum, text, index) => sum + characterErrorRate(text, truths[index]!), 0) / texts.length;

    const cli = (threads: string) => (file: string) =>
      run('tesseract', [file, '-', '-l', 'vie+eng', '--oem', '1', '--psm', '3'], {
        env: { ...process.env, OMP_THREAD_LIMIT: threads },
        maxBuffer: 16 * 1024 * 1024,
      }).then(({ stdout }) => stdout);
    const cliOne = await timed(() => inParallel(files, 1, cli('')));
    rows.push({
      label: 'tesseract CLI, one page at a time (its own threads)',
      ms: cliOne.ms,
      cer: meanCer(cliOne.value),
    });
    const cliAll = await timed(() => inParallel(files, cores, cli('1')));
    rows.push({
      label: `tesseract CLI, ${cores} pages at a time, 1 thread each`,
      ms: cliAll.ms,
      cer: meanCer(cliAll.value),
    });

    // The station's OCR as it ships: the native engine (default size) where Tesseract is
    // installed, and the WebAssembly one built in (default size, and all cores).
    const configurations: { engine: 'native' | 'wasm'; workers: number; label: string }[] = [
      { engine: 'native', workers: 0, label: `station OCR, native, ${nativeSize(0)} processes (default)` },
      { engine: 'wasm', workers: 0, label: `station OCR, WebAssembly, ${poolSize(0)} workers (default)` },
      ...(poolSize(0) === cores
        ? []
        : [{ engine: 'wasm' as const, workers: cores, label: `station OCR, WebAssembly, ${cores} workers` }]),
    ];
    let poolTexts: string[] = [];
    for (const { engine, workers, label } of configurations) {
      const pool = createOcrPool({
        settings: () => ({ engine, workers }),
        cacheDir: join(dir, 'cache'),
        log: silentLogger,
      });
      await pool.recognize(images[0]!); // start the engine outside the timing
      if ((await pool.engine()).name !== engine) throw new Error(`${engine} engine not available`);
      const result = await timed(() => Promise.all(images.map((image) => pool.recognize(image))));
      await pool.close();
      const texts = result.value.map((page) => page.text);
      if (engine === 'native') poolTexts = texts;
      rows.push({ label, ms: result.ms, cer: meanCer(texts) });
    }

    let truePositives = 0;
    let suggested = 0;
    let expectedCount = 0;
    pages.forEach((page, index) => {
      const expected = expectedFields(page);
      const found = suggestFields(poolTexts[index]!).filter(
        (suggestion) => suggestion.field !== 'procedureCode',
      );
      suggested += found.length;
      expectedCount += Object.keys(expected).length;
      for (const suggestion of found) {
        const want = expected[suggestion.field];
        if (want !== undefined && same(suggestion.value, want)) truePositives += 1;
      }
    });

    console.log(
      `bench/ocr on ${cores} cores, ${PAGES} A4 pages at 300 dpi (demo documents with ground truth)`,
    );
    for (const { label, ms, cer } of rows) {
      const ppm = (PAGES / ms) * 60_000;
      console.log(
        `  ${label.padEnd(56)} ${ms.toFixed(0).padStart(7)} ms ${ppm.toFixed(1).padStart(6)} pages/min  CER ${(cer * 100).toFixed(2)} %`,
      );
    }
    const best = (prefix: string) =>
      rows.filter((row) => row.label.startsWith(prefix)).reduce((a, b) => (a.ms < b.ms ? a : b));
    const cliBest = best('tesseract');
    const shipped = rows.find((row) => row.label.includes('native'))!;
    const wasm = rows.find((row) => row.label.includes('WebAssembly') && row.label.includes('(default)'))!;
    const ratio = (label: string, value: number) => console.log(`  ${label.padEnd(56)} ${value.toFixed(2)}×`);
    ratio('ratio, station (native) CER vs CLI best CER:', shipped.cer / Math.max(cliBest.cer, 1e-9));
    ratio('ratio, station (native) throughput vs CLI best:', cliBest.ms / shipped.ms);
    ratio('ratio, station (WebAssembly) throughput vs CLI best:', cliBest.ms / wasm.ms);
    console.log(
      `  field suggestions: precision ${((truePositives / Math.max(1, suggested)) * 100).toFixed(1)} %, recall ${((truePositives / Math.max(1, expectedCount)) * 100).toFixed(1)} % (${truePositives} right of ${suggested} suggested, ${expectedCount} expected)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
