import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { demoStack } from '../../../src-main/capture/demo/demo-documents';
import { greymap } from '../../../src-main/ocr/greymap';
import { createNativeEngine, findNativeTesseract } from '../../../src-main/ocr/native-engine';
import { plainTessdataDir } from '../../../src-main/ocr/tessdata';
import { silentLogger } from '../../../src-main/platform/logger';
import { makeTempDir } from '../../support/temp-dir';

describe('the native Tesseract engine', () => {
  const cache = makeTempDir('sohoa-native-ocr-');
  afterAll(() => cache.remove());

  it('unpacks the models once when the first pages arrive together, on a cold cache', async () => {
    const cold = makeTempDir('sohoa-native-cold-');
    const engine = createNativeEngine({
      binary: (await findNativeTesseract())!,
      size: 2,
      tessdata: () => plainTessdataDir(cold.path),
      workDir: `${cold.path}/work`,
      log: silentLogger,
    });
    const [decision, permit] = demoStack(0, 2);
    const pages = await Promise.all(
      [decision!, permit!].map(async (each) =>
        greymap(await sharp(Buffer.from(each.svg), { density: 150 }).withDensity(150).png().toBuffer()),
      ),
    );
    // Two processes start at once, and both need the models (they once raced to unpack them).
    const readings = await Promise.all(pages.map((page) => engine.read(page)));
    await engine.close();
    cold.remove();
    expect(readings.map((reading) => reading.text.length > 500)).toEqual([true, true]);
  }, 120_000);

  it('reads waiting pages in one process, and a page it cannot read fails alone', async () => {
    const binary = await findNativeTesseract();
    expect(binary, '.ci/run installs tesseract-ocr').not.toBeNull();
    const engine = createNativeEngine({
      binary: binary!,
      size: 1,
      tessdata: () => plainTessdataDir(cache.path),
      workDir: `${cache.path}/work`,
      log: silentLogger,
    });
    const [decision, permit] = demoStack(0, 2);
    const page = async (svg: string) =>
      greymap(await sharp(Buffer.from(svg), { density: 200 }).withDensity(200).png().toBuffer());
    const [first, second] = await Promise.all([page(decision!.svg), page(permit!.svg)]);
    // A greymap whose header promises more than it holds: Tesseract cannot read it.
    const broken = { ...second!, pgm: second!.pgm.subarray(0, 1000) };
    // One process: the first page starts alone, the two that wait go together.
    const results = await Promise.allSettled([
      engine.read(first!),
      engine.read(second!),
      engine.read(broken),
    ]);
    await engine.close();
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const [one, two] = results.map((result) => (result.status === 'fulfilled' ? result.value : null));
    expect(one!.text).toContain(`${decision!.data.number}/QĐ-SLĐTBXH`);
    expect(two!.text).toContain(`${permit!.data.number}/GPLĐ-SLĐTBXH`);
    expect(one!.confidence).toBeGreaterThan(85);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ code: 'ocr.unavailable' });
  }, 120_000);
});
