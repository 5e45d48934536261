import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestPki } from './test-pki';

const run = promisify(execFile);

/**
 * A real RFC 3161 timestamp authority for tests: each HTTP request is answered by
 * `openssl ts -reply` with a TSA certificate the test CA issued (critical timeStamping EKU).
 */
export async function startOpensslTsa(
  pki: TestPki,
): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  const tsa = pki.issue('tsa', {
    commonName: 'TSA thử nghiệm SoHoa',
    keyUsage: { digitalSignature: true, nonRepudiation: true },
    extendedKeyUsage: { timeStamping: true },
  });
  const dir = pki.dir;
  writeFileSync(join(dir, 'tsaserial'), '01\n');
  const config = join(dir, 'tsa.cnf');
  writeFileSync(
    config,
    `[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = ${join(dir, 'tsaserial')}
crypto_device = builtin
signer_cert = ${join(dir, 'tsa.cert.pem')}
certs = ${join(dir, 'root.cert.pem')}
signer_key = ${tsa.keyPath}
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256
accuracy = secs:1
ordering = no
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`,
  );
  let count = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      count += 1;
      const work = mkdtempSync(join(dir, 'tsq-'));
      writeFileSync(join(work, 'request.tsq'), Buffer.concat(chunks));
      run('openssl', [
        'ts',
        '-reply',
        '-config',
        config,
        '-queryfile',
        join(work, 'request.tsq'),
        '-out',
        join(work, 'reply.tsr'),
      ])
        .then(() => {
          response.writeHead(200, { 'Content-Type': 'application/timestamp-reply' });
          response.end(readFileSync(join(work, 'reply.tsr')));
        })
        .catch((error: unknown) => {
          response.writeHead(500);
          response.end(String(error));
        })
        .finally(() => rmSync(work, { recursive: true, force: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    requests: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
