import { App } from 'antd';
import { t } from '../../../shared/messages';
import type { AppErrorValue } from '../../../shared/result';
import { ApiError } from '../api/client';

/** Shows an error from the main process in the user's words, with every detail it carries. */
export function useFeedback() {
  const { message, modal } = App.useApp();
  const showError = (e: unknown) => {
    const error: AppErrorValue =
      e instanceof ApiError ? e.error : { code: 'internal', message: e instanceof Error ? e.message : String(e) };
    if (error.details?.length) {
      modal.error({
        title: t('error.title'),
        width: 560,
        content: (
          <div>
            <p>{error.message}</p>
            <ul className="rp-import-errors">
              {error.details.map((d, i) => (
                <li key={i}>{d.message}</li>
              ))}
            </ul>
          </div>
        ),
      });
    } else {
      void message.error(error.message, 6);
    }
  };
  return { message, showError };
}
