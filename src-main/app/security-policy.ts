import { app, session, type WebContents } from 'electron';

/**
 * Window-level rules of the security baseline: no navigation away from the renderer,
 * no new windows, no webviews, and no permissions except the camera when the admin
 * enabled it as a capture device.
 */
export function applySecurityPolicy(options: {
  isTrustedUrl: (url: string) => boolean;
  isCameraAllowed: () => boolean;
}): void {
  const { isTrustedUrl, isCameraAllowed } = options;

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isTrustedUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isTrustedUrl(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  const allowed = (permission: string, requestingUrl: string, mediaTypes: readonly string[] = []) =>
    permission === 'media' &&
    isCameraAllowed() &&
    isTrustedUrl(requestingUrl) &&
    mediaTypes.every((type) => type === 'video');

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(allowed(permission, details.requestingUrl, mediaTypes));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowed(permission, requestingOrigin, ['video']),
  );
}
