/**
 * Electron main process: lifecycle only. One window, the app:// protocol, the security guards,
 * the IPC registry over the host services, the menu, and files handed over by the OS.
 */
import { app, BrowserWindow, Menu } from 'electron';
import { join } from 'node:path';
import { EVENT_CHANNELS, type MenuCommand } from '../shared/ipc/contract';
import { nativeDialogs } from './desktop/dialogs';
import { registerIpc } from './desktop/ipc';
import { buildAppMenu } from './desktop/menu';
import { registerAppScheme, serveRenderer } from './desktop/protocol';
import { APP_ORIGIN, devServerUrl, installSecurityGuards } from './desktop/security';
import { createMainWindow } from './desktop/window';
import { filesFromArgv } from './host/argv';
import { createHost, type Host } from './host/index';
import { workbookCodec } from './host/workbook-codec';

let host: Host | null = null;
let win: BrowserWindow | null = null;
/** Removal of recovery copies after a clean close; quitting waits for it. */
let cleanup: Promise<void> | null = null;
/** Files the OS handed over before the host existed. */
const early: string[] = [];

function openFromOs(path: string): void {
  if (host) host.queueOpen(path);
  else early.push(path);
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
}

function send(channel: string, payload?: unknown): void {
  if (win && !win.isDestroyed()) win.webContents.send(channel, payload);
}

async function rebuildMenu(): Promise<void> {
  if (!host) return;
  const recent = await host.listRecent().catch(() => []);
  Menu.setApplicationMenu(
    buildAppMenu({ send: (command: MenuCommand) => send(EVENT_CHANNELS.menuCommand, command), recent, showDevTools: !app.isPackaged }),
  );
}

function openWindow(h: Host): void {
  let crashed = false;
  win = createMainWindow({ preloadPath: join(__dirname, 'preload.cjs'), url: devServerUrl() ?? `${APP_ORIGIN}/index.html` });
  win.webContents.on('render-process-gone', () => {
    crashed = true; // keep the recovery copies for the next start
  });
  win.on('closed', () => {
    win = null;
    // A clean close (saved, or the user chose to discard): the recovery copies are not needed.
    if (!crashed) cleanup = h.closeAll().catch(() => undefined);
  });
}

async function start(): Promise<void> {
  installSecurityGuards();
  serveRenderer(join(__dirname, '../renderer'));
  const h = createHost({
    mode: 'electron',
    userDataDir: app.getPath('userData'),
    parse: workbookCodec.parse,
    serialize: workbookCodec.serialize,
    app: { name: app.getName(), version: app.getVersion() },
    dialogs: nativeDialogs(() => win),
    // Packaged: electron-builder's extraResources; from a checkout: the examples folder.
    samplePath: app.isPackaged ? join(process.resourcesPath, 'examples', 'sample-fleet.xlsx') : join(app.getAppPath(), 'examples', 'sample-fleet.xlsx'),
  });
  host = h;
  registerIpc(h);
  h.onEvent((event) => {
    if (event.type === 'open-pending') send(EVENT_CHANNELS.openPending);
    else void rebuildMenu();
  });
  for (const path of early.splice(0)) h.queueOpen(path);
  await rebuildMenu();
  openWindow(h);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow(h);
  });
}

registerAppScheme();
// macOS hands files over with open-file, possibly before `ready`.
app.on('will-finish-launching', () => {
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFromOs(path);
  });
});

if (!app.requestSingleInstanceLock()) {
  app.quit(); // the running instance gets our argv through second-instance
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const path of filesFromArgv(argv, app.isPackaged, workingDirectory)) openFromOs(path);
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  early.push(...filesFromArgv(process.argv, app.isPackaged, process.cwd()));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    if (!cleanup) return;
    event.preventDefault();
    const pending = cleanup;
    cleanup = null;
    void pending.then(() => app.quit());
  });
  void app.whenReady().then(start);
}
