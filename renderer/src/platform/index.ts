/**
 * The platform adapter: the only module that knows whether the app runs in Electron (the preload's
 * `window.fleetbook` bridge) or in a browser (the loopback web host, over HTTP).
 */
import { BRIDGE_GLOBAL, TOKEN_META } from '../../../shared/ipc/channels';
import type { DesktopApi } from '../../../shared/ipc/contract';
import { createHttpApi } from './http-client';

export type { DesktopApi } from '../../../shared/ipc/contract';
export { fileToOpenRequest, bytesToBase64 } from './files';
export { createHttpApi } from './http-client';

let current: DesktopApi | null = null;

function fromPage(): DesktopApi {
  const bridge = (window as unknown as Record<string, DesktopApi | undefined>)[BRIDGE_GLOBAL];
  if (bridge) return bridge;
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META}"]`);
  if (!meta?.content) {
    throw new Error('Fleetbook is not connected: open the address `npm run web` printed, or start the desktop app.');
  }
  // Read once, then take it out of the DOM: nothing else on the page needs it.
  const token = meta.content;
  meta.remove();
  return createHttpApi({ token });
}

/** The desktop app (the preload's bridge) or browser mode (the loopback web host). */
export function platformMode(): 'electron' | 'web' {
  return (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] ? 'electron' : 'web';
}

/** The API to the host. */
export function platform(): DesktopApi {
  current ??= fromPage();
  return current;
}

/** Tests and stories: use this API instead of the page's. */
export function setPlatformForTesting(api: DesktopApi | null): void {
  current = api;
}
