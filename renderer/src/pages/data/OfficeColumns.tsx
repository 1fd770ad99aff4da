/**
 * The columns of the 考核组核定 table: one branch per row on the chosen leaf.
 * The row being recorded shows inputs fitting the leaf's method (a count with
 * one reason per deduction, 是/否, a level, points), 依据 and its date; a 细则
 * leaf's findings are recorded in FindingsEditor and read here in words.
 */
import { Button, DatePicker, Input, InputNumber, Popconfirm, Radio, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { MAX_COUNT, reasonTooShort } from '../../../../shared/domain/entry';
import type { LeafMethod } from '../../../../shared/domain/framework';
import type { OfficeRecordRow } from '../../../../shared/domain/office';
import { t } from '../../../../shared/messages';
import { FindingsList } from '../../components/FindingsList';
import { formatPoints, formatTime } from './common';
import { fitReasons, officePoints, officeValueText, type OfficeDraft } from './officeModel';

interface Options {
  locked: boolean;
  saving: boolean;
  /** The draft of the row being recorded, or undefined for the others. */
  draftOf: (r: OfficeRecordRow) => OfficeDraft | undefined;
  setDraft: (next: OfficeDraft) => void;
  startEdit: (r: OfficeRecordRow) => void;
  cancelEdit: () => void;
  commitEdit: (r: OfficeRecordRow) => void;
  clear: (r: OfficeRecordRow) => void;
}

const reasonLabel = (method: LeafMethod, i: number) =>
  method.kind === 'deduction'
    ? t('office.ui.reason.deduction', { n: i + 1 })
    : method.kind === 'bonus'
      ? t('office.ui.reason.bonus', { n: i + 1 })
      : t('office.ui.reason.veto');

function ValueInput({ row, draft, setDraft }: { row: OfficeRecordRow; draft: OfficeDraft; setDraft: (d: OfficeDraft) => void }) {
  const m = row.method;
  const set = (value: number | null) => setDraft({ ...draft, value, detail: fitReasons(m, value, draft.detail) });
  switch (m.kind) {
    case 'deduction':
    case 'bonus':
      return (
        <InputNumber
          autoFocus
          aria-label={t(m.kind === 'deduction' ? 'office.ui.count.deduction' : 'office.ui.count.bonus')}
          min={0}
          max={MAX_COUNT}
          precision={0}
          style={{ width: 96 }}
          suffix={t(m.kind === 'deduction' ? 'office.ui.unit.times' : 'office.ui.unit.items')}
          value={draft.value}
          onChange={(v) => set(typeof v === 'number' ? v : null)}
        />
      );
    case 'veto':
      return (
        <Radio.Group
          aria-label={t('office.ui.col.value')}
          value={draft.value}
          onChange={(e) => set(e.target.value as number)}
          options={[
            { value: 0, label: t('office.ui.vetoNo') },
            { value: 1, label: t('office.ui.vetoYes') },
          ]}
        />
      );
    case 'level':
      return (
        <Select
          autoFocus
          aria-label={t('office.ui.col.value')}
          style={{ width: 110 }}
          placeholder={t('office.ui.levelPlaceholder')}
          value={draft.value ?? undefined}
          onChange={(v: number) => set(v)}
          options={m.levels.map((l, i) => ({ value: i, label: l.label }))}
        />
      );
    default:
      return (
        <InputNumber
          autoFocus
          aria-label={t('office.ui.col.value')}
          min={0}
          max={row.maxPoints}
          step={m.kind === 'rating' ? m.step : 1}
          style={{ width: 96 }}
          placeholder={t('office.ui.pointsPlaceholder', { max: row.maxPoints })}
          value={draft.value}
          onChange={(v) => set(typeof v === 'number' ? v : null)}
        />
      );
  }
}

export function officeColumns(o: Options): ColumnsType<OfficeRecordRow> {
  return [
    {
      title: t('office.ui.col.branch'),
      key: 'branch',
      width: 150,
      render: (_, r) => (
        <span>
          <span className="rpd-code">{r.branchCode}</span> {r.branchName}
        </span>
      ),
    },
    {
      title: t('office.ui.col.value'),
      key: 'value',
      width: 124,
      render: (_, r) => {
        const d = o.draftOf(r);
        const v = d ? d.value : r.value;
        const points = v === null ? null : officePoints(r, v);
        // The points the value gives, under it (a veto gives none: it caps the grade).
        const pointsLine = points === null ? null : <div className="rpd-office-points">{t('office.ui.pointsLine', { points: formatPoints(points) })}</div>;
        if (d)
          return (
            <>
              <ValueInput row={r} draft={d} setDraft={o.setDraft} />
              {pointsLine}
            </>
          );
        if (r.value === null) return <Typography.Text type="warning">{t('office.ui.pending')}</Typography.Text>;
        const veto = r.method.kind === 'veto' && r.value >= 1;
        return (
          <>
            <Typography.Text strong type={veto ? 'danger' : undefined} data-testid="office-value">
              {officeValueText(r.method, r.value)}
            </Typography.Text>
            {pointsLine}
          </>
        );
      },
    },
    {
      title: t('office.ui.col.detail'),
      key: 'detail',
      render: (_, r) => {
        const d = o.draftOf(r);
        if (d) {
          return d.detail.length === 0 ? (
            <Typography.Text type="secondary">{t('office.ui.none')}</Typography.Text>
          ) : (
            <div className="rpd-office-reasons">
              {d.detail.map((line, i) => (
                <Input
                  key={i}
                  size="small"
                  maxLength={200}
                  value={line}
                  placeholder={reasonLabel(r.method, i)}
                  aria-label={reasonLabel(r.method, i)}
                  status={reasonTooShort(line) ? 'error' : undefined}
                  onChange={(e) => o.setDraft({ ...d, detail: d.detail.map((l, j) => (j === i ? e.target.value : l)) })}
                />
              ))}
            </div>
          );
        }
        // 细则: each finding in the scheme's words (which rule, how often, how much, why).
        if (r.method.kind === 'rules') return <FindingsList className="rpd-office-detail" method={r.method} findings={r.findings} detail={r.detail} />;
        return r.detail.length ? (
          <ol className="rpd-office-detail">
            {r.detail.map((x, i) => (
              <li key={i}>{x}</li>
            ))}
          </ol>
        ) : null;
      },
    },
    {
      title: t('office.ui.col.evidenceBoth'),
      key: 'evidence',
      width: 190,
      render: (_, r) => {
        const d = o.draftOf(r);
        if (d)
          return (
            <div className="rpd-office-reasons">
              <Input
                size="small"
                maxLength={200}
                aria-label={t('office.ui.col.evidence')}
                placeholder={t('office.ui.evidencePlaceholder')}
                value={d.evidence}
                onChange={(e) => o.setDraft({ ...d, evidence: e.target.value })}
              />
              <DatePicker
                size="small"
                aria-label={t('office.ui.col.evidenceDate')}
                placeholder={t('office.ui.datePlaceholder')}
                value={d.evidenceDate ? dayjs(d.evidenceDate) : null}
                onChange={(v) => o.setDraft({ ...d, evidenceDate: v ? v.format('YYYY-MM-DD') : null })}
              />
            </div>
          );
        return r.evidence || r.evidenceDate ? (
          <>
            <div className="rpd-office-evidence">{r.evidence}</div>
            {r.evidenceDate && <div className="rpd-time">{r.evidenceDate}</div>}
          </>
        ) : null;
      },
    },
    {
      title: t('office.ui.col.recorded'),
      key: 'recorded',
      width: 104,
      render: (_, r) =>
        r.recordedBy ? (
          <span className="rpd-time rpd-office-recorded">
            {r.recordedBy}
            <br />
            {formatTime(r.updatedAt, false)}
          </span>
        ) : null,
    },
    {
      title: t('office.ui.col.actions'),
      key: 'actions',
      width: 112,
      render: (_, r) =>
        o.draftOf(r) ? (
          <Space size={4} direction="vertical">
            <Button size="small" type="primary" loading={o.saving} onClick={() => o.commitEdit(r)}>
              {t('office.ui.save')}
            </Button>
            <Button size="small" onClick={o.cancelEdit}>
              {t('office.ui.cancel')}
            </Button>
          </Space>
        ) : o.locked ? null : (
          <Space size={0}>
            <Button size="small" type="link" onClick={() => o.startEdit(r)}>
              {t(r.value === null ? 'office.ui.edit' : 'office.ui.change')}
            </Button>
            {r.value !== null && (
              <Popconfirm
                title={t('office.ui.clearConfirm', { branch: r.branchName, indicator: r.indicatorName })}
                okText={t('office.ui.clear')}
                cancelText={t('office.ui.cancel')}
                onConfirm={() => o.clear(r)}
              >
                <Button size="small" type="link" danger>
                  {t('office.ui.clear')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ),
    },
  ];
}
