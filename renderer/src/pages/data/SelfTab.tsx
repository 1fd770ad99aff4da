/**
 * 支部自评: one branch at a time, its own value on every leaf the panel
 * scores, entered the way raters enter theirs (points, level, occurrences,
 * items, 是/否) with a note, and saved as entered. For all branches at once:
 * the prefilled workbook and its import. Once results may be seen, the same
 * branch against the panel (SelfCompare).
 */
import { DownloadOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Input, InputNumber, Segmented, Select, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { entryHint } from '../../../../shared/domain/entry-text';
import type { Indicator, LeafMethod } from '../../../../shared/domain/framework';
import { TAG_LABELS } from '../../../../shared/domain/method-text';
import type { SelfAssessmentItem, SelfImportRow } from '../../../../shared/domain/self-assessment';
import type { Period } from '../../../../shared/domain/views';
import { checkEntry, entryPoints, roundPoints } from '../../../../shared/engine';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useFeedback } from '../../hooks/useFeedback';
import { fileName, formatPoints, formatTime, useInvalidatePeriodData, usePeriodNames, useWorkbookPicker, useWorkbookSaver, type PickedFile } from './common';
import { DataImportModal } from './DataImportModal';
import { SelfCompare } from './SelfCompare';

interface Draft {
  value: number | null;
  note: string;
}

type Row =
  | { kind: 'group'; key: string; indicator: Indicator; depth: number }
  | { kind: 'leaf'; key: string; item: SelfAssessmentItem; depth: number };

/** Section rows (the leaf's ancestors, each once) followed by the leaves, in tree order. */
function tableRows(items: SelfAssessmentItem[], byId: Map<number, Indicator>): Row[] {
  const rows: Row[] = [];
  const shown = new Set<number>();
  for (const item of items) {
    const chain: Indicator[] = [];
    let parentId = byId.get(item.indicatorId)?.parentId ?? null;
    while (parentId !== null) {
      const parent = byId.get(parentId);
      if (!parent) break;
      chain.unshift(parent);
      parentId = parent.parentId;
    }
    chain.forEach((indicator, depth) => {
      if (shown.has(indicator.id)) return;
      shown.add(indicator.id);
      rows.push({ kind: 'group', key: `g${indicator.id}`, indicator, depth });
    });
    rows.push({ kind: 'leaf', key: `l${item.indicatorId}`, item, depth: chain.length });
  }
  return rows;
}

/** The input of one leaf, by its method. */
function EntryInput(props: { item: SelfAssessmentItem; value: number | null; disabled: boolean; invalid: boolean; onChange: (v: number | null) => void }) {
  const { item, value, disabled, onChange } = props;
  const m: LeafMethod = item.method;
  const label = t('data.self.entryOf', { code: item.code });
  const status = props.invalid ? ('error' as const) : undefined;
  switch (m.kind) {
    case 'level':
      return (
        <Select
          aria-label={label}
          allowClear
          disabled={disabled}
          status={status}
          style={{ width: '100%' }}
          placeholder={t('data.self.choose')}
          value={value ?? undefined}
          options={m.levels.map((l, i) => ({ value: i, label: l.label }))}
          onChange={(v?: number) => onChange(v ?? null)}
        />
      );
    case 'veto':
      return (
        <Select
          aria-label={label}
          allowClear
          disabled={disabled}
          status={status}
          style={{ width: '100%' }}
          placeholder={t('data.self.choose')}
          value={value ?? undefined}
          options={[
            { value: 0, label: t('data.self.vetoNo') },
            { value: 1, label: t('data.self.vetoYes') },
          ]}
          onChange={(v?: number) => onChange(v ?? null)}
        />
      );
    default:
      return (
        <InputNumber
          aria-label={label}
          disabled={disabled}
          status={status}
          style={{ width: '100%' }}
          min={0}
          max={m.kind === 'rating' ? item.maxPoints : undefined}
          step={m.kind === 'rating' ? m.step : 1}
          suffix={m.kind === 'deduction' ? t('data.self.unit.times') : m.kind === 'bonus' ? t('data.self.unit.items') : t('data.self.unit.points')}
          value={value}
          onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        />
      );
  }
}

