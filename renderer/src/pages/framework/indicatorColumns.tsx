/** The columns of the framework tree table: code, name (criteria on hover), tag, points, method, children's sum, actions. */
import { CheckOutlined, WarningFilled } from '@ant-design/icons';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { ruleAmountInWords, ruleNumber } from '../../../../shared/domain/findings';
import { appliesToInWords } from '../../../../shared/domain/applicability';
import { entryModeOf, type Indicator } from '../../../../shared/domain/framework';
import { t } from '../../../../shared/messages';
import { Guarded } from './IndicatorToolbar';
import { fmtPoints, methodSummary, rulesInWords, TAG_COLOR, TAG_LABEL, type TreeRow } from './model';
import { TriggerTag } from './TriggerFields';

export interface ColumnActions {
  frozen: boolean;
  frozenReason: ReactNode | null;
  onEdit: (n: Indicator) => void;
  onAddChild: (parent: Indicator) => void;
  onDelete: (row: TreeRow) => void;
}

/** The small 核定 tag of an office-recorded leaf (考核组核定), so the tree shows who records what. */
const officeTag = (n: Indicator) =>
  n.method && entryModeOf(n.method) === 'office' ? (
    <Tooltip title={t('fw.entry.tagTip')}>
      <Tag color="purple" className="rp-fw-office-tag" data-testid="fw-office-tag">
        {t('fw.entry.tag')}
      </Tag>
    </Tooltip>
  ) : null;

/** 适用类别 (分类施策) after the name, “仅机关、科研”, on a node that applies to some categories only. */
const appliesTag = (n: Indicator) => {
  const words = appliesToInWords(n.appliesTo);
  return words ? (
    <Tooltip title={t('fw.appliesTo.tagTip', { labels: (n.appliesTo ?? []).join('、') })}>
      <Tag color="cyan" className="rp-fw-option-tag" data-testid="fw-applies-tag">
        {words}
      </Tag>
    </Tooltip>
  ) : null;
};

/** The tags of an inner node's options: 扣分池 and 加分上限 N (NodeOptions), after its name. */
const optionTags = (r: TreeRow) => {
  const o = r.indicator.options;
  if (!r.children || !o) return null;
  return (
    <>
      {o.pool && (
        <Tooltip title={t('fw.pool.tagTip', { max: fmtPoints(r.indicator.maxPoints) })}>
          <Tag color="volcano" className="rp-fw-option-tag" data-testid="fw-pool-tag">
            {t('fw.pool.tag')}
          </Tag>
        </Tooltip>
      )}
      {o.bonusCap !== null && (
        <Tooltip title={t('fw.bonusCap.tagTip', { cap: fmtPoints(o.bonusCap) })}>
          <Tag color="green" className="rp-fw-option-tag" data-testid="fw-bonuscap-tag">
            {t('fw.bonusCap.tag', { cap: fmtPoints(o.bonusCap) })}
          </Tag>
        </Tooltip>
      )}
    </>
  );
};

/** A pool's deduction leaf has 0 points of its own: its max column shows what one occurrence takes instead. */
const poolRate = (r: TreeRow) => {
  const m = r.indicator.method;
  if (!r.inPool || r.children || m?.kind !== 'deduction' || r.indicator.maxPoints !== 0) return null;
  const points = fmtPoints(m.perOccurrence);
  return (
    <Tooltip title={t('fw.pool.rateTip', { points, pool: `${r.inPool.code} ${r.inPool.name}`, max: fmtPoints(r.inPool.maxPoints) })}>
      <Typography.Text type="secondary" className="rp-fw-pool-rate" data-testid="fw-pool-rate">
        {t('fw.pool.rate', { points })}
      </Typography.Text>
    </Tooltip>
  );
};

/** Rules shown in the column before “等 N 条”: the rest are in the tooltip, so a long list keeps the tree compact. */
const RULES_SHOWN = 3;

/** A 细则 leaf in the method column: the effect, then each rule's amount one a line; each rule in full on hover. */
function RulesSummary({ method }: { method: Extract<NonNullable<Indicator['method']>, { kind: 'rules' }> }) {
  const effect = t(method.effect === 'deduct' ? 'fw.rules.effect.deduct' : 'fw.rules.effect.add');
  const amounts = method.rules.map((r, i) => `${ruleNumber(i)}${ruleAmountInWords(r, method.effect)}`);
  return (
    <Tooltip
      placement="topLeft"
      styles={{ root: { maxWidth: 480 } }}
      title={
        <>
          <div>{t('fw.rules.tip', { effect, floor: method.effect === 'deduct' && method.floorAtZero ? t('fw.rules.tipFloor') : '' })}</div>
          {rulesInWords(method).map((line, i) => (
            <div key={i}>{line}</div>
          ))}
        </>
      }
    >
      <div className="rp-fw-rules-summary" data-testid="fw-rules-summary">
        <div>{t('fw.rules.head', { effect, floor: method.effect === 'deduct' && method.floorAtZero ? t('fw.rules.tipFloor') : '' })}</div>
        {amounts.slice(0, RULES_SHOWN).map((line, i) => (
          <div key={i} className="rp-fw-rules-line">
            {line}
          </div>
        ))}
        {amounts.length > RULES_SHOWN && <div className="rp-fw-rules-line">{t('fw.rules.more', { count: amounts.length })}</div>}
      </div>
    </Tooltip>
  );
}

