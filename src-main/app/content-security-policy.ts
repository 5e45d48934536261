/**
 * The renderer's Content-Security-Policy, sent as a header by whichever server gives it the
 * page (the app:// protocol in Electron, the harness over HTTP). Styles allow 'unsafe-inline'
 * because antd writes its CSS-in-JS into <style> elements; scripts never do.
 */
export function contentSecurityPolicy(options: { connectSrc?: readonly string[] } = {}): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self'${options.connectSrc?.length ? ` ${options.connectSrc.join(' ')}` : ''}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
