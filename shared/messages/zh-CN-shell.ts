/** Messages of the application shell: the menu and the main process's own dialogs (part of the one catalogue: merged in zh-CN.ts). */
export const shellMessages = {
  // The application menu (electron/app-menu.ts)
  'shell.menu.file': '文件',
  'shell.menu.openDataFolder': '打开数据文件夹',
  'shell.menu.quit': '退出',
  'shell.menu.edit': '编辑',
  'shell.menu.undo': '撤销',
  'shell.menu.redo': '重做',
  'shell.menu.cut': '剪切',
  'shell.menu.copy': '复制',
  'shell.menu.paste': '粘贴',
  'shell.menu.selectAll': '全选',
  'shell.menu.view': '视图',
  'shell.menu.reload': '重新加载',
  'shell.menu.resetZoom': '实际大小',
  'shell.menu.zoomIn': '放大',
  'shell.menu.zoomOut': '缩小',
  'shell.menu.fullScreen': '全屏',
  'shell.menu.help': '帮助',
  'shell.menu.openLogFile': '查看日志文件',
  'shell.menu.about': '关于融评',

  // The about box (electron/main.ts)
  'shell.about.title': '关于融评',
  'shell.about.dataDir': '数据目录：{dir}',
} as const;
