/**
 * 考核组核定: the office checks one indicator at a time for every branch (all
 * branches' 三会一课 records, then the next item) and records one value per
 * branch with its reasons and 依据. Left: the period's office-recorded leaves
 * with their progress; right: the chosen leaf's branches, recorded in place
 * (核定 or double-click; Enter saves, Esc cancels), each row saved at once.
 * The whole period also goes out as a workbook and comes back all or nothing.
 */
import { DownloadOutlined, FormOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation } from '@tanstack/react-query';
import { Alert, Button, Empty, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import type { OfficeRecordInput, OfficeRecordRow } from '../../../../shared/domain/office';
import type { OfficeImportRow } from '../../../../shared/domain/office-workbook';
import type { Period } from '../../../../shared/domain/views';
import { t } from '../../../../shared/messages';
import { call } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useFeedback } from '../../hooks/useFeedback';
import { fileName, useInvalidatePeriodData, useWorkbookPicker, useWorkbookSaver, type PickedFile } from './common';
import { DataImportModal } from './DataImportModal';
import { FindingsEditor } from './FindingsEditor';
import type { RulesMethod } from './findingsModel';
import { OfficeBatchModal } from './OfficeBatchModal';
import { officeColumns } from './OfficeColumns';
import { draftProblem, fitReasons, officeLeaves, officeRowKey, officeValueText, type OfficeDraft } from './officeModel';

const inputOf = (r: OfficeRecordRow, d: OfficeDraft): OfficeRecordInput => ({
  branchId: r.branchId,
  indicatorId: r.indicatorId,
  value: d.value,
  detail: d.detail.map((x) => x.trim()),
  findings: d.findings,
  evidence: d.evidence.trim(),
  evidenceDate: d.evidenceDate,
});

