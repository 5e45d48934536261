/**
 * bench/search: latency of the station's local search over 100 000 generated records in
 * Chromium's IndexedDB (the app's schema and search code, bundled into the harness page),
 * beside a reference measured in the same run: the same name query as a full scan.
 * Goal (issue 4): results in under 100 ms.
 *
 * Run: npm run bench:search   (after `npm run build`; needs Chromium)
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { requireBuild } from '../test/support/built-app';
import { CHROMIUM_PATH } from '../test/support/chromium';
import { startHarness } from '../test/support/harness-process';

const RECORDS = Number(process.env.RECORDS ?? 100_000);
const RUNS = 15;

async function main() {
  requireBuild();
  const bundle = await build({
    entryPoints: ['bench/support/search-entry.ts'],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    target: 'chrome120',
  });
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-bench-search-'));
  const harness = await startHarness(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
  try {
    // The bench's own script is inline; the app's CSP would rightly refuse it.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(harness.url);
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });

    // Each call goes to the bundle's functions: no code of ours is evaluated inline, where
    // tsx's name helpers do not exist.
    const call = <T>(name: string, ...args: unknown[]) =>
      page.evaluate(
        ({ fn, list }) =>
          (window as unknown as { sohoaBench: Record<string, (...args: unknown[]) => unknown> }).sohoaBench[
            fn
          ]!(...list),
        {
          fn: name,
          list: args,
        },
      ) as Promise<T>;
    type Timing = { median: number; worst: number; found: number };
    const generated = await call<{ ms: number; words: string[]; sample: Record<string, string> }>(
      'generate',
      RECORDS,
    );
    const { sample, words } = generated;
    const queries: [string, string][] = [
      ['owner name, folded ("nguyen van anh")', 'nguyen van anh'],
      ['record code', sample.code!],
      ['owner ID number', sample.ownerIdNumber!],
      ['document number prefix', sample.documentNumber!.slice(0, 6)],
      ['procedure code', '1.000459'],
      ['one word of the text', words[0]!],
      ['two words of the text', `${words[1]} ${words[2]}`],
    ];
    const rows = [];
    for (const [label, query] of queries)
      rows.push({ label, ...(await call<Timing>('search', query, RUNS)) });
    const scan = await call<Timing>('scanByName', 'nguyen van anh', RUNS);
    const timings = { rows, scan };

    console.log(
      `bench/search: ${RECORDS.toLocaleString('en')} records in Chromium's IndexedDB (generated in ${(generated.ms / 1000).toFixed(1)} s)`,
    );
    for (const { label, median, worst, found } of timings.rows) {
      console.log(
        `  ${label.padEnd(40)} median ${median.toFixed(1).padStart(6)} ms  worst ${worst.toFixed(1).padStart(6)} ms  ${String(found).padStart(3)} results`,
      );
    }
    const { median, worst } = timings.scan;
    console.log(
      `  reference: the name query as a full scan   median ${median.toFixed(1).padStart(6)} ms  worst ${worst.toFixed(1).padStart(6)} ms`,
    );
    const slowest = Math.max(...timings.rows.map((row) => row.median));
    console.log(`  ratio, slowest query median vs the 100 ms goal: ${(slowest / 100).toFixed(2)}×`);
    console.log(`  ratio, name query vs full scan: ${(timings.rows[0]!.median / median).toFixed(3)}×`);
  } finally {
    await browser.close();
    await harness.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
