/**
 * bench/backup: how fast the station backs up, beside `tar` of the same bytes on the same
 * disk. A station in Chromium through the browser harness (real IndexedDB, the WebSocket
 * transport, main encrypting and writing), 1000 records of about 1 MB (a scanned page, its
 * thumbnail, its OCR text and a signed file each). A full backup first, then an incremental
 * one after a day's work (DAY records more), each against tar of the files it had to write;
 * then the same files given to main's backup service directly (no transport at all), and what
 * the harness's WebSocket alone carries, the ceiling of any backup through it.
 *
 * Run: npm run build && npm run bench:backup   (RECORDS=200 DAY=10 for a shorter run)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createStationServices, type StationServices } from '../src-main/services/station-services';
import { DATABASE_SCHEMA_VERSION } from '../src-shared/backup/database-version';
import { IMPORT_CHUNK_BYTES } from '../src-shared/ipc/contract';
import { login, openStationPage } from '../test/support/station-page';
import { prepareStation } from '../test/support/station-setup';
import { makeTempDir } from '../test/support/temp-dir';
import { ADMIN } from '../test/support/users';

const RECORDS = Number(process.env.RECORDS ?? 1000);
const DAY = Number(process.env.DAY ?? 50);
const MB = 1024 * 1024;
const SIZES = { image: 600_000, thumbnail: 12_000, pdf: 420_000 };

/** The bytes of one file, the same in Node and in the page: xorshift32 from a seed (incompressible, like JPEG). */
function bytesOf(seed: number, size: number): Uint8Array {
  const words = new Uint32Array(Math.ceil(size / 4));
  let x = seed * 2654435761 || 1;
  for (let index = 0; index < words.length; index++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    words[index] = x;
  }
  return new Uint8Array(words.buffer, 0, size);
}