export function SelfTab({ period }: { period: Period & { branchIds: number[] } }) {
  const periodId = period.id;
  const { modal } = App.useApp();
  const { message, showError } = useFeedback();
  const invalidate = useInvalidatePeriodData();
  const saveWorkbook = useWorkbookSaver();
  const pickWorkbook = useWorkbookPicker();
  const names = usePeriodNames(periodId, period.frameworkId);
  const [params, setParams] = useSearchParams();
  const [drafts, setDrafts] = useState<Map<number, Draft>>(new Map());
  const [importFile, setImportFile] = useState<PickedFile | null>(null);

  const branchOptions = useMemo(
    () =>
      period.branchIds
        .map((id) => names.branchById.get(id))
        .filter((b) => b !== undefined)
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((b) => ({ value: b.id, label: `${b.code} ${b.name}` })),
    [period.branchIds, names.branchById],
  );
  const requested = Number(params.get('branch'));
  const branchId = period.branchIds.includes(requested) ? requested : (branchOptions[0]?.value ?? null);
  const view = params.get('view') === 'compare' ? 'compare' : 'entry';
  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const self = useApi('selfAssessment.get', { periodId, branchId: branchId! }, { enabled: branchId !== null });
  const items = useMemo(() => self.data?.items ?? [], [self.data]);
  const rows = useMemo(() => tableRows(items, names.indicatorById), [items, names.indicatorById]);
  const editable = self.data?.editable ?? false;

  const current = (item: SelfAssessmentItem): Draft => drafts.get(item.indicatorId) ?? { value: item.value, note: item.note };
  const problemOf = (item: SelfAssessmentItem, d: Draft) => (d.value === null ? null : checkEntry(item.method, item.maxPoints, d.value));
  const changedItems = items.filter((item) => {
    const d = drafts.get(item.indicatorId);
    return d !== undefined && (d.value !== item.value || d.note.trim() !== item.note);
  });
  const invalid = items.filter((item) => problemOf(item, current(item)) !== null);
  const setDraft = (item: SelfAssessmentItem, change: Partial<Draft>) =>
    setDrafts((prev) => new Map(prev).set(item.indicatorId, { ...current(item), ...change }));

  // Live totals of what is on screen (saved or not).
  let base = 0;
  let bonus = 0;
  let assessed = 0;
  for (const item of items) {
    const d = current(item);
    if (d.value === null || problemOf(item, d)) continue;
    assessed++;
    const points = entryPoints(item.method, item.maxPoints, d.value);
    if (item.method.kind === 'bonus') bonus += points;
    else base += points;
  }

  const save = useMutation({
    mutationFn: () =>
      call('selfAssessment.save', {
        periodId,
        branchId: branchId!,
        entries: changedItems.map((item) => ({ indicatorId: item.indicatorId, value: current(item).value, note: current(item).note.trim() })),
      }),
    onSuccess: async (r) => {
      await invalidate('selfAssessment');
      setDrafts(new Map());
      void message.success(t('data.self.saved', { saved: r.saved, removed: r.removed, unchanged: r.unchanged }));
    },
    onError: showError,
  });

  /** Leaves unsaved changes only after asking. */
  const guard = (go: () => void) => {
    if (changedItems.length === 0) return go();
    modal.confirm({
      title: t('data.self.unsavedTitle'),
      content: t('data.self.unsavedBody', { count: changedItems.length }),
      okText: t('data.self.discard'),
      cancelText: t('data.self.keepEditing'),
      onOk: () => {
        setDrafts(new Map());
        go();
      },
    });
  };

  const template = () =>
    void saveWorkbook(
      { title: t('data.self.template'), defaultName: fileName(period.name, t('data.self.fileName')), done: (n) => t('data.self.templateDone', { rows: n }) },
      (path) => call('selfAssessment.writeTemplate', { periodId, path }),
    );
  const chooseImport = async () => {
    const picked = await pickWorkbook(t('data.self.importTitle'));
    if (picked) setImportFile(picked);
  };

  if (period.branchIds.length === 0) {
    return <Empty style={{ marginTop: 48 }} description={t('data.self.noBranches')} />;
  }

  const columns = [
    {
      title: t('data.self.col.code'),
      key: 'code',
      width: 88,
      render: (_: unknown, r: Row) =>
        r.kind === 'group' ? (
          <b style={{ paddingInlineStart: r.depth * 12 }}>{r.indicator.code}</b>
        ) : (
          <span style={{ paddingInlineStart: r.depth * 12 }}>{r.item.code}</span>
        ),
    },
    {
      title: t('data.self.col.name'),
      key: 'name',
      render: (_: unknown, r: Row) =>
        r.kind === 'group' ? (
          <b>
            {r.indicator.name}
            <Typography.Text type="secondary" style={{ fontWeight: 400, marginInlineStart: 8 }}>
              {t('data.self.groupPoints', { points: r.indicator.maxPoints, tag: TAG_LABELS[r.indicator.tag] })}
            </Typography.Text>
          </b>
        ) : (
          <Tooltip title={names.indicatorById.get(r.item.indicatorId)?.criteria || undefined} placement="topLeft" mouseEnterDelay={0.6}>
            <span>{r.item.name}</span>
          </Tooltip>
        ),
      onCell: (r: Row) => (r.kind === 'group' ? { colSpan: 6 } : {}),
    },
    {
      title: t('data.self.col.max'),
      key: 'max',
      width: 56,
      align: 'right' as const,
      render: (_: unknown, r: Row) => (r.kind === 'leaf' ? r.item.maxPoints : null),
      onCell: (r: Row) => (r.kind === 'group' ? { colSpan: 0 } : {}),
    },
    {
      title: t('data.self.col.method'),
      key: 'method',
      width: 190,
      render: (_: unknown, r: Row) => (r.kind === 'leaf' ? <span className="rpd-method">{entryHint(r.item.method, r.item.maxPoints)}</span> : null),
      onCell: (r: Row) => (r.kind === 'group' ? { colSpan: 0 } : {}),
    },
    {
      title: t('data.self.col.value'),
      key: 'value',
      width: 124,
      render: (_: unknown, r: Row) => {
        if (r.kind !== 'leaf') return null;
        const d = current(r.item);
        const problem = problemOf(r.item, d);
        return (
          <Tooltip title={problem} open={problem ? undefined : false}>
            <div>
              <EntryInput item={r.item} value={d.value} disabled={!editable} invalid={problem !== null} onChange={(v) => setDraft(r.item, { value: v })} />
            </div>
          </Tooltip>
        );
      },
      onCell: (r: Row) => (r.kind === 'group' ? { colSpan: 0 } : {}),
    },
    {
      title: t('data.self.col.points'),
      key: 'points',
      width: 64,
      align: 'right' as const,
      render: (_: unknown, r: Row) => {
        if (r.kind !== 'leaf') return null;
        const d = current(r.item);
        if (d.value === null || problemOf(r.item, d)) return <Typography.Text type="secondary">—</Typography.Text>;
        if (r.item.method.kind === 'veto') return d.value === 1 ? <Tag color="red">{t('data.self.vetoed')}</Tag> : '—';
        return formatPoints(roundPoints(entryPoints(r.item.method, r.item.maxPoints, d.value)));
      },
      onCell: (r: Row) => (r.kind === 'group' ? { colSpan: 0 } : {}),
    },
    {
      title: t('data.self.col.note'),
      key: 'note',
      width: 220,
      render: (_: unknown, r: Row) => {
        if (r.kind !== 'leaf') return null;
        const d = current(r.item);
        const wantsNote = d.value !== null && d.value > 0 && ['deduction', 'bonus', 'veto'].includes(r.item.method.kind);
        return (
          <Input
            aria-label={t('data.self.noteOf', { code: r.item.code })}
            disabled={!editable}
            maxLength={500}
            value={d.note}
            status={wantsNote && d.note.trim() === '' ? 'warning' : undefined}
            placeholder={wantsNote ? t('data.self.notePrompt') : t('data.self.notePlaceholder')}
            onChange={(e) => setDraft(r.item, { note: e.target.value })}
          />
        );
      },
      onCell: (r: Row) => (r.kind === 'group' ? { colSpan: 0 } : {}),
    },
  ];

  return (
    <div>
      <div className="rp-toolbar" style={{ marginTop: 0 }}>
        <Space wrap>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 300 }}
            aria-label={t('data.self.branch')}
            placeholder={t('data.self.branch')}
            value={branchId ?? undefined}
            options={branchOptions}
            loading={names.loading}
            onChange={(v: number) => guard(() => setParam('branch', String(v)))}
          />
          <Segmented
            value={view}
            onChange={(v) => guard(() => setParam('view', v === 'compare' ? 'compare' : null))}
            options={[
              { value: 'entry', label: t('data.self.view.entry') },
              { value: 'compare', label: t('data.self.view.compare') },
            ]}
          />
        </Space>
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={template}>
            {t('data.self.template')}
          </Button>
          <Button icon={<UploadOutlined />} disabled={period.status === 'finalised'} onClick={() => void chooseImport()}>
            {t('data.self.import')}
          </Button>
        </Space>
      </div>

      {view === 'compare' && branchId !== null && <SelfCompare periodId={periodId} branchId={branchId} />}

      {view === 'entry' && (
        <>
          {self.isError && <Alert type="error" showIcon title={self.error.message} />}
          {self.isPending && <Spin style={{ display: 'block', margin: '48px auto' }} />}
          {self.data && (
            <>
              {!editable && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={self.data.lockedReason} />}
              {/* 分类施策: the leaves that don't apply to this branch's category are left out (not missing). */}
              {self.data.notApplicable && (
                <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="self-not-applicable" title={t('self.notApplicableNote', { ...self.data.notApplicable })} />
              )}
              <div className="rpd-selfbar" data-testid="self-summary">
                <Typography.Text>
                  {t('data.self.progress', { assessed, leaves: items.length })}
                </Typography.Text>
                <Typography.Text strong>{t('data.self.total', { base: formatPoints(roundPoints(base)), bonus: formatPoints(roundPoints(bonus)) })}</Typography.Text>
                {self.data.items.some((i) => i.updatedAt) && (
                  <Typography.Text type="secondary">
                    {t('data.self.lastSaved', { at: formatTime(items.reduce((a, i) => (i.updatedAt && i.updatedAt > a ? i.updatedAt : a), '')) })}
                  </Typography.Text>
                )}
                <span className="rpd-spacer" />
                {changedItems.length > 0 && (
                  <Typography.Text type="warning" data-testid="self-unsaved">
                    {t('data.self.unsaved', { count: changedItems.length })}
                  </Typography.Text>
                )}
                {changedItems.length > 0 && <Button onClick={() => setDrafts(new Map())}>{t('data.self.revert')}</Button>}
                <Button
                  type="primary"
                  icon={<SaveOutlined />}
                  disabled={!editable || changedItems.length === 0 || invalid.length > 0}
                  loading={save.isPending}
                  onClick={() => save.mutate()}
                >
                  {t('data.self.save')}
                </Button>
              </div>
              {invalid.length > 0 && (
                <Alert
                  type="error"
                  showIcon
                  style={{ marginBottom: 8 }}
                  title={t('data.self.invalid', { count: invalid.length })}
                  description={invalid.map((i) => `${i.code} ${i.name}：${problemOf(i, current(i))}`).join('；')}
                />
              )}
              <div
                onKeyDown={(e) => {
                  // Ctrl+S saves, as in Excel and WPS.
                  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
                    e.preventDefault();
                    if (editable && changedItems.length > 0 && invalid.length === 0 && !save.isPending) save.mutate();
                  }
                }}
              >
                <Table<Row>
                  className="rpd-self"
                  rowKey="key"
                  size="small"
                  tableLayout="fixed"
                  dataSource={rows}
                  columns={columns}
                  pagination={false}
                  rowClassName={(r) => (r.kind === 'group' ? 'rpd-group' : drafts.has(r.item.indicatorId) && changedItems.includes(r.item) ? 'rpd-dirty' : '')}
                  locale={{ emptyText: <Empty description={t('data.self.noLeaves')} /> }}
                />
              </div>
            </>
          )}
        </>
      )}

      <DataImportModal<'selfAssessment.previewImport', SelfImportRow>
        picked={importFile}
        title={t('data.self.importTitle')}
        method="selfAssessment.previewImport"
        periodId={periodId}
        rowsOf={(p) => p.rows}
        rowKey={(r) => r.row}
        summary={(p, c) => t('data.self.previewOk', { create: c.create, update: c.update, unchanged: c.unchanged, skipped: p.skipped })}
        confirmLabel={(_p, n) => t('data.self.importConfirm', { count: n })}
        columns={[
          { title: t('data.m.col.branch'), key: 'b', ellipsis: true, render: (_: unknown, r: SelfImportRow) => `${r.branchCode} ${names.branchById.get(r.branchId)?.name ?? ''}` },
          { title: t('data.m.col.indicator'), key: 'i', ellipsis: true, render: (_: unknown, r: SelfImportRow) => `${r.indicatorCode} ${names.indicatorById.get(r.indicatorId)?.name ?? ''}` },
          {
            title: t('data.self.col.value'),
            key: 'v',
            width: 110,
            render: (_: unknown, r: SelfImportRow) => {
              const m = names.indicatorById.get(r.indicatorId)?.method;
              if (!m) return r.value;
              if (m.kind === 'level') return m.levels[r.value]?.label ?? r.value;
              if (m.kind === 'veto') return r.value === 1 ? t('data.self.vetoYes') : t('data.self.vetoNo');
              return r.value;
            },
          },
          { title: t('data.self.col.note'), dataIndex: 'note', ellipsis: true },
        ]}
        commit={async (path) => {
          const r = await call('selfAssessment.import', { periodId, path });
          return t('data.self.importDone', { saved: r.saved, unchanged: r.unchanged, skipped: r.skipped });
        }}
        onDone={() => invalidate('selfAssessment')}
        onClose={() => setImportFile(null)}
        onPickAgain={() => void chooseImport()}
      />
    </div>
  );
}
