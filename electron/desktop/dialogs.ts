/** The native open, save and export dialogs, as the host's HostDialogs. */
import { app, dialog, type BrowserWindow } from 'electron';
import { dirname, extname, join } from 'node:path';
import type { HostDialogs } from '../host/index';

export function nativeDialogs(window: () => BrowserWindow | null): HostDialogs {
  return {
    async chooseOpenPath() {
      const options: Electron.OpenDialogOptions = {
        title: 'Open fleet workbook',
        properties: ['openFile'],
        filters: [
          { name: 'Fleet workbooks', extensions: ['xlsx', 'csv'] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const win = window();
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
    },
    async chooseSavePath(suggestedName, currentPath) {
      const options: Electron.SaveDialogOptions = {
        title: 'Save fleet workbook',
        defaultPath: join(currentPath ? dirname(currentPath) : app.getPath('documents'), suggestedName),
        filters: [
          { name: 'Excel workbook', extensions: ['xlsx'] },
          { name: 'CSV, lots only', extensions: ['csv'] },
        ],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const win = window();
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (r.canceled || !r.filePath) return null;
      // Some Linux dialogs do not add the filter's extension.
      return extname(r.filePath) ? r.filePath : `${r.filePath}.xlsx`;
    },
    async chooseReportPath(suggestedName, documentPath) {
      const options: Electron.SaveDialogOptions = {
        title: 'Export report',
        buttonLabel: 'Export',
        defaultPath: join(documentPath ? dirname(documentPath) : app.getPath('documents'), suggestedName),
        filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const win = window();
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (r.canceled || !r.filePath) return null;
      return extname(r.filePath) ? r.filePath : `${r.filePath}.xlsx`;
    },
  };
}
