/**
 * A branch's self-assessment against the panel, leaf by leaf, the largest
 * gaps first and marked: where the branch sees itself very differently from
 * the panel is what the review meeting and the feedback sheet talk about.
 * The service refuses while scoring is open (raters score blind): its
 * message is shown as it comes.
 */
import { Alert, Checkbox, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { METHOD_LABELS } from '../../../../shared/domain/method-text';
import type { SelfComparisonItem } from '../../../../shared/domain/self-assessment';
import { t } from '../../../../shared/messages';
import { formatPoints } from './common';
import { useApi } from '../../api/useApi';

/** A gap counts as large from this share of the leaf's max points. */
export const LARGE_GAP_SHARE = 0.2;

export const isLargeGap = (item: Pick<SelfComparisonItem, 'gap' | 'maxPoints'>) =>
  item.gap !== null && item.maxPoints > 0 && Math.abs(item.gap) >= LARGE_GAP_SHARE * item.maxPoints;

function GapText({ gap }: { gap: number | null }) {
  if (gap === null) return <Typography.Text type="secondary">—</Typography.Text>;
  if (gap === 0) return <span>0.00</span>;
  return <span className={gap > 0 ? 'rpd-gap-over' : 'rpd-gap-under'}>{gap > 0 ? `+${formatPoints(gap)}` : formatPoints(gap)}</span>;
}

export function SelfCompare({ periodId, branchId }: { periodId: number; branchId: number }) {
  const [assessedOnly, setAssessedOnly] = useState(true);
  const compare = useApi('selfAssessment.compare', { periodId, branchId });

  if (compare.isPending) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  if (compare.isError) return <Alert type="info" showIcon title={t('data.cmp.unavailable')} description={compare.error.message} data-testid="compare-refused" />;

  const data = compare.data;
  const { totals } = data;
  const items = assessedOnly ? data.items.filter((i) => i.selfPoints !== null) : data.items;
  const large = data.items.filter(isLargeGap).length;

  return (
    <div data-testid="self-compare">
      <div className="rpd-cmp-totals">
        <div>
          <div className="rpd-cmp-label">{t('data.cmp.selfTotal', { assessed: totals.assessed, leaves: totals.leaves })}</div>
          <div className="rpd-cmp-figure">{formatPoints(totals.self)}</div>
        </div>
        <div>
          <div className="rpd-cmp-label">{t('data.cmp.panelSame')}</div>
          <div className="rpd-cmp-figure">{formatPoints(totals.panelSameLeaves)}</div>
        </div>
        <div>
          <div className="rpd-cmp-label">{t('data.cmp.gapTotal')}</div>
          <div className="rpd-cmp-figure" data-testid="compare-gap-total">
            <GapText gap={totals.gap} />
          </div>
        </div>
        <div>
          <div className="rpd-cmp-label">{t('data.cmp.panelTotal')}</div>
          <div className="rpd-cmp-figure rpd-cmp-muted">
            {formatPoints(totals.panelTotal)}
            <small>{t('data.cmp.panelParts', { base: formatPoints(totals.panelBase), bonus: formatPoints(totals.panelBonus) })}</small>
          </div>
        </div>
      </div>
      <div className="rpd-cmp-legend">
        <Typography.Text type="secondary">
          {large > 0 ? t('data.cmp.legendLarge', { count: large, share: LARGE_GAP_SHARE * 100 }) : t('data.cmp.legendNone', { share: LARGE_GAP_SHARE * 100 })}
        </Typography.Text>
        <Checkbox checked={assessedOnly} onChange={(e) => setAssessedOnly(e.target.checked)}>
          {t('data.cmp.assessedOnly')}
        </Checkbox>
      </div>
      {totals.assessed === 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('data.cmp.noneAssessed')} />}
      <Table<SelfComparisonItem>
        className="rpd-compare"
        rowKey="indicatorId"
        size="small"
        dataSource={items}
        pagination={false}
        rowClassName={(i) => (isLargeGap(i) ? (i.gap! > 0 ? 'rpd-row-over' : 'rpd-row-under') : '')}
        columns={[
          {
            title: t('data.cmp.col.indicator'),
            key: 'indicator',
            render: (_, i) => (
              <span>
                <Typography.Text type="secondary">{i.code}</Typography.Text> {i.name}
                {i.bonus && <Tag style={{ marginInlineStart: 6 }}>{t('data.cmp.bonus')}</Tag>}
              </span>
            ),
          },
          { title: t('data.cmp.col.method'), dataIndex: 'method', width: 80, render: (m: SelfComparisonItem['method']) => METHOD_LABELS[m] },
          { title: t('data.self.col.max'), dataIndex: 'maxPoints', width: 60, align: 'right' },
          { title: t('data.cmp.col.selfText'), dataIndex: 'selfText', width: 110, render: (v: string) => v || <Typography.Text type="secondary">{t('data.cmp.notAssessed')}</Typography.Text> },
          { title: t('data.cmp.col.self'), dataIndex: 'selfPoints', width: 90, align: 'right', render: formatPoints },
          { title: t('data.cmp.col.panel'), dataIndex: 'panelPoints', width: 100, align: 'right', render: formatPoints },
          {
            title: t('data.cmp.col.gap'),
            dataIndex: 'gap',
            width: 150,
            render: (gap: number | null, i) => (
              <span className="rpd-gap-cell">
                <GapText gap={gap} />
                {isLargeGap(i) && <Tag color={gap! > 0 ? 'volcano' : 'geekblue'}>{gap! > 0 ? t('data.cmp.over') : t('data.cmp.under')}</Tag>}
              </span>
            ),
          },
        ]}
      />
    </div>
  );
}