/** Records `from`…`to` into the page's IndexedDB, generated there (nothing large crosses the socket). */
async function seed(page: Page, from: number, to: number, sizes: typeof SIZES) {
  await page.evaluate(
    async ({ from, to, sizes }) => {
      const open = indexedDB.open('sohoa-station');
      const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
      for (let index = from; index <= to; index++) {
        const files: Record<string, Blob> = {};
        const shas: Record<string, string> = {};
        for (const [kind, size, offset] of [
          ['image', sizes.image, 1],
          ['thumbnail', sizes.thumbnail, 2],
          ['pdf', sizes.pdf, 3],
        ] as const) {
          const words = new Uint32Array(Math.ceil(size / 4));
          let x = (index * 10 + offset) * 2654435761 || 1;
          for (let word = 0; word < words.length; word++) {
            x ^= x << 13;
            x >>>= 0;
            x ^= x >>> 17;
            x ^= x << 5;
            x >>>= 0;
            words[word] = x;
          }
          const bytes = new Uint8Array(words.buffer, 0, size);
          // Hashed from the bytes, not read back from the Blob: a page holding a gigabyte of
          // Blobs may have them on disk already (Chromium refused such a read at 1000 records).
          const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
          shas[kind] = [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
          files[kind] = new Blob([bytes], { type: kind === 'pdf' ? 'application/pdf' : 'image/jpeg' });
        }
        const { image: imageSha, pdf: pdfSha } = shas;
        const id = `R${index}`;
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['records', 'pages', 'pageTexts', 'documents'], 'readwrite');
          tx.objectStore('records').put({
            id,
            code: `000.00.12.H20.2026.007${String(index).padStart(6, '0')}K`,
            status: 'finalized',
            ownerName: `Công dân ${index}`,
            ownerIdNumber: `0870850${String(index).padStart(5, '0')}`,
            fields: { documentNumber: `${index}/QĐ-SLĐTBXH` },
            createdBy: 'bench',
            createdAt: index,
            updatedAt: index,
          });
          tx.objectStore('pages').put({
            id: `P${index}`,
            recordId: id,
            index: 0,
            image: files.image,
            thumbnail: files.thumbnail,
            mimeType: 'image/jpeg',
            widthPx: 2480,
            heightPx: 3508,
            dpi: 300,
            lowDpi: false,
            sha256: imageSha,
            blank: false,
            origin: `bench:${index}`,
            rotation: 0,
            ocrStatus: 'done',
            createdAt: index,
          });
          tx.objectStore('pageTexts').put({
            pageId: `P${index}`,
            text: `QUYẾT ĐỊNH số ${index}/QĐ-SLĐTBXH về việc công nhận… `.repeat(40),
          });
          tx.objectStore('documents').put({
            recordId: id,
            pdf: files.pdf,
            sha256: pdfSha,
            bytes: files.pdf!.size,
            level: 'B-B',
            signerName: 'Sở LĐ-TB&XH',
            signedAt: index,
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
    },
    { from, to, sizes },
  );
}

/** The same records' files on disk, for tar. */
function writeFiles(folder: string, from: number, to: number) {
  mkdirSync(folder, { recursive: true });
  for (let index = from; index <= to; index++) {
    writeFileSync(join(folder, `${index}.jpg`), bytesOf(index * 10 + 1, SIZES.image));
    writeFileSync(join(folder, `${index}.thumb.jpg`), bytesOf(index * 10 + 2, SIZES.thumbnail));
    writeFileSync(join(folder, `${index}.pdf`), bytesOf(index * 10 + 3, SIZES.pdf));
  }
}

function tarSeconds(folder: string, out: string): number {
  const started = performance.now();
  execFileSync('tar', ['-cf', out, '-C', folder, '.']);
  execFileSync('sync');
  return (performance.now() - started) / 1000;
}

/**
 * What Chromium's WebSocket carries to main with no backup behind it: `bytes` in 2 MB
 * backup.put frames (wire-message.ts's layout) for a session that does not exist, so main
 * refuses each at once. The ceiling of any backup through the harness on this machine.
 */
async function transportCeiling(page: Page, bytes: number): Promise<number> {
  return page.evaluate(async (bytes) => {
    const token = sessionStorage.getItem('sohoa.harness.token') ?? '';
    const ws = new WebSocket(`ws://${location.host}/station?token=${token}&client=bench-transport`);
    await new Promise((resolve, reject) => ((ws.onopen = resolve), (ws.onerror = reject)));
    const part = new Uint8Array(2 * 1024 * 1024).fill(7);
    const call = {
      value: {
        id: 1,
        channel: 'backup.put',
        request: {
          sessionId: crypto.randomUUID(),
          sha256: '0'.repeat(64),
          offset: 0,
          data: { $bytes: 0 },
          last: false,
        },
      },
      bytes: [part.length],
    };
    const head = new TextEncoder().encode(JSON.stringify(call));
    const frame = new Uint8Array(4 + head.length + part.length);
    new DataView(frame.buffer).setUint32(0, head.length, true);
    frame.set(head, 4);
    frame.set(part, 4 + head.length);
    const count = Math.ceil(bytes / part.length);
    let sent = 0;
    let answered = 0;
    const started = performance.now();
    await new Promise<void>((resolve) => {
      ws.onmessage = () => {
        answered += 1;
        if (answered === count) resolve();
        else if (sent < count) {
          ws.send(frame);
          sent += 1;
        }
      };
      for (; sent < Math.min(8, count); sent += 1) ws.send(frame);
    });
    ws.close();
    return (count * part.length) / (1024 * 1024) / ((performance.now() - started) / 1000);
  }, bytes);
}

/**
 * The same files handed straight to main's backup service in this process, 8 pieces at once in
 * 2 MB parts as the renderer sends them, to a folder of their own: the backup with no transport
 * at all (hashing, AES-GCM, writing, fsync), what the app approaches where its IPC is fast.
 */
async function mainAlone(services: StationServices, files: string, folder: string) {
  mkdirSync(folder);
  services.settings.update({ backup: { ...services.settings.get().backup, folder } });
  // Their SHA-256s are known beforehand, as the rows hold them in IndexedDB.
  const pieces = readdirSync(files).map((name) => {
    const bytes = readFileSync(join(files, name));
    return {
      path: join(files, name),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
    };
  });
  const started = performance.now();
  const { sessionId } = await services.backup.begin('manual');
  const queue = [...pieces];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let piece = queue.shift(); piece; piece = queue.shift()) {
        const data = await readFile(piece.path);
        for (let offset = 0; offset < data.length; offset += IMPORT_CHUNK_BYTES) {
          const part = data.subarray(offset, offset + IMPORT_CHUNK_BYTES);
          await services.backup.put(
            sessionId,
            piece.sha256,
            offset,
            part,
            offset + part.length >= data.length,
          );
        }
      }
    }),
  );
  const summary = await services.backup.commit(sessionId, {
    schemaVersion: DATABASE_SCHEMA_VERSION,
    tables: {},
    blobs: pieces.map(({ sha256, bytes }) => ({ sha256, bytes })),
    counts: { records: 0, pages: 0 },
  });
  return { seconds: (performance.now() - started) / 1000, written: summary.newBytes };
}

