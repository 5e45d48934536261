import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

/**
 * Central's web console (src-console, built by `npm run build` into out/console), served at
 * /console/. The files are read once at start and served by exact name only (nothing else on
 * the disk can be asked for), under a policy that lets the page run its own script and talk
 * to this origin only, never be framed, and never leak its address.
 */
const POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // antd writes its styles into <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The console as the build left it, found by walking up from this module to `out/console`. */
export function builtConsoleDir(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'out', 'console');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function filesUnder(root: string, dir = root): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      for (const [key, bytes] of filesUnder(root, path)) files.set(key, bytes);
    } else {
      files.set(relative(root, path).split(sep).join('/'), readFileSync(path));
    }
  }
  return files;
}

export function registerConsole(app: FastifyInstance, options: { dir: string | null; tls: boolean }) {
  const files = options.dir && existsSync(join(options.dir, 'index.html')) ? filesUnder(options.dir) : null;
  app.get('/console', (_request, reply) => reply.redirect('/console/', 301));
  app.get('/console/*', (request, reply) => {
    reply.header('content-security-policy', POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    if (options.tls) reply.header('strict-transport-security', 'max-age=31536000');
    if (!files) {
      return reply
        .status(404)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="vi"><meta charset="utf-8"><title>SoHoa Central</title>' +
            '<p>Bảng điều khiển chưa được dựng: chạy <code>npm run build</code> rồi khởi động lại SoHoa Central ' +
            '(hoặc đặt SOHOA_CONSOLE_DIR).</p></html>',
        );
    }
    const name = (request.params as { '*': string })['*'] || 'index.html';
    const bytes = files.get(name);
    if (!bytes) {
      return reply.status(404).send({ error: { code: 'notFound', message: 'no such console file' } });
    }
    // Built assets carry their content's hash in their names: cached for good; the page, never.
    reply.header(
      'cache-control',
      name.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    return reply.type(TYPES[extname(name)] ?? 'application/octet-stream').send(bytes);
  });
}
