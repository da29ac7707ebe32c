/**
 * app://bundle/... serves the built renderer (not file://, which would give the page the whole
 * disk), with the Content-Security-Policy as a response header.
 */
import { protocol } from 'electron';
import { SECURITY_HEADERS } from '../host/csp';
import { readStatic } from '../host/static-files';
import { APP_HOST, APP_SCHEME } from './security';

/** Before `ready`: a standard, secure scheme (origin, fetch, module workers behave as on https). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/** After `ready`: answer app://bundle/<path> from `rendererDir`. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) return new Response('Not found', { status: 404 });
    const file = await readStatic(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS } });
    return new Response(request.method === 'HEAD' ? null : Buffer.from(file.bytes), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' },
    });
  });
}