async function main() {
  const dir = makeTempDir('sohoa-bench-backup-');
  const stationDir = join(dir.path, 'station');
  const usb = join(dir.path, 'usb');
  mkdirSync(usb);
  await prepareStation(stationDir, () => ({
    backup: { folder: usb, intervalHours: 0, afterSigning: false, keep: 5 },
  }));
  const services = createStationServices({ dataDir: stationDir });
  await services.backup.setPassphrase('đo tốc độ sao lưu trạm');
  // IndexedDB on disk, as in Electron: an incognito page holds a gigabyte of Blobs in memory.
  const station = await openStationPage(stationDir, { profileDir: join(dir.path, 'chromium') });
  try {
    const { page } = station;
    await login(page, ADMIN);
    await page.getByTestId('main-nav').waitFor();
    const made = performance.now();
    for (let from = 1; from <= RECORDS; from += 50)
      await seed(page, from, Math.min(RECORDS, from + 49), SIZES);
    console.log(
      `bench/backup on ${availableParallelism()} cores: ${RECORDS} records, ` +
        `${((RECORDS * (SIZES.image + SIZES.thumbnail + SIZES.pdf)) / MB).toFixed(0)} MB of files ` +
        `(seeded in ${((performance.now() - made) / 1000).toFixed(1)} s)`,
    );

    const backup = async () => {
      const before = services.backup.status().last?.at ?? 0;
      await page.getByTestId('main-nav').getByText('Cài đặt', { exact: true }).click();
      await page.getByTestId('settings-tab-backup').click();
      await page.getByTestId('backup-now').click();
      for (;;) {
        const last = services.backup.status().last;
        if (last && last.at > before) {
          if (!last.ok || !last.snapshot) throw new Error(`backup failed: ${JSON.stringify(last.error)}`);
          return { seconds: (last.ms ?? 0) / 1000, snapshot: last.snapshot };
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    const phases = () =>
      page.evaluate(() => {
        const entries = performance
          .getEntriesByType('measure')
          .filter((entry) => entry.name.startsWith('backup.'));
        performance.clearMeasures();
        const sums = new Map<string, number>();
        for (const entry of entries) sums.set(entry.name, (sums.get(entry.name) ?? 0) + entry.duration);
        return [...sums].map(([name, ms]) => `${name.slice(7)} ${(ms / 1000).toFixed(2)} s`).join(', ');
      });
    /** Each against tar of the files it had to write: MB of files per second, both ways. */
    const report = (label: string, files: number, seconds: number, tar: number, written: number) => {
      const rate = files / MB / seconds;
      const tarRate = files / MB / tar;
      console.log(
        `  ${label}: ${(files / MB).toFixed(0)} MB of files in ${seconds.toFixed(2)} s, ${rate.toFixed(1)} MB/s ` +
          `(${(written / MB).toFixed(0)} MB written); tar ${tar.toFixed(2)} s, ${tarRate.toFixed(1)} MB/s → ` +
          `${(rate / tarRate).toFixed(2)}× tar (goal ≥ 0.5×)`,
      );
    };
    const filesOf = (count: number) => count * (SIZES.image + SIZES.thumbnail + SIZES.pdf);

    writeFiles(join(dir.path, 'files-full'), 1, RECORDS);
    const fullTar = tarSeconds(join(dir.path, 'files-full'), join(dir.path, 'full.tar'));
    const full = await backup();
    report('full backup       ', filesOf(RECORDS), full.seconds, fullTar, full.snapshot.newBytes);
    console.log(`    in the renderer: ${await phases()}`);

    await seed(page, RECORDS + 1, RECORDS + DAY, SIZES);
    writeFiles(join(dir.path, 'files-day'), RECORDS + 1, RECORDS + DAY);
    const dayTar = tarSeconds(join(dir.path, 'files-day'), join(dir.path, 'day.tar'));
    const day = await backup();
    report(`incremental (+${DAY})`, filesOf(DAY), day.seconds, dayTar, day.snapshot.newBytes);
    console.log(`    in the renderer: ${await phases()}`);
    console.log(
      `  the incremental backup wrote ${((day.snapshot.newBytes / full.snapshot.newBytes) * 100).toFixed(1)} % ` +
        `of the full one for ${((DAY / RECORDS) * 100).toFixed(1)} % more records`,
    );
    const alone = await mainAlone(services, join(dir.path, 'files-full'), join(dir.path, 'usb-main'));
    report('main alone        ', filesOf(RECORDS), alone.seconds, fullTar, alone.written);
    const ceiling = await transportCeiling(page, filesOf(RECORDS));
    console.log(
      `  the harness's WebSocket alone (the same put calls, refused at once by main, 8 in flight): ` +
        `${ceiling.toFixed(1)} MB/s → the full backup ran at ${((filesOf(RECORDS) / MB / full.seconds / ceiling) * 100).toFixed(0)} % of its transport`,
    );
  } finally {
    await station.close();
    dir.remove();
  }
}

await main();
