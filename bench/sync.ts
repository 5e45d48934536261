/**
 * bench/sync: how fast approved records reach SoHoa Central on loopback, beside a plain
 * file copy of the same bytes (the physical limit here). 1000 signed records of about 1 MB,
 * sent as the station's sync sends them, RECORDS_IN_FLIGHT at once (announce, 2 MB chunks,
 * complete: Central checks size, SHA-256 and the PAdES signature of each), through main's own Central client,
 * to a real Central process (embedded PGlite, its files on the same disk).
 *
 * Run: npm run bench:sync   (RECORDS=200 for a shorter run)
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createCentralClient } from '../src-main/sync/central-client';
import { openPkcs12Signer } from '../src-main/signing/pkcs12-signer';
import { sendRecord } from './support/send-record';
import { eachInFlight, RECORDS_IN_FLIGHT } from '../src-shared/sync/in-flight';
import { centralProcess, freePort } from '../test/support/central-process';
import { recordMeta, signedRecord } from '../test/support/signed-records';
import { makeTempDir } from '../test/support/temp-dir';
import { createTestPki, P12_PASSWORD } from '../test/support/test-pki';

const RECORDS = Number(process.env.RECORDS ?? 1000);
const PAGES = 10; // ten noisy pages: a record of about 1 MB
const MB = 1024 * 1024;

async function main() {
  const dir = makeTempDir('sohoa-bench-sync-');
  const pki = createTestPki(dir.path);
  const central = centralProcess({
    dataDir: join(dir.path, 'central'),
    port: await freePort(),
    trustDir: pki.trustDir,
  });
  await central.start();
  try {
    const signer = await openPkcs12Signer(pki.agency.p12Path, P12_PASSWORD);
    const source = join(dir.path, 'records');
    await mkdir(source, { recursive: true });
    const files: {
      code: string;
      path: string;
      bytes: number;
      sha256: string;
      meta: ReturnType<typeof recordMeta>;
    }[] = [];
    const made = performance.now();
    for (let index = 1; index <= RECORDS; index++) {
      const code = `000.00.12.H20.2026.007${String(index).padStart(6, '0')}K`;
      const meta = recordMeta(
        {
          idNumber: `0870850${String(index).padStart(5, '0')}`,
          name: `Công dân ${index}`,
          number: `${index}/QĐ`,
        },
        { pages: PAGES },
      );
      const { pdf, sha256 } = await signedRecord(signer, code, meta);
      const path = join(source, `${index}.pdf`);
      await writeFile(path, pdf);
      files.push({ code, path, bytes: pdf.length, sha256, meta });
    }
    await signer.close();
    const totalBytes = files.reduce((sum, file) => sum + file.bytes, 0);
    console.log(
      `bench/sync on ${availableParallelism()} cores: ${RECORDS} signed records, ${(totalBytes / MB).toFixed(0)} MB ` +
        `(made in ${((performance.now() - made) / 1000).toFixed(1)} s)`,
    );

    // The physical limit: the same files copied on the same disk.
    const target = join(dir.path, 'copy');
    await mkdir(target, { recursive: true });
    let started = performance.now();
    for (const file of files) await copyFile(file.path, join(target, `${file.code}.pdf`));
    const copySeconds = (performance.now() - started) / 1000;

    const enrolment = await fetch(`${central.url}/v1/admin/enrolments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${central.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ departments: ['NCC'] }),
    });
    const { code } = (await enrolment.json()) as { code: string };
    const credentials = await createCentralClient({ baseUrl: central.url, timeoutMs: 30_000 }).call('enrol', {
      body: { code, stationNumber: '007', stationName: 'bench' },
    });
    const client = createCentralClient({
      baseUrl: central.url,
      timeoutMs: 30_000,
      credential: `${credentials.stationId}.${credentials.secret}`,
    });
    started = performance.now();
    await eachInFlight(files, RECORDS_IN_FLIGHT, async (file) => {
      await sendRecord(client, { ...file, pdf: await readFile(file.path) });
    });
    const syncSeconds = (performance.now() - started) / 1000;
    const rate = (seconds: number) =>
      `${(RECORDS / seconds).toFixed(1)} records/s, ${(totalBytes / MB / seconds).toFixed(1)} MB/s`;
    console.log(`  plain file copy:   ${copySeconds.toFixed(2)} s, ${rate(copySeconds)}`);
    console.log(`  sync to Central:   ${syncSeconds.toFixed(2)} s, ${rate(syncSeconds)}`);
    console.log(`  sync takes ${(syncSeconds / copySeconds).toFixed(1)}× the copy's time`);
  } finally {
    await central.stop();
    dir.remove();
  }
}

await main();
