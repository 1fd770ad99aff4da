import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { t, type MessageKey } from '../../../shared/messages';

/** An honest placeholder for an area later work will provide. */
export function NotYetPage({ area }: { area: MessageKey }) {
  const navigate = useNavigate();
  return (
    <div className="rp-page">
      <Result
        status="info"
        title={`${t(area)} · ${t('notYet.title')}`}
        subTitle={t('notYet.body', { area: t(area) })}
        extra={
          <Button type="primary" onClick={() => void navigate('/branches')}>
            {t('notYet.goBranches')}
          </Button>
        }
      />
    </div>
  );
}
