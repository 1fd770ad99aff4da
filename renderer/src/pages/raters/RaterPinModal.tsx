/**
 * 设置 PIN / 重设 PIN for one rater, and the confirmation before 清除 PIN. On the
 * shared PC anyone can click a rater's name; a PIN keeps others out of that
 * rater's sheet.
 */
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { Rater } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { invalidate } from '../../api/useApi';
import { useFeedback } from '../../hooks/useFeedback';
import { PinModal } from './PinModal';

/** What shows whether a rater has a PIN: the panel (评委, the sign-in screen) and a rater's sheet. */
const PIN_QUERIES = ['panel.get', 'scoring.sheet'];

interface Props {
  periodId: number;
  /** The rater whose PIN is being set; null when closed. */
  rater: Rater | null;
  onClose: () => void;
}

export function RaterPinModal({ periodId, rater, onClose }: Props) {
  const queryClient = useQueryClient();
  const { message } = useFeedback();
  return (
    <PinModal
      open={rater !== null}
      title={rater ? t(rater.hasPin ? 'panel.pin.resetTitle' : 'panel.pin.setTitle', { name: rater.name }) : ''}
      hint={
        <>
          {t('panel.pin.why')}
          <br />
          {t('panel.pin.tell')}
        </>
      }
      onSave={async (pin) => {
        await call('panel.setRaterPin', { periodId, raterId: rater!.id, pin });
        await invalidate(queryClient, ...PIN_QUERIES);
        void message.success(t('panel.pin.saved', { name: rater!.name }));
      }}
      onClose={onClose}
    />
  );
}

/** 清除 PIN: asks first, since afterwards anyone at the PC can score as this rater. */
export function useClearRaterPin(periodId: number) {
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const { message, showError } = useFeedback();
  return (rater: Rater) =>
    modal.confirm({
      title: t('panel.pin.clearTitle', { name: rater.name }),
      content: t('panel.pin.clearBody', { name: rater.name }),
      okText: t('panel.pin.clear'),
      okButtonProps: { danger: true },
      cancelText: t('ui.cancel'),
      onOk: async () => {
        try {
          await call('panel.setRaterPin', { periodId, raterId: rater.id, pin: null });
          await invalidate(queryClient, ...PIN_QUERIES);
          void message.success(t('panel.pin.cleared', { name: rater.name }));
        } catch (e) {
          showError(e);
        }
      },
    });
}
