/**
 * What the window may load and do: only our own pages (app://bundle, or the dev server in an
 * unpackaged run), no navigation, no new windows, no webviews, no permissions, no remote requests.
 */
import { app, session, type WebContents } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The Vite dev server, honoured only when the app is not packaged. */
export function devServerUrl(): string | null {
  const raw = app.isPackaged ? undefined : process.env.FLEETBOOK_DEV_URL;
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1') ? url.origin : null;
  } catch {
    return null;
  }
}

/** Is this one of our own pages? Parsed, never compared as a string prefix. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    if (url.username || url.password) return false;
    if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
    const dev = devServerUrl();
    return dev !== null && url.origin === dev;
  } catch {
    return false;
  }
}

/** A request to the dev server (its page, modules, and its hot-reload socket). */
function isDevServerRequest(raw: string): boolean {
  const dev = devServerUrl();
  if (!dev) return false;
  try {
    const url = new URL(raw);
    return `${url.protocol === 'ws:' ? 'http:' : url.protocol}//${url.host}` === dev;
  } catch {
    return false;
  }
}

function guardContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // A single-page app never navigates: whatever tries (a link, a dropped file) is stopped.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Call once, after `ready`. */
export function installSecurityGuards(): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  const ses = session.defaultSession;
  // Electron grants every permission unless told otherwise; the app needs none.
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // No remote content: only the dev server (unpackaged runs) may be fetched over the network.
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*'] }, (details, callback) => {
    callback({ cancel: !isDevServerRequest(details.url) });
  });
}
