/**
 * The steps of this period taken although something was missing (进入评审,
 * 标记为已公示, 定稿 with an override): who, when, what was missing, and why —
 * so nobody reads these results without knowing.
 */
import { Alert } from 'antd';
import dayjs from 'dayjs';
import { t } from '../../../../shared/messages';
import { useApi } from '../../api/useApi';
import { overrideLine } from '../../components/period/gateModel';

export function OverrideBanner({ periodId }: { periodId: number }) {
  const overrides = useApi('periods.overrides', { periodId });
  // Nothing to say while asking, or when the record cannot be read (the results themselves still show).
  if (!overrides.data?.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="rpr-overrides"
      data-testid="results-overrides"
      title={t('results.overrides.title')}
      description={
        <ul>
          {overrides.data.map((o) => (
            <li key={o.id}>{overrideLine(o, dayjs(o.at).format('YYYY-MM-DD'))}</li>
          ))}
        </ul>
      }
    />
  );
}
