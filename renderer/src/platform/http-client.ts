/**
 * The DesktopApi over HTTP, for browser mode: each method POSTs its request as JSON to the web
 * host's /api/<channel> with the per-run token. Failures of the connection itself come back as
 * error Results, like any other failure.
 */
import { API_METHODS, TOKEN_HEADER } from '../../../shared/ipc/channels';
import type { DesktopApi, HostResult } from '../../../shared/ipc/contract';

export interface HttpApiOptions {
  token: string;
  /** Default: the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

export function createHttpApi({ token, baseUrl = '', fetch: fetchImpl = globalThis.fetch.bind(globalThis) }: HttpApiOptions): DesktopApi {
  async function call(channel: string, request: unknown): Promise<HostResult<unknown>> {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(request ?? {}),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      return { ok: false, error: { code: 'io', message: 'Fleetbook is not reachable: was it stopped? Start it again and reload this page.' } };
    }
    try {
      // The host answers every request, refused ones included, with a Result.
      return (await response.json()) as HostResult<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `Fleetbook answered with something unexpected (HTTP ${response.status}).` } };
    }
  }

  const methods = Object.fromEntries(Object.entries(API_METHODS).map(([method, channel]) => [method, (request?: unknown) => call(channel, request)]));
  return {
    ...methods,
    // The browser has no application menu and the OS hands it no files: nothing to subscribe to.
    onMenuCommand: () => () => undefined,
    onOpenPending: () => () => undefined,
  } as unknown as DesktopApi;
}
