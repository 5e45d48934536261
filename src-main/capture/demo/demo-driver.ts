import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import {
  nearestResolution,
  type DeviceCapabilities,
  type DeviceInfo,
  type ScanOptions,
} from '../../../src-shared/capture/scan-options';
import { AppError } from '../../../src-shared/errors/app-error';
import { splitDeviceId, type ScanDriver, type ScannedPage } from '../scan-driver';
import { renderPdfPage } from '../import/pdf-source';
import { archiveBox, type ArchiveSide } from './archive-stack';
import { blankBack, demoPages } from './demo-documents';
import { noteBack, withDossierCode } from './demo-page-codes';

/** Sheets in the demo feeder, as many as the SANE test device gives. */
const STACK = 10;
/** The training device jams while feeding this sheet (1-based), once per stack. */
const JAM_AT = 4;

const DEVICES: readonly DeviceInfo[] = [
  {
    id: 'demo:standard',
    backend: 'demo',
    vendor: 'SoHoa',
    model: 'Máy quét mô phỏng (đào tạo)',
    kind: 'demo',
  },
  {
    id: 'demo:jam',
    backend: 'demo',
    vendor: 'SoHoa',
    model: 'Máy quét mô phỏng – kẹt giấy ở tờ 4 (tập xử lý sự cố)',
    kind: 'demo',
  },
  {
    id: 'demo:archive',
    backend: 'demo',
    vendor: 'SoHoa',
    model: 'Máy quét mô phỏng – hộp lưu trữ có tờ bìa (tờ bìa in gần nhất)',
    kind: 'demo',
  },
];

/** The archive box's sheets as printed: the last cover sheets, then one separator sheet. */
export interface PrintedBox {
  /** Changes with each print: a new print is a new box. */
  id: string;
  covers: string[];
  /** Covers 1…n, the separator n + 1. */
  pdf: Uint8Array;
}

export interface DemoDriverOptions {
  /** The box the archive device feeds (the last cover sheets printed). */
  printedBox?: () => Promise<PrintedBox>;
  /** Where the archive feeder keeps its place, so a restart of main leaves the paper where it was. */
  feederFile?: string;
}

/** A poppler rendering of a printed sheet: small bounds, the sheets PDF is the station's own. */
const SHEET_RENDER_BOUNDS = { memoryBytes: 512 * 1024 * 1024, timeoutMs: 60_000 };

const CAPABILITIES: DeviceCapabilities = {
  sources: ['flatbed', 'adf', 'duplex'],
  modes: ['color', 'gray', 'bitonal'],
  resolutions: { kind: 'list', values: [150, 200, 300, 400, 600] },
};

/**
 * A built-in scanner, clearly labelled as a simulation, that "scans" realistic Vietnamese
 * administrative documents from `assets/demo`. It behaves as a feeder does: a stack of
 * sheets, pages delivered one by one, duplex backs, a glass that takes the next page at each
 * scan, and on the training device a paper jam after which the sheets not yet scanned are
 * still in the feeder for the next scan.
 */
