/** The columns of the framework tree table: code, name (criteria on hover), tag, points, method, children's sum, actions. */
import { CheckOutlined, WarningFilled } from '@ant-design/icons';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { Indicator } from '../../../../shared/domain/framework';
import { t } from '../../../../shared/messages';
import { Guarded } from './IndicatorToolbar';
import { fmtPoints, methodSummary, TAG_COLOR, TAG_LABEL, type TreeRow } from './model';

export interface ColumnActions {
  frozen: boolean;
  frozenReason: ReactNode | null;
  onEdit: (n: Indicator) => void;
  onAddChild: (parent: Indicator) => void;
  onDelete: (row: TreeRow) => void;
}

export function indicatorColumns({ frozen, frozenReason, onEdit, onAddChild, onDelete }: ColumnActions): ColumnsType<TreeRow> {
  return [
    { title: t('fw.col.code'), key: 'code', width: 128, render: (_, r) => <span className="rp-fw-code">{r.indicator.code}</span> },
    {
      title: t('fw.col.name'),
      key: 'name',
      ellipsis: true,
      render: (_, r) =>
        r.indicator.criteria ? (
          <Tooltip title={t('fw.tree.criteriaTip', { criteria: r.indicator.criteria })} placement="topLeft" mouseEnterDelay={0.6} styles={{ root: { maxWidth: 480 } }}>
            <span className="rp-fw-name">{r.indicator.name}</span>
          </Tooltip>
        ) : (
          <span className="rp-fw-name">{r.indicator.name}</span>
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
      render: (_, r) => (r.children ? <b>{fmtPoints(r.indicator.maxPoints)}</b> : fmtPoints(r.indicator.maxPoints)),
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
        r.childSum === null ? null : r.mismatch ? (
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
