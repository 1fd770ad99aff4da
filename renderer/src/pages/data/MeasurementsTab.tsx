/**
 * 业务数据（目标协同）: every branch × quantitative indicator of the period with
 * its target, actual value, floor and source department. A row is edited in
 * place (double-click or 编辑; Enter saves, Esc cancels); the whole table
 * goes out as a prefilled workbook and comes back all or nothing.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Empty, Form, Progress, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import type { MeasurementRow } from '../../../../shared/domain/measurements';
import type { Period } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useFeedback } from '../../hooks/useFeedback';
import { fileName, useInvalidatePeriodData, usePeriodNames, useWorkbookPicker, useWorkbookSaver, type PickedFile } from './common';
import { measurementColumns } from './MeasurementColumns';
import { MeasurementImportModal } from './MeasurementImportModal';
import { completeness, filterMeasurements, measurementKey, measurementOptions, type MeasurementEdit } from './measurementsModel';

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
  const [form] = Form.useForm<MeasurementEdit>();
  const locked = period.status === 'finalised';

  const list = useApi('measurements.list', { periodId }, { placeholderData: keepPreviousData });
  const all = useMemo(() => list.data ?? [], [list.data]);
  const options = useMemo(() => measurementOptions(all), [all]);
  const rows = filterMeasurements(all, { branchId: branchFilter, indicatorId: indicatorFilter, missingOnly, editingKey });
  const { filled, percent } = completeness(all);

  const save = useMutation({
    mutationFn: (v: { row: MeasurementRow; values: MeasurementEdit }) =>
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
      await invalidate('measurements');
      setEditingKey(null);
      const what = `${v.row.branchName} · ${v.row.indicatorName}`;
      void message.success(r.saved > 0 ? t('data.m.saved', { what }) : t('data.m.unchanged', { what }));
    },
    onError: showError,
  });

  const startEdit = (m: MeasurementRow) => {
    if (locked || save.isPending) return;
    if (editingKey !== null && editingKey !== measurementKey(m) && form.isFieldsTouched()) {
      void message.warning(t('data.m.finishFirst'));
      return;
    }
    form.resetFields();
    form.setFieldsValue({ target: m.target, actual: m.actual, floor: m.floor, source: m.source });
    setEditingKey(measurementKey(m));
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

  const columns = measurementColumns({
    form,
    indicatorById: names.indicatorById,
    locked,
    saving: save.isPending,
    editing: (m) => editingKey === measurementKey(m),
    onKeys,
    startEdit,
    cancelEdit,
    commitEdit,
  });

  const template = () =>
    void saveWorkbook(
      { title: t('data.m.template'), defaultName: fileName(period.name, t('data.m.fileName')), done: (n) => t('data.m.templateDone', { rows: n }) },
      (path) => call('measurements.writeTemplate', { periodId, path }),
    );
  const chooseImport = async () => {
    const picked = await pickWorkbook(t('data.m.importTitle'));
    if (picked) setImportFile(picked);
  };

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
            options={options.branches}
            onChange={(v?: number) => setBranchFilter(v ?? null)}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 220 }}
            placeholder={t('data.filter.indicator')}
            aria-label={t('data.filter.indicator')}
            value={indicatorFilter ?? undefined}
            options={options.indicators}
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
          rowKey={measurementKey}
          size="small"
          loading={list.isPending}
          dataSource={rows}
          tableLayout="fixed"
          scroll={{ x: 1056 }}
          columns={columns}
          rowClassName={(m) => (editingKey === measurementKey(m) ? 'rpd-editing' : '')}
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
      <MeasurementImportModal
        periodId={periodId}
        picked={importFile}
        branchById={names.branchById}
        indicatorById={names.indicatorById}
        onDone={() => invalidate('measurements')}
        onClose={() => setImportFile(null)}
        onPickAgain={() => void chooseImport()}
      />
    </div>
  );
}