export function createDemoDriver(options: DemoDriverOptions = {}): ScanDriver {
  /** Each device's feeder: the stack's pages and how far it has been fed. */
  const feeders = new Map<string, { pages: string[]; position: number; jammed: boolean }>();
  let documentsIssued = 0;

  const device = (deviceId: string) => {
    const { backend, device: name } = splitDeviceId(deviceId);
    if (backend !== 'demo' || !DEVICES.some((each) => each.id === deviceId)) {
      throw new AppError('capture.deviceGone', { params: { device: deviceId } });
    }
    return name;
  };

  async function render(svg: string, dpi: number, path: string): Promise<void> {
    // Fast PNG: the page is re-encoded by page processing anyway, as a scanner's file is.
    await sharp(Buffer.from(svg), { density: dpi }).png({ compressionLevel: 1 }).toFile(path);
  }

  /** The archive feeder's place: the box and the next side to feed (2 × sheet, + 1 for a back). */
  let archivePlace: { box: string; side: number } | null = null;
  async function readArchivePlace(box: string) {
    if (!archivePlace && options.feederFile) {
      archivePlace = JSON.parse(
        await readFile(options.feederFile, 'utf8').catch(() => 'null'),
      ) as typeof archivePlace;
    }
    if (archivePlace?.box !== box) archivePlace = { box, side: 0 };
    return archivePlace;
  }
  async function keepArchivePlace() {
    if (!options.feederFile || !archivePlace) return;
    await writeFile(`${options.feederFile}.tmp`, JSON.stringify(archivePlace));
    await rename(`${options.feederFile}.tmp`, options.feederFile);
  }

  /** One side of the archive box as an image file. */
  async function renderArchiveSide(
    side: ArchiveSide,
    box: PrintedBox,
    dpi: number,
    path: string,
    dir: string,
  ) {
    if (side.kind === 'printedSheet') {
      const pdf = join(dir, 'archive-sheets.pdf');
      await writeFile(pdf, box.pdf);
      const rendered = await renderPdfPage(pdf, side.pdfPage, dpi, dir, SHEET_RENDER_BOUNDS);
      await rename(rendered, path);
      return;
    }
    const svg =
      side.kind === 'blank'
        ? blankBack()
        : side.kind === 'note'
          ? noteBack(side.text)
          : side.codes
            ? await withDossierCode(side.page.svg, side.codes)
            : side.page.svg;
    await render(svg, dpi, path);
  }

  /** The archive box, fed from where it was left; a box fed to its end is laid again. */
  async function* scanArchive(scan: ScanOptions, outputDir: string, signal?: AbortSignal) {
    if (!options.printedBox) throw new AppError('capture.deviceGone', { params: { device: scan.deviceId } });
    const printed = await options.printedBox();
    const { sheets } = archiveBox(printed.covers);
    const duplex = scan.source === 'duplex';
    const place = await readArchivePlace(printed.id);
    if (place.side >= sheets.length * 2) place.side = 0;
    // A one-sided feed takes the fronts only.
    if (!duplex && place.side % 2 === 1) place.side += 1;
    const dpi = nearestResolution(CAPABILITIES, scan.dpi);
    const limit = scan.maxPages ?? Number.POSITIVE_INFINITY;
    for (let sequence = 1; place.side < sheets.length * 2 && sequence <= limit; sequence += 1) {
      if (signal?.aborted) throw new AppError('capture.cancelled');
      const sheet = sheets[Math.floor(place.side / 2)]!;
      const back = place.side % 2 === 1;
      const path = join(outputDir, `archive-${String(place.side + 1).padStart(4, '0')}.png`);
      await renderArchiveSide(back ? sheet.back : sheet.front, printed, dpi, path, outputDir);
      yield { sequence, path, ...(duplex ? { side: back ? ('back' as const) : ('front' as const) } : {}) };
      // The page is taken: the feeder moves on, and remembers it.
      place.side += duplex ? 1 : 2;
      await keepArchivePlace();
    }
  }

  return {
    backend: 'demo',
    listDevices: () => Promise.resolve([...DEVICES]),
    capabilities: (deviceId) => {
      device(deviceId);
      return Promise.resolve(CAPABILITIES);
    },
    async *scan(options: ScanOptions, outputDir: string, signal?: AbortSignal): AsyncIterable<ScannedPage> {
      const name = device(options.deviceId);
      if (name === 'archive') {
        yield* scanArchive(options, outputDir, signal);
        return;
      }
      const dpi = nearestResolution(CAPABILITIES, options.dpi);
      const adf = options.source !== 'flatbed';
      // On the glass the clerk lays a dossier's pages one after another: one page a scan, in order.
      const key = adf ? name : `${name}:glass`;
      let feeder = feeders.get(key);
      if (!feeder || feeder.position >= feeder.pages.length) {
        feeder = { pages: demoPages(documentsIssued, STACK), position: 0, jammed: false };
        documentsIssued += STACK;
        feeders.set(key, feeder);
      }
      const last = Math.min(feeder.pages.length, feeder.position + (adf ? (options.maxPages ?? STACK) : 1));
      // Sides to feed, in order; the training device jams as it takes sheet JAM_AT, once.
      const sides: { sheet: number; svg: string }[] = [];
      for (let sheet = feeder.position; sheet < last; sheet += 1) {
        if (name === 'jam' && adf && sheet + 1 === JAM_AT && !feeder.jammed) break;
        const front = feeder.pages[sheet]!;
        for (const svg of options.source === 'duplex' ? [front, blankBack()] : [front])
          sides.push({ sheet, svg });
      }
      const renderSide = (index: number) => {
        const path = join(outputDir, `demo-${String(index + 1).padStart(4, '0')}.png`);
        const rendering = render(sides[index]!.svg, dpi, path).then(() => path);
        rendering.catch(() => undefined); // Awaited below, or abandoned by a cancel.
        return rendering;
      };
      // Like a real feeder, the next side is being scanned while the app takes this one.
      let next = sides.length > 0 ? renderSide(0) : null;
      for (let index = 0; index < sides.length; index += 1) {
        if (signal?.aborted) throw new AppError('capture.cancelled');
        const path = await next!;
        next = index + 1 < sides.length ? renderSide(index + 1) : null;
        yield { sequence: index + 1, path };
        feeder.position = sides[index]!.sheet + 1;
      }
      if (feeder.position < last) {
        feeder.jammed = true;
        throw new AppError('capture.paperJam', { detail: `demo: sheet ${feeder.position + 1}` });
      }
    },
  };
}
