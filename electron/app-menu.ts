import { t } from '../shared/messages';

/**
 * A menu item as Electron's Menu.buildFromTemplate takes it, declared here so
 * this module stays free of the Electron module (only main.ts builds the menu).
 */
export interface MenuItemSpec {
  label?: string;
  type?: 'separator';
  role?: 'quit' | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'reload' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen';
  click?: () => void;
  submenu?: MenuItemSpec[];
}

/** The application menu, its labels from the catalogue; actions come from main.ts. */
export function appMenuTemplate(actions: {
  openDataFolder: () => void;
  openLogFile: () => void;
  about: () => void;
}): MenuItemSpec[] {
  return [
    {
      label: t('shell.menu.file'),
      submenu: [
        { label: t('shell.menu.openDataFolder'), click: actions.openDataFolder },
        { type: 'separator' },
        { label: t('shell.menu.quit'), role: 'quit' },
      ],
    },
    {
      label: t('shell.menu.edit'),
      submenu: [
        { label: t('shell.menu.undo'), role: 'undo' },
        { label: t('shell.menu.redo'), role: 'redo' },
        { type: 'separator' },
        { label: t('shell.menu.cut'), role: 'cut' },
        { label: t('shell.menu.copy'), role: 'copy' },
        { label: t('shell.menu.paste'), role: 'paste' },
        { label: t('shell.menu.selectAll'), role: 'selectAll' },
      ],
    },
    {
      label: t('shell.menu.view'),
      submenu: [
        { label: t('shell.menu.reload'), role: 'reload' },
        { type: 'separator' },
        { label: t('shell.menu.resetZoom'), role: 'resetZoom' },
        { label: t('shell.menu.zoomIn'), role: 'zoomIn' },
        { label: t('shell.menu.zoomOut'), role: 'zoomOut' },
        { type: 'separator' },
        { label: t('shell.menu.fullScreen'), role: 'togglefullscreen' },
      ],
    },
    {
      label: t('shell.menu.help'),
      submenu: [
        { label: t('shell.menu.openLogFile'), click: actions.openLogFile },
        { type: 'separator' },
        { label: t('shell.menu.about'), click: actions.about },
      ],
    },
  ];
}
