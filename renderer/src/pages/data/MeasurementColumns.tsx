/** The columns of the 业务数据 table; a row being edited shows the inline form's fields instead of its figures. */
import { Button, Form, Input, InputNumber, Space, Tag, Tooltip, Typography, type FormInstance } from 'antd';
import type { KeyboardEvent } from 'react';
import type { Indicator } from '../../../../shared/domain/framework';
import { WarningOutlined } from '@ant-design/icons';
import { doubtInWords, measurementDoubts, type MeasurementRow } from '../../../../shared/domain/measurements';
import { t } from '../../../../shared/messages';
import { formatNumber, formatTime } from './common';
import { defaultFloor, figuresChanged, floorSide, type MeasurementEdit } from './measurementsModel';

/** A stored actual value, with a warning mark when it looks implausible for its indicator. */
function Doubtful({ m, value }: { m: MeasurementRow; value: number }) {
  const doubts = measurementDoubts(m.indicatorName, m.target, m.actual);
  if (doubts.length === 0) return <b>{formatNumber(value)}</b>;
  return (
    <Tooltip title={doubts.map((d) => doubtInWords(m.indicatorName, d)).join('；')}>
      <b className="rpd-doubtful" data-testid="measurement-doubt">
        <WarningOutlined style={{ color: '#d48806', marginInlineEnd: 4 }} />
        {formatNumber(value)}
      </b>
    </Tooltip>
  );
}

export interface MeasurementColumnsContext {
  form: FormInstance<MeasurementEdit>;
  indicatorById: Map<number, Indicator>;
  locked: boolean;
  saving: boolean;
  editing: (m: MeasurementRow) => boolean;
  onKeys: (m: MeasurementRow) => (e: KeyboardEvent) => void;
  startEdit: (m: MeasurementRow) => void;
  cancelEdit: () => void;
  commitEdit: (m: MeasurementRow) => Promise<void>;
}

