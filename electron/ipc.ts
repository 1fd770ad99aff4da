/**
 * The main process's IPC edge: one channel, every contract method behind it.
 * Calls from any frame other than the app's own window are refused.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_CHANNEL } from '../shared/ipc-channel';
import { t } from '../shared/messages';
import type { Result } from '../shared/result';
import { isAppUrl } from './app-protocol';
import type { Services } from './services';
import { dispatch } from './services/dispatch';

export function registerIpc(services: Services, isAppWindow: (sender: WebContents) => boolean): void {
  ipcMain.handle(IPC_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Result<unknown>> => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isAppWindow(event.sender) || !isAppUrl(frameUrl)) {
      services.ctx.log.info(`refused IPC ${String(method)} from ${frameUrl}`);
      return { ok: false, error: { code: 'forbidden', message: t('error.forbidden') } };
    }
    return dispatch(services.ctx, method, input);
  });
}
