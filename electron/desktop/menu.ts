/**
 * The application menu. Document commands go to the renderer as `menu:command` events (it owns
 * the document and asks the host to open or save); clipboard items use the native roles so they
 * work in any focused field, and the grid sees ordinary cut/copy/paste events.
 */
import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentEntry } from '../../shared/ipc/contract';

export interface MenuOptions {
  send: (command: MenuCommand) => void;
  recent: readonly RecentEntry[];
  showDevTools: boolean;
}

export function buildAppMenu({ send, recent, showDevTools }: MenuOptions): Menu {
  const isMac = process.platform === 'darwin';
  const command = (label: string, cmd: Exclude<MenuCommand['command'], 'open-recent'>, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send({ command: cmd }),
  });
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? recent.map((r) => ({ label: r.name, toolTip: r.displayPath, click: () => send({ command: 'open-recent', recentId: r.id }) }))
    : [{ label: 'No recent files', enabled: false }];

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        command('New', 'new', 'CmdOrCtrl+N'),
        command('Open…', 'open', 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        command('Save', 'save', 'CmdOrCtrl+S'),
        command('Save As…', 'save-as', 'Shift+CmdOrCtrl+S'),
        { type: 'separator' },
        command('Export Report…', 'export', 'CmdOrCtrl+E'),
        ...(isMac ? [] : [{ type: 'separator' } as MenuItemConstructorOptions, { role: 'quit', label: 'Quit' } as MenuItemConstructorOptions]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Undo/redo act on the document (the store's history), so the renderer decides.
        command('Undo', 'undo', 'CmdOrCtrl+Z'),
        command('Redo', 'redo', 'Shift+CmdOrCtrl+Z'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(showDevTools ? [{ type: 'separator' } as MenuItemConstructorOptions, { role: 'toggleDevTools' } as MenuItemConstructorOptions] : []),
      ],
    },
    ...(isMac ? [{ role: 'windowMenu' } as MenuItemConstructorOptions] : []),
    {
      label: '&Help',
      role: 'help',
      submenu: [
        {
          label: 'About Fleetbook',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'About Fleetbook',
              message: `Fleetbook ${app.getVersion()}`,
              detail: 'Depreciation and real asset life of compute fleets: bitcoin-mining ASICs and AI GPUs.',
            }),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
