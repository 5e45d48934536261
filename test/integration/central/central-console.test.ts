import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral } from '../../support/central';
import { createTestPki } from '../../support/test-pki';
import { makeTempDir } from '../../support/temp-dir';

// How Central serves its web console's files: by exact name, under a strict policy.
describe("SoHoa Central's console files", () => {
  const dir = makeTempDir('sohoa-console-files-');
  const built = join(dir.path, 'console');
  let central: Awaited<ReturnType<typeof startCentral>>;
  let bare: Awaited<ReturnType<typeof startCentral>>;

  beforeAll(async () => {
    mkdirSync(join(built, 'assets'), { recursive: true });
    writeFileSync(join(built, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir.path, 'secret.txt'), 'not for the web');
    const pki = createTestPki(join(dir.path, 'pki'));
    central = await startCentral('pglite', pki.trustDir, {}, { consoleDir: built });
    bare = await startCentral('pglite', pki.trustDir);
  }, 60_000);
  afterAll(async () => {
    await central?.close();
    await bare?.close();
    dir.remove();
  });

  const get = (url: string, app = central.app) => app.inject({ method: 'GET', url });

  it('serves the page under a policy that runs only its own script and talks only to Central', async () => {
    const page = await get('/console/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<title>console</title>');
    const policy = String(page.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-eval');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect((await get('/console')).headers.location).toBe('/console/');
  });

  it('caches the hashed assets for good', async () => {
    const script = await get('/console/assets/index-abc123.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toContain('immutable');
  });

  it('answers nothing outside the built files, however the path is spelled', async () => {
    for (const url of [
      '/console/../secret.txt',
      '/console/%2e%2e/secret.txt',
      '/console/assets/..%2f..%2fsecret.txt',
      '/console/%2e%2e%2f%2e%2e%2fpackage.json',
      '/console/assets/missing.js',
      '/console/index.html%00.js',
    ]) {
      const answer = await get(url);
      expect([400, 404], url).toContain(answer.statusCode);
      expect(answer.body, url).not.toContain('not for the web');
    }
  });

  it('says in Vietnamese how to build the console when it is not built, and the API goes on', async () => {
    const page = await get('/console/', bare.app);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('npm run build');
    expect((await get('/health', bare.app)).statusCode).toBe(200);
  });
});
