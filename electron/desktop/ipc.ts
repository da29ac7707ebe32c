/**
 * The IPC registry: one ipcMain handler per contract channel. Each checks that the request comes
 * from the main frame of a window we created, showing one of our pages, then hands the payload to
 * the host, which validates it against the channel's schema. Every answer is a Result.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { err } from '../../shared/domain/result';
import { CHANNELS } from '../../shared/ipc/channels';
import type { Host } from '../host/index';
import { isAppUrl } from './security';

const trusted = new Set<number>();

/** Accept IPC from this window's page. */
export function trustWebContents(contents: WebContents): void {
  const id = contents.id;
  trusted.add(id);
  contents.once('destroyed', () => trusted.delete(id));
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return trusted.has(event.sender.id) && frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function registerIpc(host: Host): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event)) return err({ code: 'forbidden', message: "Request refused: it did not come from Fleetbook's own window." });
      return host.invoke(channel, payload);
    });
  }
}
