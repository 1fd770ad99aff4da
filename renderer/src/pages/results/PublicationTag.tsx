import { Tag, Tooltip } from 'antd';
import { t } from '../../../../shared/messages';
import { useApi } from '../../api/useApi';

/** Whether the period's results are published (公示), and for which days — set on the 评审会 screen. */
export function PublicationTag({ periodId }: { periodId: number }) {
  const publication = useApi('periods.publication', { periodId });
  const p = publication.data;
  if (!p) return null;
  if (!p.publishedAt) return <Tag data-testid="results-publication">{t('results.publication.none')}</Tag>;
  const today = new Date().toISOString().slice(0, 10);
  const during = p.publicityEnd !== null && today <= p.publicityEnd;
  return (
    <Tooltip title={p.objectionContact ? t('results.publication.contact', { contact: p.objectionContact }) : undefined}>
      <Tag color={during ? 'orange' : 'green'} data-testid="results-publication">
        {t(during ? 'results.publication.during' : 'results.publication.done', { start: p.publicityStart ?? '', end: p.publicityEnd ?? '' })}
      </Tag>
    </Tooltip>
  );
}