export function OfficeTab({ period }: { period: Period }) {
  const periodId = period.id;
  const navigate = useNavigate();
  const { message, showError } = useFeedback();
  const invalidate = useInvalidatePeriodData();
  const saveWorkbook = useWorkbookSaver();
  const pickWorkbook = useWorkbookPicker();
  const locked = period.status === 'finalised';
  const inReview = period.status === 'review';
  const [leafId, setLeafId] = useState<number | null>(null);
  const [editing, setEditing] = useState<{ key: string; draft: OfficeDraft } | null>(null);
  /** The 细则 record open in the findings editor: findings are recorded in a dialog, not in the row. */
  const [findingsRow, setFindingsRow] = useState<(OfficeRecordRow & { method: RulesMethod }) | null>(null);
  const [reason, setReason] = useState('');
  const [batchOpen, setBatchOpen] = useState(false);
  /** 依据 set by 批量填写依据, per leaf: offered when a row still to be recorded is opened. */
  const [defaults, setDefaults] = useState<Map<number, { evidence: string; evidenceDate: string | null }>>(new Map());
  const [importFile, setImportFile] = useState<PickedFile | null>(null);

  const list = useApi('office.list', { periodId }, { placeholderData: keepPreviousData });
  const all = useMemo(() => list.data ?? [], [list.data]);
  const leaves = useMemo(() => officeLeaves(all), [all]);
  const leaf = leaves.find((l) => l.indicatorId === leafId) ?? leaves[0] ?? null;
  const rows = useMemo(() => (leaf ? all.filter((r) => r.indicatorId === leaf.indicatorId) : []), [all, leaf]);

  const save = useMutation({
    mutationFn: (v: { rows: OfficeRecordInput[]; where: { branch: string; indicator: string }; kind: 'one' | 'clear' | 'batch' }) =>
      call('office.save', { periodId, rows: v.rows, ...(inReview ? { reason: reason.trim() } : {}) }),
    onSuccess: async (r, v) => {
      await invalidate('office');
      setEditing(null);
      setFindingsRow(null);
      if (v.kind === 'batch') {
        setBatchOpen(false);
        void message.success(t('office.ui.batchDone', { count: r.saved }));
      } else if (v.kind === 'clear') void message.success(t('office.ui.cleared', v.where));
      else void message.success(t(r.saved + r.removed > 0 ? 'office.ui.saved' : 'office.ui.unchanged', v.where));
    },
    onError: showError,
  });
  /** In review every change needs the reason typed above the table (it goes into the audit log). */
  const reasonMissing = () => {
    if (!inReview || reason.trim()) return false;
    void message.error(t('office.ui.reviewReasonMissing'));
    return true;
  };

  const startEdit = (r: OfficeRecordRow) => {
    if (locked || save.isPending) return;
    if (editing && editing.key !== officeRowKey(r)) {
      void message.warning(t('office.ui.finishFirst'));
      return;
    }
    if (r.method.kind === 'rules') {
      setFindingsRow({ ...r, method: r.method });
      return;
    }
    const preset = r.evidence ? null : defaults.get(r.indicatorId);
    setEditing({
      key: officeRowKey(r),
      draft: {
        value: r.value,
        detail: fitReasons(r.method, r.value, r.detail),
        findings: [],
        evidence: r.evidence || preset?.evidence || '',
        evidenceDate: r.evidenceDate ?? preset?.evidenceDate ?? null,
      },
    });
  };
  const commitEdit = (r: OfficeRecordRow) => {
    if (!editing) return;
    const problem = draftProblem(r, editing.draft);
    if (problem) {
      void message.error(problem, 6);
      return;
    }
    if (reasonMissing()) return;
    save.mutate({ rows: [inputOf(r, editing.draft)], where: whereOf(r), kind: 'one' });
  };
  const clear = (r: OfficeRecordRow) => {
    if (reasonMissing()) return;
    save.mutate({ rows: [inputOf(r, { value: null, detail: [], findings: [], evidence: '', evidenceDate: null })], where: whereOf(r), kind: 'clear' });
  };
  const onKeys = (r: OfficeRecordRow) => (e: KeyboardEvent) => {
    if (e.nativeEvent.isComposing || !editing || editing.key !== officeRowKey(r)) return;
    if (e.key === 'Enter' && !(e.target as HTMLElement).closest('.ant-picker, .ant-select')) {
      e.preventDefault();
      commitEdit(r);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setEditing(null);
    }
  };

  const missingEvidence = rows.filter((r) => r.value !== null && !r.evidence);
  const batch = (evidence: string, evidenceDate: string | null) => {
    if (!leaf) return;
    setDefaults((m) => new Map(m).set(leaf.indicatorId, { evidence, evidenceDate }));
    if (missingEvidence.length === 0) {
      setBatchOpen(false);
      void message.success(t('office.ui.batchRemembered'));
      return;
    }
    if (reasonMissing()) return;
    save.mutate({
      rows: missingEvidence.map((r) => inputOf(r, { value: r.value, detail: r.detail, findings: r.findings, evidence, evidenceDate: r.evidenceDate ?? evidenceDate })),
      where: { branch: '', indicator: `${leaf.code} ${leaf.name}` },
      kind: 'batch',
    });
  };

  const template = () =>
    void saveWorkbook(
      { title: t('office.ui.template'), defaultName: fileName(period.name, t('office.ui.fileName')), done: (n) => t('office.ui.templateDone', { rows: n }) },
      (path) => call('office.writeTemplate', { periodId, path }),
    );
  const chooseImport = async () => {
    const picked = await pickWorkbook(t('office.ui.importTitle'));
    if (picked) setImportFile(picked);
  };

  if (list.isSuccess && all.length === 0) {
    return (
      <Empty style={{ marginTop: 48 }} description={<span><b>{t('office.ui.empty.title')}</b><br />{t('office.ui.empty.body')}</span>} data-testid="office-empty">
        <Button type="primary" onClick={() => void navigate('/framework')}>
          {t('office.ui.empty.goFramework')}
        </Button>
      </Empty>
    );
  }

  const columns = officeColumns({
    locked,
    saving: save.isPending,
    draftOf: (r) => (editing?.key === officeRowKey(r) ? editing.draft : undefined),
    setDraft: (draft) => setEditing((e) => (e ? { ...e, draft } : e)),
    startEdit,
    cancelEdit: () => setEditing(null),
    commitEdit,
    clear,
  });
  const byKey = new Map(all.map((r) => [officeRowKey(r), r]));

  return (
    <div>
      {locked && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('office.ui.locked')}
          data-testid="office-locked"
          action={<Button size="small" onClick={() => void navigate('/data/audit')}>{t('data.goLock')}</Button>}
        />
      )}
      {inReview && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('office.ui.reviewReason')}
          description={
            <Input
              aria-label={t('office.ui.reviewReasonLabel')}
              placeholder={t('office.ui.reviewReasonPlaceholder')}
              maxLength={200}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              style={{ maxWidth: 480 }}
            />
          }
        />
      )}
      <div className="rpd-office">
        <nav className="rpd-office-leaves" aria-label={t('office.ui.leaves')}>
          <div className="rpd-office-leaves-head">{t('office.ui.leaves')}</div>
          {leaves.map((l) => (
            <button
              key={l.indicatorId}
              type="button"
              className={`rpd-office-leaf${l.indicatorId === leaf?.indicatorId ? ' is-active' : ''}`}
              aria-current={l.indicatorId === leaf?.indicatorId ? 'true' : undefined}
              data-testid={`office-leaf-${l.code}`}
              onClick={() => {
                if (editing) return void message.warning(t('office.ui.finishFirst'));
                setLeafId(l.indicatorId);
              }}
            >
              <span className="rpd-office-leaf-name">
                <span className="rpd-code">{l.code}</span> {l.name}
              </span>
              <span className="rpd-office-leaf-meta">
                <span>{t(`scoring.method.${l.method.kind}`)}</span>
                <Tooltip title={t('office.ui.leafProgressTip', { recorded: l.recorded, total: l.total })}>
                  <Tag color={l.recorded === l.total ? 'green' : l.recorded === 0 ? undefined : 'gold'} style={{ marginInlineEnd: 0 }}>
                    {t('office.ui.leafProgress', { recorded: l.recorded, total: l.total })}
                  </Tag>
                </Tooltip>
              </span>
            </button>
          ))}
        </nav>
        <section className="rpd-office-main">
          {leaf ? (
            <>
              <div className="rp-toolbar" style={{ marginTop: 0 }}>
                <Space direction="vertical" size={0}>
                  <Typography.Text strong data-testid="office-leaf-title">
                    {leaf.code} {leaf.name}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {t('office.ui.recordedCount', { recorded: leaf.recorded, total: leaf.total })} · {t('office.ui.editHint')}
                  </Typography.Text>
                </Space>
                <Space wrap>
                  <Button icon={<FormOutlined />} disabled={locked} onClick={() => setBatchOpen(true)}>
                    {t('office.ui.batch')}
                  </Button>
                  <Button icon={<DownloadOutlined />} onClick={template}>
                    {t('office.ui.template')}
                  </Button>
                  <Button icon={<UploadOutlined />} disabled={locked} onClick={() => void chooseImport()}>
                    {t('office.ui.import')}
                  </Button>
                </Space>
              </div>
              <Table<OfficeRecordRow>
                className="rpd-office-table"
                rowKey={officeRowKey}
                size="small"
                loading={list.isPending}
                dataSource={rows}
                tableLayout="fixed"
                scroll={{ x: 760 }}
                columns={columns}
                rowClassName={(r) => (editing?.key === officeRowKey(r) ? 'rpd-editing' : '')}
                onRow={(r) => ({ onDoubleClick: () => startEdit(r), onKeyDown: onKeys(r) })}
                pagination={false}
              />
            </>
          ) : (
            <Empty description={t('office.ui.pickLeaf')} />
          )}
        </section>
      </div>
      {findingsRow && (
        <FindingsEditor
          key={officeRowKey(findingsRow)}
          row={findingsRow}
          preset={findingsRow.evidence ? undefined : defaults.get(findingsRow.indicatorId)}
          saving={save.isPending}
          onCancel={() => setFindingsRow(null)}
          onSave={(input) => {
            if (reasonMissing()) return;
            save.mutate({ rows: [input], where: whereOf(findingsRow), kind: 'one' });
          }}
        />
      )}
      <OfficeBatchModal
        open={batchOpen}
        indicator={leaf ? `${leaf.code} ${leaf.name}` : ''}
        missing={missingEvidence.length}
        saving={save.isPending}
        onOk={batch}
        onCancel={() => setBatchOpen(false)}
      />
      <DataImportModal<'office.previewImport', OfficeImportRow>
        picked={importFile}
        title={t('office.ui.importTitle')}
        method="office.previewImport"
        periodId={periodId}
        rowsOf={(p) => p.rows}
        rowKey={(r) => r.row}
        reasonRequired={() => (inReview ? t('office.ui.reviewImportReason') : null)}
        locked={() => (locked ? t('office.ui.locked') : null)}
        summary={(p, c) => t('office.ui.previewOk', { create: c.create, update: c.update, unchanged: c.unchanged, skipped: p.skipped })}
        confirmLabel={(_p, n) => t('office.ui.importConfirm', { count: n })}
        columns={[
          { title: t('office.ui.col.branch'), key: 'b', ellipsis: true, render: (_: unknown, r: OfficeImportRow) => `${r.branchCode} ${byKey.get(officeRowKey(r))?.branchName ?? ''}` },
          { title: t('data.m.col.indicator'), key: 'i', ellipsis: true, render: (_: unknown, r: OfficeImportRow) => `${r.indicatorCode} ${byKey.get(officeRowKey(r))?.indicatorName ?? ''}` },
          {
            title: t('office.ui.col.value.import'),
            key: 'v',
            width: 90,
            render: (_: unknown, r: OfficeImportRow) => {
              const known = byKey.get(officeRowKey(r));
              return known ? officeValueText(known.method, r.value) : String(r.value);
            },
          },
          { title: t('office.ui.col.detail'), key: 'd', ellipsis: true, render: (_: unknown, r: OfficeImportRow) => r.detail.join('；') },
          { title: t('office.ui.col.evidence'), key: 'e', ellipsis: true, render: (_: unknown, r: OfficeImportRow) => [r.evidence, r.evidenceDate].filter(Boolean).join('，') },
        ]}
        commit={async (path, why) => {
          const r = await call('office.import', { periodId, path, ...(why ? { reason: why } : {}) });
          return t('office.ui.importDone', { saved: r.saved, unchanged: r.unchanged, skipped: r.skipped });
        }}
        onDone={() => invalidate('office')}
        onClose={() => setImportFile(null)}
        onPickAgain={() => void chooseImport()}
      />
    </div>
  );
}

const whereOf = (r: OfficeRecordRow) => ({ branch: `${r.branchCode} ${r.branchName}`, indicator: `${r.indicatorCode} ${r.indicatorName}` });