export function indicatorColumns({ frozen, frozenReason, onEdit, onAddChild, onDelete }: ColumnActions): ColumnsType<TreeRow> {
  return [
    { title: t('fw.col.code'), key: 'code', width: 128, render: (_, r) => <span className="rp-fw-code">{r.indicator.code}</span> },
    {
      title: t('fw.col.name'),
      key: 'name',
      ellipsis: true,
      render: (_, r) => (
        <>
          {!r.children && officeTag(r.indicator)}
          {!r.children && <TriggerTag indicator={r.indicator} />}
          {r.indicator.criteria ? (
            <Tooltip title={t('fw.tree.criteriaTip', { criteria: r.indicator.criteria })} placement="topLeft" mouseEnterDelay={0.6} styles={{ root: { maxWidth: 480 } }}>
              <span className="rp-fw-name">{r.indicator.name}</span>
            </Tooltip>
          ) : (
            <span className="rp-fw-name">{r.indicator.name}</span>
          )}
          {optionTags(r)}
          {appliesTag(r.indicator)}
        </>
      ),
    },
    {
      title: t('fw.col.tag'),
      key: 'tag',
      width: 68,
      render: (_, r) => (
        <Tag color={TAG_COLOR[r.indicator.tag]} style={{ marginInlineEnd: 0 }}>
          {t(TAG_LABEL[r.indicator.tag])}
        </Tag>
      ),
    },
    {
      title: t('fw.col.max'),
      key: 'max',
      width: 64,
      align: 'right',
      render: (_, r) => (r.children ? <b>{fmtPoints(r.indicator.maxPoints)}</b> : (poolRate(r) ?? fmtPoints(r.indicator.maxPoints))),
    },
    {
      title: t('fw.col.method'),
      key: 'method',
      width: 170,
      // Narrow windows (a 1024-wide projector) leave it to the drawer.
      responsive: ['xl'],
      ellipsis: true,
      render: (_, r) =>
        r.children ? (
          <Typography.Text type="secondary">{t('fw.method.none')}</Typography.Text>
        ) : r.indicator.method?.kind === 'rules' ? (
          <RulesSummary method={r.indicator.method} />
        ) : r.indicator.method ? (
          methodSummary(r.indicator.method)
        ) : (
          <Typography.Text type="danger">{t('fw.method.missing')}</Typography.Text>
        ),
    },
    {
      title: t('fw.col.sum'),
      key: 'sum',
      width: 88,
      align: 'right',
      render: (_, r) =>
        r.childSum === null ? null : r.pool ? (
          <Tooltip title={t('fw.pool.sumTip')}>
            <Typography.Text type="secondary">{t('fw.pool.sum')}</Typography.Text>
          </Tooltip>
        ) : r.mismatch ? (
          <Tooltip title={t('fw.sum.mismatch', { sum: fmtPoints(r.childSum), max: fmtPoints(r.indicator.maxPoints) })}>
            <Typography.Text type="danger" strong data-testid="fw-sum-mismatch">
              <WarningFilled /> {fmtPoints(r.childSum)}
            </Typography.Text>
          </Tooltip>
        ) : (
          <Tooltip title={t('fw.sum.ok')}>
            <Typography.Text type="secondary">
              <CheckOutlined style={{ color: '#389e0d' }} /> {fmtPoints(r.childSum)}
            </Typography.Text>
          </Tooltip>
        ),
    },
    {
      title: t('fw.col.actions'),
      key: 'actions',
      width: 172,
      render: (_, r) => (
        <Space size={0} className="rp-fw-actions">
          <Button type="link" size="small" onClick={() => onEdit(r.indicator)}>
            {t(frozen ? 'fw.action.view' : 'fw.action.edit')}
          </Button>
          <Guarded reason={frozenReason}>
            <Button type="link" size="small" disabled={frozen} onClick={() => onAddChild(r.indicator)}>
              {t('fw.action.addChild')}
            </Button>
          </Guarded>
          <Guarded reason={frozenReason}>
            <Button type="link" size="small" danger disabled={frozen} onClick={() => onDelete(r)}>
              {t('fw.action.deleteIndicator')}
            </Button>
          </Guarded>
        </Space>
      ),
    },
  ];
}
