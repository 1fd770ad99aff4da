/**
 * 业务数据（目标协同）: every branch × quantitative indicator of the period with
 * its target, actual value, floor and source department. A row is edited in
 * place (double-click or 编辑; Enter saves, Esc cancels); the whole table
 * goes out as a prefilled workbook and comes back all or nothing.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Empty, Form, Input, InputNumber, Progress, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import type { MeasurementImportPreview, MeasurementImportRow, MeasurementRow } from '../../../../shared/domain/measurements';
import type { Period } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useFeedback } from '../../hooks/useFeedback';
import { fileName, formatNumber, formatTime, useInvalidatePeriodData, usePeriodNames, useWorkbookPicker, useWorkbookSaver, type PickedFile } from './common';
import { ImportPreviewModal } from './ImportPreviewModal';

const keyOf = (m: { branchId: number; indicatorId: number }) => `${m.branchId}:${m.indicatorId}`;

interface EditValues {
  target: number | null;
  actual: number | null;
  floor: number | null;
  source: string;
}

export function MeasurementsTab({ period }: { period: Period }) {
  const periodId = period.id;
  const navigate = useNavigate();
  const { message, showError } = useFeedback();
  const invalidate = useInvalidatePeriodData();
  const saveWorkbook = useWorkbookSaver();
  const pickWorkbook = useWorkbookPicker();
  const names = usePeriodNames(periodId, period.frameworkId);
  const [branchFilter, setBranchFilter] = useState<number | null>(null);
  const [indicatorFilter, setIndicatorFilter] = useState<number | null>(null);
  const [missingOnly, setMissingOnly] = useState(false);
  const [editingKey, setEditingKey] = useState<string | null>(null);
  const [importFile, setImportFile] = useState<PickedFile | null>(null);
  const [form] = Form.useForm<EditValues>();
  const locked = period.status === 'finalised';

  const list = useQuery({
    queryKey: ['measurements', periodId],
    queryFn: () => call('measurements.list', { periodId }),
    placeholderData: keepPreviousData,
  });
  const all = useMemo(() => list.data ?? [], [list.data]);
  const filled = all.filter((m) => m.actual !== null).length;

  const branchOptions = useMemo(() => {
    const seen = new Map<number, string>();
    for (const m of all) if (!seen.has(m.branchId)) seen.set(m.branchId, `${m.branchCode} ${m.branchName}`);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [all]);
  const indicatorOptions = useMemo(() => {
    const seen = new Map<number, string>();
    for (const m of all) if (!seen.has(m.indicatorId)) seen.set(m.indicatorId, `${m.indicatorCode} ${m.indicatorName}`);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [all]);
  const rows = all.filter(
    (m) =>
      (branchFilter === null || m.branchId === branchFilter) &&
      (indicatorFilter === null || m.indicatorId === indicatorFilter) &&
      (!missingOnly || m.actual === null || (editingKey !== null && keyOf(m) === editingKey)),
  );

  /** The indicator's own floor (target × its 零分线 ratio): what an empty 零分线 means. */
  const defaultFloor = (m: MeasurementRow, target: number | null) => {
    const method = names.indicatorById.get(m.indicatorId)?.method;
    if (target === null || method?.kind !== 'quantitative') return null;
    return { value: Number((target * method.floorRatio).toPrecision(12)), ratio: method.floorRatio };
  };

  const save = useMutation({
    mutationFn: (v: { row: MeasurementRow; values: EditValues }) =>
      call('measurements.save', {
        periodId,
        rows: [
          {
            branchId: v.row.branchId,
            indicatorId: v.row.indicatorId,
            target: v.values.target!,
            actual: v.values.actual,
            floor: v.values.floor,
            source: v.values.source.trim(),
          },
        ],
      }),
    onSuccess: async (r, v) => {
      await invalidate(periodId, 'measurements');
      setEditingKey(null);
      const what = `${v.row.branchName} · ${v.row.indicatorName}`;
      void message.success(r.saved > 0 ? t('data.m.saved', { what }) : t('data.m.unchanged', { what }));
    },
    onError: showError,
  });

  const startEdit = (m: MeasurementRow) => {
    if (locked || save.isPending) return;
    if (editingKey !== null && editingKey !== keyOf(m) && form.isFieldsTouched()) {
      void message.warning(t('data.m.finishFirst'));
      return;
    }
    form.resetFields();
    form.setFieldsValue({ target: m.target, actual: m.actual, floor: m.floor, source: m.source });
    setEditingKey(keyOf(m));
  };
  const cancelEdit = () => {
    setEditingKey(null);
    form.resetFields();
  };
  const commitEdit = async (m: MeasurementRow) => {
    try {
      const values = await form.validateFields();
      save.mutate({ row: m, values: { ...values, source: values.source ?? '' } });
    } catch {
      // the fields show what is wrong
    }
  };
  const onKeys = (m: MeasurementRow) => (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void commitEdit(m);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      cancelEdit();
    }
  };

  const editing = (m: MeasurementRow) => editingKey === keyOf(m);
  const changed = (m: MeasurementRow) => {
    const v = form.getFieldsValue(['target', 'actual', 'floor']) as Partial<EditValues>;
    return (v.target ?? null) !== m.target || (v.actual ?? null) !== m.actual || (v.floor ?? null) !== m.floor;
  };
  const numberCell = (m: MeasurementRow, field: 'target' | 'actual' | 'floor') => (
    <Form.Item
      name={field}
      style={{ margin: 0 }}
      dependencies={field === 'floor' ? ['target'] : undefined}
      rules={[
        ...(field === 'target' ? [{ required: true, message: t('data.m.targetRequired') }] : []),
        ...(field === 'floor'
          ? [
              ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
                validator: (_: unknown, floor: number | null) => {
                  const target = getFieldValue('target') as number | null;
                  if (floor === null || floor === undefined || target === null || target === undefined) return Promise.resolve();
                  if (m.direction === 'higher' && floor > target) return Promise.reject(new Error(t('data.m.floorAbove', { target: formatNumber(target) })));
                  if (m.direction === 'lower' && floor < target) return Promise.reject(new Error(t('data.m.floorBelow', { target: formatNumber(target) })));
                  return Promise.resolve();
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

  const columns = [
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
        <Tooltip title={names.indicatorById.get(m.indicatorId)?.criteria || undefined} placement="topLeft" mouseEnterDelay={0.6}>
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
        editing(m) ? numberCell(m, 'actual') : v === null ? <Tag color="orange" style={{ marginInlineEnd: 0 }}>{t('data.m.missing')}</Tag> : <b>{formatNumber(v)}</b>,
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
        const d = defaultFloor(m, m.target);
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
            <Button size="small" type="primary" loading={save.isPending} onClick={() => void commitEdit(m)}>
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

  const template = () =>
    void saveWorkbook(
      { title: t('data.m.template'), defaultName: fileName(period.name, t('data.m.fileName')), done: (n) => t('data.m.templateDone', { rows: n }) },
      (path) => call('measurements.writeTemplate', { periodId, path }),
    );
  const chooseImport = async () => {
    const picked = await pickWorkbook(t('data.m.importTitle'));
    if (picked) setImportFile(picked);
  };
  const percent = all.length ? Math.floor((filled / all.length) * 100) : 0;

  if (list.isSuccess && all.length === 0) {
    return (
      <Empty style={{ marginTop: 48 }} description={<span><b>{t('data.m.empty.title')}</b><br />{t('data.m.empty.body')}</span>}>
        <Button type="primary" onClick={() => void navigate('/framework')}>
          {t('data.m.empty.goFramework')}
        </Button>
      </Empty>
    );
  }

  return (
    <div>
      {locked && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('data.m.locked')}
          action={<Button size="small" onClick={() => void navigate('/data/audit')}>{t('data.goLock')}</Button>}
        />
      )}
      <div className="rp-toolbar" style={{ marginTop: 0 }}>
        <Space wrap>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 240 }}
            placeholder={t('data.filter.branch')}
            aria-label={t('data.filter.branch')}
            value={branchFilter ?? undefined}
            options={branchOptions}
            onChange={(v?: number) => setBranchFilter(v ?? null)}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 220 }}
            placeholder={t('data.filter.indicator')}
            aria-label={t('data.filter.indicator')}
            value={indicatorFilter ?? undefined}
            options={indicatorOptions}
            onChange={(v?: number) => setIndicatorFilter(v ?? null)}
          />
          <Checkbox checked={missingOnly} onChange={(e) => setMissingOnly(e.target.checked)}>
            {t('data.m.missingOnly')}
          </Checkbox>
        </Space>
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={template}>
            {t('data.m.template')}
          </Button>
          <Button icon={<UploadOutlined />} disabled={locked} onClick={() => void chooseImport()}>
            {t('data.m.import')}
          </Button>
        </Space>
      </div>
      <div className="rpd-completeness" data-testid="measurement-completeness">
        <Typography.Text strong>{t('data.m.completeness', { filled, total: all.length })}</Typography.Text>
        <Progress percent={percent} size="small" style={{ width: 180, margin: 0 }} status={filled === all.length ? 'success' : 'normal'} />
        {filled < all.length ? (
          <Typography.Text type="secondary">
            {t('data.m.missingCount', { count: all.length - filled })}
            {!missingOnly && (
              <Typography.Link style={{ marginInlineStart: 8 }} onClick={() => setMissingOnly(true)}>
                {t('data.m.showMissing')}
              </Typography.Link>
            )}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('data.m.allFilled')}</Typography.Text>
        )}
        <Typography.Text type="secondary" className="rpd-hint">
          {t('data.m.editHint')}
        </Typography.Text>
      </div>
      <Form form={form} component={false}>
        <Table<MeasurementRow>
          className="rpd-measurements"
          rowKey={keyOf}
          size="small"
          loading={list.isPending}
          dataSource={rows}
          tableLayout="fixed"
          scroll={{ x: 1056 }}
          columns={columns}
          rowClassName={(m) => (editing(m) ? 'rpd-editing' : '')}
          onRow={(m) => ({ onDoubleClick: () => startEdit(m) })}
          locale={{ emptyText: <Empty description={missingOnly ? t('data.m.noMissing') : t('data.m.noMatch')} /> }}
          pagination={{
            defaultPageSize: 20,
            pageSizeOptions: [20, 50, 100],
            showSizeChanger: true,
            hideOnSinglePage: false,
            showTotal: (count) => t('data.m.count', { count }),
          }}
        />
      </Form>
      <ImportPreviewModal<MeasurementImportPreview, MeasurementImportRow>
        picked={importFile}
        kind="measurements"
        title={t('data.m.importTitle')}
        preview={(path) => call('measurements.previewImport', { periodId, path })}
        rowsOf={(p) => p.rows}
        rowKey={(r) => r.row}
        summary={(p, c) => t('data.m.previewOk', { create: c.create, update: c.update, unchanged: c.unchanged, skipped: p.skipped })}
        confirmLabel={(_p, n) => t('data.m.importConfirm', { count: n })}
        columns={[
          {
            title: t('data.m.col.branch'),
            key: 'branch',
            ellipsis: true,
            render: (_: unknown, r: MeasurementImportRow) => `${r.branchCode} ${names.branchById.get(r.branchId)?.name ?? ''}`,
          },
          {
            title: t('data.m.col.indicator'),
            key: 'indicator',
            ellipsis: true,
            render: (_: unknown, r: MeasurementImportRow) => `${r.indicatorCode} ${names.indicatorById.get(r.indicatorId)?.name ?? ''}`,
          },
          { title: t('data.m.col.target'), dataIndex: 'target', width: 90, align: 'right', render: formatNumber },
          { title: t('data.m.col.actual'), dataIndex: 'actual', width: 90, align: 'right', render: (v: number | null) => (v === null ? '—' : formatNumber(v)) },
          { title: t('data.m.col.floor'), dataIndex: 'floor', width: 90, align: 'right', render: (v: number | null) => (v === null ? '—' : formatNumber(v)) },
          { title: t('data.m.col.source'), dataIndex: 'source', width: 120, ellipsis: true },
        ]}
        commit={async (path) => {
          const r = await call('measurements.import', { periodId, path });
          return t('data.m.importDone', { saved: r.saved, unchanged: r.unchanged, skipped: r.skipped });
        }}
        onDone={() => invalidate(periodId, 'measurements')}
        onClose={() => setImportFile(null)}
        onPickAgain={() => void chooseImport()}
      />
    </div>
  );
}
