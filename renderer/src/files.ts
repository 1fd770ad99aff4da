import { t } from '../../shared/messages';
import { call } from './api/client';

const XLSX_FILTERS = [{ name: t('file.xlsxFilter'), extensions: ['xlsx'] }];

/** Asks the main process for the native open dialog; null when the user cancels. */
export const pickXlsx = (title: string) => call('dialog.openFile', { title, filters: XLSX_FILTERS });

/** Asks the main process for the native save dialog; null when the user cancels. */
export const pickXlsxSavePath = (title: string, defaultName: string) =>
  call('dialog.saveFile', { title, defaultName, filters: XLSX_FILTERS });
