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

/** The application menu in Chinese; actions come from main.ts. */
export function appMenuTemplate(actions: {
  openDataFolder: () => void;
  openLogFile: () => void;
  about: () => void;
}): MenuItemSpec[] {
  return [
    {
      label: '文件',
      submenu: [
        { label: '打开数据文件夹', click: actions.openDataFolder },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        { label: '查看日志文件', click: actions.openLogFile },
        { type: 'separator' },
        { label: '关于融评', click: actions.about },
      ],
    },
  ];
}
