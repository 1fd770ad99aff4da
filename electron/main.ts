/**
 * The Electron main process: one hardened window, the renderer served from
 * the packaged files, the services behind the IPC contract.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, session, shell, type WebContents } from 'electron';
import { t } from '../shared/messages';
import {
  APP_ENTRY,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  MIME_TYPES,
  resolveAppFile,
} from './app-protocol';
import { appMenuTemplate } from './app-menu';
import { registerIpc } from './ipc';
import { resolveDataDir } from './paths';
import { createServices, type Services } from './services';
import type { Desktop } from './services/context';
import { AppError } from './errors';

// Bundled to dist/electron/main.cjs; the renderer build sits in dist/renderer.
const RENDERER_ROOT = path.join(__dirname, '..', 'renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;

const desktop: Desktop = {
  async openFile({ title, filters }) {
    const options = { title, filters, properties: ['openFile' as const] };
    const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  },
  async saveFile({ title, defaultName, filters }) {
    // The dialog asks before replacing a file (Windows and macOS always; Linux with this property);
    // the services take an existing file it returns as confirmed (grants.ts).
    const options = { title, defaultPath: defaultName, filters, properties: ['showOverwriteConfirmation' as const] };
    const r = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
    return r.canceled ? null : (r.filePath ?? null);
  },
  async openFolder({ title }) {
    const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
    const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  },
  showInFolder(file) {
    shell.showItemInFolder(file);
    return Promise.resolve();
  },
};

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(RENDERER_ROOT, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': MIME_TYPES[path.extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

/** No navigation away from the app, no new windows, no permissions, no webviews. */
function harden(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    title: t('app.name'),
    show: false,
    backgroundColor: '#f5f5f5',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}

function start(services: Services): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  // Nothing from the network, ever: the app is offline by design.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(`${APP_SCHEME}:`) || details.url.startsWith('devtools:') || details.url.startsWith('data:') || details.url.startsWith('blob:');
    callback({ cancel: !allowed });
  });
  app.on('web-contents-created', (_event, contents) => harden(contents));
  serveRenderer();
  registerIpc(services, (sender) => mainWindow !== null && sender === mainWindow.webContents);

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({
        openDataFolder: () => void shell.openPath(services.ctx.dataDir),
        openLogFile: () => shell.showItemInFolder(services.ctx.log.file),
        about: () =>
          void dialog.showMessageBox({
            type: 'info',
            title: t('shell.about.title'),
            message: `${t('app.name')} ${services.ctx.appVersion}`,
            detail: `${t('app.subtitle')}\n${t('shell.about.dataDir', { dir: services.ctx.dataDir })}`,
          }),
      }),
    ),
  );
  mainWindow = createWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function dataDirFlag(): string | undefined {
  const i = process.argv.indexOf('--data-dir');
  return i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(() => {
    let services: Services;
    try {
      services = createServices({
        dataDir: resolveDataDir({ flag: dataDirFlag(), appDefault: app.getPath('userData') }),
        desktop,
        // The day's first start backs the database up (electron/services/backup.ts).
        dailyBackup: true,
        // The renderer writes and reads only where the user chose in a dialog.
        paths: 'dialog',
      });
    } catch (e) {
      // A database from a newer version, or one that cannot be opened: say so and stop.
      dialog.showErrorBox(t('app.name'), e instanceof AppError ? e.message : String(e));
      app.quit();
      return;
    }
    app.on('will-quit', () => services.close());
    start(services);
  });
}
