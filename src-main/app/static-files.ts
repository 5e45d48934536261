import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export interface StaticFile {
  status: 200 | 404;
  body: Buffer;
  contentType: string;
}

/**
 * Reads a file of the built renderer for a URL path, never outside `root`. Both the
 * app:// protocol and the harness's HTTP server serve the renderer through this.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile> {
  const base = resolve(root);
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return notFound();
  }
  if (relative === '/' || relative === '') relative = '/index.html';
  const target = resolve(base, `.${relative}`);
  if (target !== base && !target.startsWith(base + sep)) return notFound();
  try {
    const body = await readFile(target);
    return { status: 200, body, contentType: CONTENT_TYPES[extname(target)] ?? 'application/octet-stream' };
  } catch {
    return notFound();
  }
}

const notFound = (): StaticFile => ({
  status: 404,
  body: Buffer.from('Not found'),
  contentType: 'text/plain; charset=utf-8',
});
