import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { archiveBox } from '../../src-main/capture/demo/archive-stack';
import { createDemoDriver } from '../../src-main/capture/demo/demo-driver';
import {
  createPreparedRecordService,
  preparedRecordsDocumentSchema,
} from '../../src-main/services/prepared-records/prepared-record-service';
import {
  createProcedureService,
  proceduresDocumentSchema,
} from '../../src-main/services/procedures/procedure-service';
import { createSettingsService } from '../../src-main/services/settings/settings-service';
import { demoDriverOptions } from '../../src-main/services/station-services';
import { openJsonStore } from '../../src-main/services/store/json-store';
import { stationSettingsSchema } from '../../src-shared/domain/settings';
import { makeTempDir } from './temp-dir';

const run = promisify(execFile);

/**
 * The demo archive box of a station's last printed covers, as the stack files a district
 * office brings from a copier: every side scanned by the demo archive device (grey, duplex),
 * joined into one multi-page TIFF (libtiff's `tiffcp`, page by page) and one PDF of JPEG
 * scans; with the box's ground truth, the dossiers it holds.
 */
export async function archiveStackFiles(dataDir: string, outDir: string, dpi: number) {
  // Only the stores the box is made of: a whole station here would tidy up the capture runs of
  // the station running beside it on the same folder.
  const services = {
    preparedRecords: createPreparedRecordService({
      store: openJsonStore({ dataDir, name: 'prepared-records', schema: preparedRecordsDocumentSchema }),
    }),
    settings: createSettingsService(
      openJsonStore({ dataDir, name: 'settings', schema: stationSettingsSchema }),
    ),
    procedures: createProcedureService(
      openJsonStore({ dataDir, name: 'procedures', schema: proceduresDocumentSchema }),
    ),
  };
  const covers = services.preparedRecords.latestPrint();
  const truth = archiveBox(covers.map((record) => record.reference));
  const work = makeTempDir('sohoa-archive-sides-');
  try {
    // Its own feeder, so the app's demo scanner keeps its place.
    const driver = createDemoDriver({
      ...demoDriverOptions(dataDir, services),
      feederFile: join(work.path, 'feeder.json'),
    });
    const sides: string[] = [];
    for await (const side of driver.scan(
      { deviceId: 'demo:archive', source: 'duplex', dpi, mode: 'gray' },
      work.path,
    )) {
      sides.push(side.path);
    }
    const tiffPages: string[] = [];
    const pdf = await PDFDocument.create();
    for (const [index, side] of sides.entries()) {
      const grey = sharp(side).grayscale().withMetadata({ density: dpi });
      const tiff = join(work.path, `side-${index}.tif`);
      await grey.clone().tiff({ compression: 'lzw' }).toFile(tiff);
      tiffPages.push(tiff);
      const jpeg = await pdf.embedJpg(await grey.clone().jpeg({ quality: 75 }).toBuffer());
      pdf.addPage([595.28, 841.89]).drawImage(jpeg, { x: 0, y: 0, width: 595.28, height: 841.89 });
    }
    const tiffPath = join(outDir, 'hop-luu-tru.tif');
    await run('tiffcp', [...tiffPages, tiffPath]);
    const pdfPath = join(outDir, 'hop-luu-tru.pdf');
    writeFileSync(pdfPath, await pdf.save());
    return {
      tiffPath,
      pdfPath,
      sides: sides.length,
      truth,
      covers: new Map(covers.map((record) => [record.reference, record])),
      tiffBytes: readFileSync(tiffPath).length,
    };
  } finally {
    work.remove();
  }
}