export function measurementColumns({ form, indicatorById, locked, saving, editing, onKeys, startEdit, cancelEdit, commitEdit }: MeasurementColumnsContext) {
  const changed = (m: MeasurementRow) => figuresChanged(form.getFieldsValue(['target', 'actual', 'floor']) as Partial<MeasurementEdit>, m);
  const numberCell = (m: MeasurementRow, field: 'target' | 'actual' | 'floor') => (
    <Form.Item
      name={field}
      style={{ margin: 0 }}
      dependencies={field === 'floor' ? ['target'] : field === 'actual' ? ['target'] : undefined}
      rules={[
        // A figure that looks wrong is flagged, not refused (a real outlier is possible).
        ...(field === 'floor'
          ? []
          : [
              ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
                warningOnly: true,
                validator: (_: unknown, typed: number | null) => {
                  const target = field === 'target' ? typed : (getFieldValue('target') as number | null);
                  const actual = field === 'actual' ? typed : (getFieldValue('actual') as number | null);
                  const doubt = measurementDoubts(m.indicatorName, target ?? null, actual ?? null).find((d) => (d.kind === 'farFromTarget' ? 'actual' : d.field) === field);
                  return doubt ? Promise.reject(new Error(doubtInWords(m.indicatorName, doubt))) : Promise.resolve();
                },
              }),
            ]),
        ...(field === 'target' ? [{ required: true, message: t('data.m.targetRequired') }] : []),
        ...(field === 'floor'
          ? [
              ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
                validator: (_: unknown, floor: number | null) => {
                  const target = getFieldValue('target') as number | null;
                  const side = floorSide(m.direction, floor, target);
                  if (side === null) return Promise.resolve();
                  return Promise.reject(new Error(t(side === 'above' ? 'data.m.floorAbove' : 'data.m.floorBelow', { target: formatNumber(target!) })));
                },
              }),
            ]
          : []),
      ]}
    >
      <InputNumber
        aria-label={t(`data.m.col.${field}`)}
        style={{ width: '100%' }}
        autoFocus={field === (m.target === null ? 'target' : 'actual')}
        placeholder={field === 'floor' ? t('data.m.floorPlaceholder') : field === 'actual' ? t('data.m.actualPlaceholder') : undefined}
        onKeyDown={onKeys(m)}
      />
    </Form.Item>
  );

  return [
    {
      title: t('data.m.col.branch'),
      key: 'branch',
      width: 180,
      render: (_: unknown, m: MeasurementRow) => (
        <span>
          <Typography.Text type="secondary">{m.branchCode}</Typography.Text> {m.branchName}
        </span>
      ),
    },
    {
      title: t('data.m.col.indicator'),
      key: 'indicator',
      width: 176,
      render: (_: unknown, m: MeasurementRow) => (
        <Tooltip title={indicatorById.get(m.indicatorId)?.criteria || undefined} placement="topLeft" mouseEnterDelay={0.6}>
          <span>
            <Typography.Text type="secondary">{m.indicatorCode}</Typography.Text> {m.indicatorName}
          </span>
        </Tooltip>
      ),
    },
    {
      title: t('data.m.col.direction'),
      dataIndex: 'direction',
      width: 84,
      render: (d: MeasurementRow['direction']) => <Tag color={d === 'higher' ? 'blue' : 'gold'}>{t(`data.m.direction.${d}`)}</Tag>,
    },
    {
      title: t('data.m.col.target'),
      dataIndex: 'target',
      width: 90,
      align: 'right' as const,
      render: (v: number | null, m: MeasurementRow) => (editing(m) ? numberCell(m, 'target') : v === null ? <Typography.Text type="secondary">—</Typography.Text> : formatNumber(v)),
    },
    {
      title: t('data.m.col.actual'),
      dataIndex: 'actual',
      width: 92,
      align: 'right' as const,
      render: (v: number | null, m: MeasurementRow) =>
        editing(m) ? numberCell(m, 'actual') : v === null ? <Tag color="orange" style={{ marginInlineEnd: 0 }}>{t('data.m.missing')}</Tag> : <Doubtful m={m} value={v} />,
    },
    {
      title: (
        <Tooltip title={t('data.m.floorHelp')}>
          <span className="rpd-help">{t('data.m.col.floor')}</span>
        </Tooltip>
      ),
      dataIndex: 'floor',
      width: 96,
      align: 'right' as const,
      render: (v: number | null, m: MeasurementRow) => {
        if (editing(m)) return numberCell(m, 'floor');
        if (v !== null) return formatNumber(v);
        const d = defaultFloor(indicatorById.get(m.indicatorId)?.method, m.target);
        return d ? (
          <Tooltip title={t('data.m.floorDefaultHelp', { ratio: formatNumber(d.ratio) })}>
            <Typography.Text type="secondary">{t('data.m.floorDefault', { value: formatNumber(d.value) })}</Typography.Text>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        );
      },
    },
    {
      title: t('data.m.col.source'),
      dataIndex: 'source',
      width: 128,
      render: (v: string, m: MeasurementRow) =>
        editing(m) ? (
          <Form.Item
            name="source"
            style={{ margin: 0 }}
            dependencies={['target', 'actual', 'floor']}
            rules={[
              { max: 60, message: t('data.m.sourceTooLong') },
              {
                validator: (_: unknown, source: string | undefined) =>
                  changed(m) && !source?.trim() ? Promise.reject(new Error(t('data.m.sourceRequired'))) : Promise.resolve(),
              },
            ]}
          >
            <Input aria-label={t('data.m.col.source')} placeholder={t('data.m.sourcePlaceholder')} onKeyDown={onKeys(m)} />
          </Form.Item>
        ) : (
          v || <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t('data.m.col.updatedAt'),
      dataIndex: 'updatedAt',
      width: 138,
      render: (v: string | null) => (v ? <span className="rpd-time">{formatTime(v, false)}</span> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      title: t('ui.actions'),
      key: 'actions',
      width: 72,
      fixed: 'right' as const,
      render: (_: unknown, m: MeasurementRow) =>
        editing(m) ? (
          <Space size={4} orientation="vertical">
            <Button size="small" type="primary" loading={saving} onClick={() => void commitEdit(m)}>
              {t('ui.save')}
            </Button>
            <Button size="small" onClick={cancelEdit}>
              {t('ui.cancel')}
            </Button>
          </Space>
        ) : (
          <Button size="small" type="link" disabled={locked} onClick={() => startEdit(m)} style={{ paddingInline: 0 }}>
            {t('data.m.edit')}
          </Button>
        ),
    },
  ];
}

