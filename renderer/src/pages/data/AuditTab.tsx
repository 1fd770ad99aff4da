/**
 * 操作记录: every change of an entry, a measurement, an office record (考核组核定), a self-assessment or the
 * period's status, newest first, paged by the service; filtered by rater,
 * branch, indicator, kind and text; exported as a workbook. Above it, the
 * period's lock (定稿与重新开启).
 */
import { ExportOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { Alert, Button, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { AuditRow } from '../../../../shared/domain/scoring';
import type { Period } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useApi } from '../../api/useApi';
import { auditChange } from '../../../../shared/domain/audit-text';
import { fileName, formatTime, usePeriodNames, useWorkbookSaver } from './common';
import { PeriodLockCard } from './PeriodLockCard';

type Entity = AuditRow['entity'];
const ENTITIES: Entity[] = ['score', 'measurement', 'office', 'self', 'panel', 'period', 'session'];
const ENTITY_COLORS: Record<Entity, string> = { score: 'blue', measurement: 'cyan', office: 'geekblue', self: 'purple', panel: 'magenta', period: 'gold', database: 'red', session: 'volcano' };
const HIDDEN = '（评分中，不显示）';

interface Filters {
  raterId: number | null;
  branchId: number | null;
  indicatorId: number | null;
  entity: Entity | null;
  text: string;
}
const NO_FILTERS: Filters = { raterId: null, branchId: null, indicatorId: null, entity: null, text: '' };

export function AuditTab({ period }: { period: Period & { branchIds: number[] } }) {
  const periodId = period.id;
  const names = usePeriodNames(periodId, period.frameworkId);
  const saveWorkbook = useWorkbookSaver();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [textInput, setTextInput] = useState('');
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const blind = period.status === 'draft' || period.status === 'scoring';

  const audit = useApi('audit.list', { periodId, ...filters, limit: page.pageSize, offset: (page.current - 1) * page.pageSize }, { placeholderData: keepPreviousData });
  const setFilter = (change: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...change }));
    setPage((p) => ({ ...p, current: 1 }));
  };
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  const branchOptions = useMemo(
    () =>
      period.branchIds
        .map((id) => names.branchById.get(id))
        .filter((b) => b !== undefined)
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((b) => ({ value: b.id, label: `${b.code} ${b.name}` })),
    [period.branchIds, names.branchById],
  );
  const indicatorOptions = useMemo(
    () => names.indicators.filter((i) => i.method !== null).map((i) => ({ value: i.id, label: `${i.code} ${i.name}` })),
    [names.indicators],
  );

  const exportLog = () =>
    void saveWorkbook(
      { title: t('data.audit.export'), defaultName: fileName(period.name, t('data.audit.fileName')), done: (n) => t('data.audit.exportDone', { rows: n }) },
      (path) => call('audit.export', { periodId, path }),
    );

  const changeCell = (r: AuditRow) => {
    const indicator = r.indicatorId === null ? undefined : names.indicatorById.get(r.indicatorId);
    const { old, new: next } = auditChange(r, indicator);
    if (!old && !next) return <Typography.Text type="secondary">—</Typography.Text>;
    const hidden = (s: string) => s === HIDDEN;
    return (
      <span className="rpd-change">
        <span className={hidden(old) ? 'rpd-hidden' : 'rpd-old'}>{old || t('data.audit.none')}</span>
        <span className="rpd-arrow"> → </span>
        <span className={hidden(next) ? 'rpd-hidden' : 'rpd-new'}>{next || t('data.audit.removed')}</span>
      </span>
    );
  };

  return (
    <div>
      <PeriodLockCard period={period} />
      {blind && <Alert type="warning" showIcon style={{ margin: '12px 0 0' }} title={t('data.audit.blind')} data-testid="audit-blind" />}
      <div className="rp-toolbar">
        <Space wrap size={8}>
          <Select
            allowClear
            style={{ width: 116 }}
            placeholder={t('data.audit.all.rater')}
            aria-label={t('data.audit.filter.rater')}
            value={filters.raterId ?? undefined}
            options={names.raters.map((r) => ({ value: r.id, label: r.name }))}
            onChange={(v?: number) => setFilter({ raterId: v ?? null })}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 190 }}
            placeholder={t('data.audit.all.branch')}
            aria-label={t('data.audit.filter.branch')}
            value={filters.branchId ?? undefined}
            options={branchOptions}
            onChange={(v?: number) => setFilter({ branchId: v ?? null })}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 190 }}
            placeholder={t('data.audit.all.indicator')}
            aria-label={t('data.audit.filter.indicator')}
            value={filters.indicatorId ?? undefined}
            options={indicatorOptions}
            onChange={(v?: number) => setFilter({ indicatorId: v ?? null })}
          />
          <Select
            allowClear
            style={{ width: 110 }}
            placeholder={t('data.audit.all.entity')}
            aria-label={t('data.audit.filter.entity')}
            value={filters.entity ?? undefined}
            options={ENTITIES.map((e) => ({ value: e, label: t(`data.audit.entity.${e}`) }))}
            onChange={(v?: Entity) => setFilter({ entity: v ?? null })}
          />
          <Input.Search
            allowClear
            style={{ width: 240 }}
            placeholder={t('data.audit.search')}
            aria-label={t('data.audit.search')}
            value={textInput}
            onChange={(e) => {
              setTextInput(e.target.value);
              if (e.target.value === '') setFilter({ text: '' });
            }}
            onSearch={(v) => setFilter({ text: v.trim() })}
          />
          {filtered && (
            <Typography.Link
              onClick={() => {
                setTextInput('');
                setFilter(NO_FILTERS);
              }}
            >
              {t('data.audit.clear')}
            </Typography.Link>
          )}
        </Space>
        <Button icon={<ExportOutlined />} onClick={exportLog}>
          {t('data.audit.export')}
        </Button>
      </div>
      <Table<AuditRow>
        className="rpd-audit"
        rowKey="id"
        size="small"
        tableLayout="fixed"
        loading={audit.isFetching && !audit.data}
        dataSource={audit.data?.rows ?? []}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: audit.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (count) => t('data.audit.count', { count }),
          onChange: (current, pageSize) => setPage({ current: pageSize === page.pageSize ? current : 1, pageSize }),
        }}
        locale={{ emptyText: filtered ? t('data.audit.noMatch') : t('data.audit.empty') }}
        columns={[
          { title: t('data.audit.col.at'), dataIndex: 'at', width: 148, render: (v: string) => <span className="rpd-time">{formatTime(v)}</span> },
          { title: t('data.audit.col.actor'), dataIndex: 'actor', width: 96 },
          {
            title: t('data.audit.col.entity'),
            dataIndex: 'entity',
            width: 76,
            render: (e: Entity) => <Tag color={ENTITY_COLORS[e]} style={{ marginInlineEnd: 0 }}>{t(`data.audit.entity.${e}`)}</Tag>,
          },
          { title: t('data.audit.col.action'), dataIndex: 'action', width: 108 },
          {
            title: t('data.audit.col.rater'),
            dataIndex: 'raterId',
            width: 64,
            render: (id: number | null) => (id === null ? '' : (names.raterById.get(id)?.name ?? t('data.audit.raterId', { id }))),
          },
          {
            title: t('data.audit.col.branch'),
            dataIndex: 'branchId',
            width: 120,
            render: (id: number | null) => {
              if (id === null) return '';
              const b = names.branchById.get(id);
              return b ? <Tooltip title={`${b.code} ${b.name}`} placement="topLeft">{b.name}</Tooltip> : t('data.audit.branchId', { id });
            },
          },
          {
            title: t('data.audit.col.indicator'),
            dataIndex: 'indicatorId',
            width: 128,
            render: (id: number | null) => {
              if (id === null) return '';
              const i = names.indicatorById.get(id);
              return i ? (
                <Tooltip title={`${i.code} ${i.name}`} placement="topLeft">
                  <span>
                    <Typography.Text type="secondary">{i.code}</Typography.Text> {i.name}
                  </span>
                </Tooltip>
              ) : (
                t('data.audit.indicatorId', { id })
              );
            },
          },
          { title: t('data.audit.col.change'), key: 'change', render: (_, r) => changeCell(r) },
          { title: t('data.audit.col.reason'), dataIndex: 'reason', width: 120 },
        ]}
      />
    </div>
  );
}
