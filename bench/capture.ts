/**
 * bench/capture: ingest throughput of page processing for 300-dpi colour A4 pages, beside
 * the time `scanimage` itself takes to deliver 300-dpi colour pages from the SANE test
 * device, measured in the same run. Target (issue 3): at least 120 pages/min on 2 cores.
 *
 * Run: npm run bench:capture   (PAGES=20 by default)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { processPage } from '../src-main/imaging/process-page';
import { defaultSettings } from '../src-shared/domain/settings';
import { vietnamesePage } from '../test/support/page-images';

const PAGES = Number(process.env.PAGES ?? 20);
const TARGET_PPM = 120;
const settings = defaultSettings().capture;
const perMinute = (pages: number, ms: number) => (pages / ms) * 60_000;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** Processes pages with `concurrency` in flight, as the capture pipeline does. */
async function processAll(inputs: (Buffer | string)[], concurrency: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < inputs.length) {
        const input = inputs[next++]!;
        await processPage(input, { mode: 'color', scannerDpi: 300, settings });
      }
    }),
  );
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-bench-'));
  try {
    // 1. The scanner's own pace: scanimage at 300 dpi colour, the test device's largest area.
    const scanStarted = performance.now();
    execFileSync(
      'scanimage',
      [
        '-d',
        'test',
        '--source',
        'Automatic Document Feeder',
        '--mode',
        'Color',
        '--resolution',
        '300',
        '--test-picture',
        'Color pattern',
        '-x',
        '200',
        '-y',
        '200',
        '--format=png',
        `--batch=${join(dir, 'scan-%04d.png')}`,
        '--batch-count=10',
      ],
      { env: { ...process.env, LC_ALL: 'C' }, stdio: 'ignore' },
    );
    const scanMs = performance.now() - scanStarted;
    const scanned = readdirSync(dir)
      .filter((file) => file.startsWith('scan-'))
      .map((file) => join(dir, file));

    // 2. The same scanner pages through our processing.
    const ours = await timed(() => processAll(scanned, 2));

    // 3. Realistic documents: 300-dpi colour A4 pages of Vietnamese text.
    const lines = [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 49/QĐ-SLĐTBXH',
      'QUYẾT ĐỊNH',
    ];
    const a4 = await Promise.all(Array.from({ length: PAGES }, () => vietnamesePage(300, lines)));
    const sequential = await timed(() => processAll(a4, 1));
    const pipelined = await timed(() => processAll(a4, Math.max(2, availableParallelism())));

    const rows = [
      ['scanimage, 10 pages 300 dpi colour 200×200 mm', scanMs, 10],
      ['processing the same 10 scanner pages', ours.ms, 10],
      [`processing ${PAGES} A4 300-dpi colour pages, one at a time`, sequential.ms, PAGES],
      [`processing ${PAGES} A4 300-dpi colour pages, pipelined`, pipelined.ms, PAGES],
    ] as const;
    console.log(`bench/capture on ${availableParallelism()} cores`);
    for (const [label, ms, pages] of rows) {
      console.log(
        `  ${label.padEnd(58)} ${ms.toFixed(0).padStart(6)} ms  ${perMinute(pages, ms).toFixed(0).padStart(5)} pages/min`,
      );
    }
    console.log(
      `  ratio, processing vs scanimage on the same pages:        ${(ours.ms / scanMs).toFixed(2)}× the scanner's time`,
    );
    console.log(
      `  ratio, A4 pipelined throughput vs the ${TARGET_PPM} pages/min goal: ${(perMinute(PAGES, pipelined.ms) / TARGET_PPM).toFixed(2)}×`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
