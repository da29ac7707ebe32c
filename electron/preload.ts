/**
 * The bridge: one function per contract channel on `window.fleetbook`, and event subscriptions
 * that never hand the page an IpcRendererEvent (it reaches ipcRenderer through `sender`).
 * Sandboxed: it may require nothing but electron, so it imports only the zod-free channel list.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_METHODS, BRIDGE_GLOBAL, EVENT_CHANNELS } from '../shared/ipc/channels';
import type { DesktopApi, MenuCommand } from '../shared/ipc/contract';

function subscribe(channel: string, listener: (payload: unknown) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

// Each method sends exactly one channel with one payload; the host validates it.
const invokers = Object.fromEntries(
  Object.entries(API_METHODS).map(([method, channel]) => [method, (request?: unknown) => ipcRenderer.invoke(channel, request ?? {})]),
);

const api = {
  ...invokers,
  onMenuCommand: (listener: (command: MenuCommand) => void) => subscribe(EVENT_CHANNELS.menuCommand, (p) => listener(p as MenuCommand)),
  onOpenPending: (listener: () => void) => subscribe(EVENT_CHANNELS.openPending, () => listener()),
} as unknown as DesktopApi;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, api);
