/**
 * The renderer's only door to the main process: one generic `invoke`.
 * Sandboxed preloads run as CommonJS with a restricted `require`; this file is
 * bundled to dist/electron/preload.cjs.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL } from '../shared/ipc-channel';

contextBridge.exposeInMainWorld('rongping', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, input),
});
