/** A revealed branch on the meeting page: its aggregate, the raters' totals, the spread and the raters far from the rest. */
import { ExclamationCircleFilled, WarningFilled } from '@ant-design/icons';
import { Alert, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import type { ItemResult, RaterTotal } from '../../../../shared/domain/meetings';
import { t } from '../../../../shared/messages';
import { GradeTag } from '../results/parts';
import { pts } from './meetingUi';
import { useApi } from '../../api/useApi';

export function useItemResult(itemId: number, enabled: boolean, refetchInterval: number | false = false) {
  return useApi('meetings.itemResult', { itemId }, { enabled, refetchInterval });
}

/** "王建国 79.50（z −1.80）" for the raters far from the rest, else the one farthest from the median. */
export function outlierText(r: ItemResult): string | null {
  const byId = new Map(r.raters.map((x) => [x.raterId, x]));
  const name = (x: RaterTotal) => `${x.name} ${pts(x.total)}${x.z !== null ? `（z ${x.z > 0 ? '+' : ''}${x.z.toFixed(2)}）` : ''}`;
  if (r.outlierRaterIds.length) return t('meetings.result.outliers', { names: r.outlierRaterIds.map((id) => name(byId.get(id)!)).join('、') });
  if (r.farthestRaterId !== null) return t('meetings.result.farthest', { name: name(byId.get(r.farthestRaterId)!) });
  return null;
}

export function ItemResultView({ itemId }: { itemId: number }) {
  const result = useItemResult(itemId, true, 10_000);
  if (result.isPending) return <Spin style={{ display: 'block', margin: '32px auto' }} />;
  if (result.isError) return <Alert type="warning" showIcon title={t('meetings.result.loadFailed')} description={result.error.message} />;
  const r = result.data;
  const outliers = outlierText(r);
  return (
    <div className="rpm-result" data-testid="item-result">
      <div className="rpm-result-total">
        <span className="rpm-result-number" data-testid="item-total">
          {pts(r.total)}
        </span>
        <span>{t('meetings.result.points')}</span>
        {r.grade ? <GradeTag label={r.grade} large labels={r.gradeLabels} /> : <Typography.Text type="secondary">{t('meetings.result.gradeHidden')}</Typography.Text>}
        {r.rank !== null && <span>{t('meetings.result.rank', { rank: r.rank, count: r.branchCount })}</span>}
      </div>
      <div className="rpm-result-tags">
        {(['party', 'business', 'fusion'] as const).map((tag) => (
          <span key={tag}>
            {t(`meetings.result.${tag}`)} <b>{pts(r.tags[tag].points)}</b> / {pts(r.tags[tag].max)}
          </span>
        ))}
        <span>
          {t('meetings.result.bonus')} <b>{pts(r.bonus)}</b>
        </span>
      </div>
      {r.vetoed && <Alert type="error" showIcon title={t('meetings.result.veto', { items: r.vetoItems.join('、') })} />}
      {!r.complete && (
        <div className="rpm-warn">
          <ExclamationCircleFilled /> {t('meetings.result.incomplete', { missing: r.missing })}
        </div>
      )}
      <div className="rpm-result-spread" data-testid="item-spread">
        {r.spread
          ? t('meetings.result.spread', { max: pts(r.spread.max), min: pts(r.spread.min), range: pts(r.spread.range), sd: pts(r.spread.sd), count: r.spread.raters })
          : t('meetings.result.noSpread')}
      </div>
      <div className={outliers ? 'rpm-result-outliers' : 'rpm-sub'} data-testid="item-outliers">
        {outliers ? (
          <>
            <WarningFilled /> {outliers}
          </>
        ) : (
          r.spread && t('meetings.result.noOutlier')
        )}
      </div>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        <Tooltip title={t('meetings.result.raterTotalHint')}>
          <span className="rpm-dotted">{t('meetings.result.raters')}</span>
        </Tooltip>
      </Typography.Title>
      <Table<RaterTotal>
        rowKey="raterId"
        size="small"
        pagination={false}
        dataSource={r.raters}
        rowClassName={(x) => (x.outlier ? 'rpm-outlier-row' : '')}
        columns={[
          {
            title: t('meetings.result.col.rater'),
            render: (_, x) => (
              <>
                {x.name}
                {x.outlier && <Tag color="orange" style={{ marginInlineStart: 6 }}>{t('meetings.result.outlierTag')}</Tag>}
                {!x.outlier && x.raterId === r.farthestRaterId && <Tag style={{ marginInlineStart: 6 }}>{t('meetings.result.farthestTag')}</Tag>}
              </>
            ),
          },
          { title: t('meetings.result.col.group'), dataIndex: 'groupName', width: 90 },
          { title: t('meetings.result.col.total'), width: 80, align: 'right', render: (_, x) => pts(x.total) },
          { title: t('meetings.result.col.fromMedian'), width: 100, align: 'right', render: (_, x) => (x.fromMedian === null ? '—' : `${x.fromMedian > 0 ? '+' : ''}${x.fromMedian.toFixed(2)}`) },
          { title: t('meetings.result.col.z'), width: 80, align: 'right', render: (_, x) => (x.z === null ? '—' : x.z.toFixed(2)) },
          {
            title: t('meetings.result.col.entries'),
            width: 90,
            align: 'right',
            render: (_, x) => (x.complete ? `${x.entries}/${x.expected}` : <Typography.Text type="warning">{`${x.entries}/${x.expected} ${t('meetings.result.partial')}`}</Typography.Text>),
          },
        ]}
      />
    </div>
  );
}
