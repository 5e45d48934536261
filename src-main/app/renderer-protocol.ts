import { protocol } from 'electron';
import { contentSecurityPolicy } from './content-security-policy';
import { readStaticFile } from './static-files';

/** The renderer is served from app://station/, never file:// or a remote URL. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'station';
export const RENDERER_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export const isRendererUrl = (url: string): boolean => {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
};

/** Must run before `app` is ready. `standard` + `secure` give the origin IndexedDB and persistent storage. */
export function registerRendererScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  const policy = contentSecurityPolicy();
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file =
      url.host === APP_HOST
        ? await readStaticFile(rendererDir, url.pathname)
        : { status: 404, body: Buffer.alloc(0), contentType: 'text/plain' };
    return new Response(new Uint8Array(file.body), {
      status: file.status,
      headers: {
        'content-type': file.contentType,
        'content-security-policy': policy,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
