/** The main window: the only place its webPreferences are written. */
import { BrowserWindow, dialog } from 'electron';
import { trustWebContents } from './ipc';

export interface MainWindowOptions {
  preloadPath: string;
  url: string;
}

export function createMainWindow({ preloadPath, url }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Fleetbook',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  trustWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());

  // The page refuses to unload while it has unsaved changes (a `beforeunload` handler); Electron
  // then cancels the close silently, so ask the user here.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: ['Discard changes', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: 'This fleet has unsaved changes.',
      detail: 'Close it and discard them?',
    });
    if (choice === 0) event.preventDefault(); // here preventDefault lets the page unload
  });

  void win.loadURL(url);
  return win;
}
