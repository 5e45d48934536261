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
import { blankBack, demoPages } from './demo-documents';

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
];

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
export function createDemoDriver(): ScanDriver {
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

  return {
    backend: 'demo',
    listDevices: () => Promise.resolve([...DEVICES]),
    capabilities: (deviceId) => {
      device(deviceId);
      return Promise.resolve(CAPABILITIES);
    },
    async *scan(options: ScanOptions, outputDir: string, signal?: AbortSignal): AsyncIterable<ScannedPage> {
      const name = device(options.deviceId);
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
