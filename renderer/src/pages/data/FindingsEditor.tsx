/**
 * 逐条核定 (细则 leaves, issue 11 §1): what the office found at one branch against the leaf's rules — each
 * finding with its rule, how many times, how much each time (the rule's amount, or within its range) and the
 * reason — with 依据 and its date. The running total says what the leaf scores (扣完为止 when it bites, a rule's
 * 最多扣分 when it caps), and what is wrong is said before saving, naming 第 n 条 and the rule. “检查无问题”
 * records 0: checked, nothing found.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Empty, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { MAX_COUNT, reasonTooShort } from '../../../../shared/domain/entry';
import { MAX_FINDINGS, ruleAmountInWords, ruleNumber } from '../../../../shared/domain/findings';
import type { OfficeRecordInput, OfficeRecordRow } from '../../../../shared/domain/office';
import { t } from '../../../../shared/messages';
import './findings.css';
import { countable, draftsOf, findingsOf, findingsSummary, num, withRule, type FindingDraft, type RulesMethod } from './findingsModel';

interface Props {
  row: OfficeRecordRow & { method: RulesMethod };
  /** 依据 offered when the record has none (批量填写依据). */
  preset: { evidence: string; evidenceDate: string | null } | undefined;
  saving: boolean;
  onSave: (input: OfficeRecordInput) => void;
  onCancel: () => void;
}

/** Figures as typed: 1 stays “1”, not “1.0” (the default pads to the step's decimals). */
const plain = (v: number | string | undefined, info: { userTyping: boolean; input: string }) =>
  info.userTyping ? info.input : v === undefined || v === null || v === '' ? '' : String(Number(v));

const blank = (): FindingDraft => ({ rule: null, count: null, amount: null, reason: '' });

export function FindingsEditor({ row, preset, saving, onSave, onCancel }: Props) {
  const m = row.method;
  const deduct = m.effect === 'deduct';
  const [drafts, setDrafts] = useState<FindingDraft[]>(() => draftsOf(row.findings, row.detail));
  const [evidence, setEvidence] = useState(row.evidence || preset?.evidence || '');
  const [evidenceDate, setEvidenceDate] = useState<string | null>(row.evidenceDate ?? (row.evidence ? null : (preset?.evidenceDate ?? null)));
  const [tried, setTried] = useState(false);
  /** The row just added: its 细则 choice takes the focus, so the next finding is typed without the mouse. */
  const [added, setAdded] = useState<number | null>(null);

  const set = (i: number, next: FindingDraft) => setDrafts((ds) => ds.map((d, j) => (j === i ? next : d)));
  const result = findingsOf(m, drafts);
  const summary = findingsSummary(m, row.maxPoints, countable(m, drafts));
  const where = `${row.branchCode} ${row.branchName}`;

  const send = (findings: OfficeRecordInput['findings'], detail: string[], value: number) =>
    onSave({ branchId: row.branchId, indicatorId: row.indicatorId, value, detail, findings, evidence: evidence.trim(), evidenceDate });
  const save = () => {
    setTried(true);
    if ('problem' in result) return;
    send(result.findings, result.detail, findingsSummary(m, row.maxPoints, result.findings).total);
  };
  const none = () => send([], [], 0);

  const ruleOptions = m.rules.map((r, i) => ({ value: i, label: `${ruleNumber(i)}${r.text}（${ruleAmountInWords(r, m.effect)}）` }));

  const noneButton = (
    <Button onClick={drafts.length === 0 ? none : undefined} loading={saving && drafts.length === 0} data-testid="findings-none">
      {t(deduct ? 'rules.ui.none' : 'rules.ui.none.add')}
    </Button>
  );

  return (
    <Modal
      open
      title={t('rules.ui.title', { indicator: `${row.indicatorCode} ${row.indicatorName}` })}
      width={980}
      style={{ top: 32 }}
      onCancel={onCancel}
      maskClosable={false}
      destroyOnHidden
      footer={
        <div className="rpd-findings-footer">
          {drafts.length === 0 ? (
            noneButton
          ) : (
            <Popconfirm
              title={t(deduct ? 'rules.ui.noneConfirm' : 'rules.ui.noneConfirm.add', { count: drafts.length })}
              okText={t(deduct ? 'rules.ui.none' : 'rules.ui.none.add')}
              cancelText={t('rules.ui.cancel')}
              onConfirm={none}
            >
              {noneButton}
            </Popconfirm>
          )}
          <Space>
            <Button onClick={onCancel}>{t('rules.ui.cancel')}</Button>
            <Button type="primary" loading={saving && drafts.length > 0} onClick={save} data-testid="findings-save">
              {t('rules.ui.save')}
            </Button>
          </Space>
        </div>
      }
    >
      {/* Enter saves, as in the office table (not while a list or a date is open, nor mid-IME); Esc cancels (the dialog's own). */}
      <div
        className="rpd-findings"
        data-testid="findings-editor"
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || e.nativeEvent.isComposing || (e.target as HTMLElement).closest('.ant-select, .ant-picker, button')) return;
          e.preventDefault();
          save();
        }}
      >
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('rules.ui.branch')}：</Typography.Text>
          <Typography.Text strong>{where}</Typography.Text>
        </Typography.Paragraph>
        <div className="rpd-findings-rules" aria-label={t('rules.ui.rulesHead')}>
          <div className="rpd-findings-head">{t('rules.ui.rulesHead')}</div>
          {m.rules.map((r, i) => (
            <div key={i}>
              {ruleNumber(i)}
              {r.text} <Typography.Text type="secondary">{ruleAmountInWords(r, m.effect)}</Typography.Text>
            </div>
          ))}
        </div>

        <div className="rpd-findings-head">{t(deduct ? 'rules.ui.findings' : 'rules.ui.findings.add')}</div>
        <Table<FindingDraft>
          size="small"
          className="rpd-findings-table"
          rowKey={(_, i) => String(i)}
          pagination={false}
          dataSource={drafts}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(deduct ? 'rules.ui.emptyFindings' : 'rules.ui.emptyFindings.add')} /> }}
          columns={[
            { title: '#', key: 'n', width: 36, render: (_, _d, i) => i + 1 },
            {
              title: t('rules.ui.col.rule'),
              key: 'rule',
              render: (_, d, i) => (
                <Select
                  style={{ width: '100%' }}
                  aria-label={t('rules.ui.col.rule')}
                  placeholder={t('rules.ui.rulePlaceholder')}
                  value={d.rule ?? undefined}
                  autoFocus={i === added}
                  onChange={(v: number) => set(i, withRule(m, d, v))}
                  options={ruleOptions}
                  showSearch={{ optionFilterProp: 'label' }}
                  popupMatchSelectWidth={false}
                  status={tried && d.rule === null ? 'error' : undefined}
                />
              ),
            },
            {
              title: t('rules.ui.col.count'),
              key: 'count',
              width: 84,
              render: (_, d, i) => {
                const rule = d.rule === null ? undefined : m.rules[d.rule];
                return (
                  <InputNumber
                    aria-label={t('rules.ui.col.count')}
                    min={1}
                    max={MAX_COUNT}
                    precision={0}
                    style={{ width: 72 }}
                    disabled={!rule || rule.basis === 'once'}
                    value={d.count}
                    onChange={(v) => set(i, { ...d, count: typeof v === 'number' ? v : null })}
                  />
                );
              },
            },
            {
              title: t('rules.ui.col.amount'),
              key: 'amount',
              width: 104,
              render: (_, d, i) => {
                const rule = d.rule === null ? undefined : m.rules[d.rule];
                const outside = rule && d.amount !== null && (d.amount < rule.min || d.amount > rule.max);
                return (
                  // No min/max on the input: a figure outside the range is shown as wrong and named, not silently changed.
                  <InputNumber
                    aria-label={t('rules.ui.col.amount')}
                    step={0.5}
                    formatter={plain}
                    style={{ width: 92 }}
                    disabled={!rule || rule.min === rule.max}
                    placeholder={rule ? t('rules.ui.amountRange', { min: num(rule.min), max: num(rule.max) }) : undefined}
                    status={outside || (tried && rule && d.amount === null) ? 'error' : undefined}
                    value={d.amount}
                    onChange={(v) => set(i, { ...d, amount: typeof v === 'number' ? v : null })}
                  />
                );
              },
            },
            {
              title: t('rules.ui.col.subtotal'),
              key: 'sub',
              width: 88,
              render: (_, d) => (d.count !== null && d.amount !== null ? t(deduct ? 'rules.ui.total.deduct' : 'rules.ui.total.add', { points: num(d.count * d.amount) }) : '—'),
            },
            {
              title: t('rules.ui.col.reason'),
              key: 'reason',
              width: 288,
              render: (_, d, i) => (
                <Input
                  aria-label={t('rules.ui.col.reason')}
                  maxLength={200}
                  placeholder={t(deduct ? 'rules.ui.reasonPlaceholder' : 'rules.ui.reasonPlaceholder.add')}
                  value={d.reason}
                  status={(tried && d.reason.trim() === '') || reasonTooShort(d.reason) ? 'error' : undefined}
                  onChange={(e) => set(i, { ...d, reason: e.target.value })}
                />
              ),
            },
            {
              title: '',
              key: 'remove',
              width: 40,
              render: (_, _d, i) => (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('rules.ui.removeFinding', { n: i + 1 })}
                  title={t('rules.ui.removeFinding', { n: i + 1 })}
                  onClick={() => setDrafts((ds) => ds.filter((_x, j) => j !== i))}
                />
              ),
            },
          ]}
        />
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          disabled={drafts.length >= MAX_FINDINGS}
          // One rule: nothing to choose.
          onClick={() => {
            setAdded(drafts.length);
            setDrafts((ds) => [...ds, m.rules.length === 1 ? withRule(m, blank(), 0) : blank()]);
          }}
        >
          {t('rules.ui.addFinding')}
        </Button>

        <div className="rpd-findings-evidence">
          <label>
            <span>{t('rules.ui.evidence')}</span>
            <Input
              aria-label={t('rules.ui.evidence')}
              maxLength={200}
              placeholder={t('office.ui.evidencePlaceholder')}
              value={evidence}
              onChange={(e) => setEvidence(e.target.value)}
              style={{ width: 360 }}
            />
          </label>
          <label>
            <span>{t('rules.ui.evidenceDate')}</span>
            <DatePicker
              aria-label={t('rules.ui.evidenceDate')}
              placeholder={t('office.ui.datePlaceholder')}
              value={evidenceDate ? dayjs(evidenceDate) : null}
              onChange={(v) => setEvidenceDate(v ? v.format('YYYY-MM-DD') : null)}
            />
          </label>
        </div>

        <Alert
          className="rpd-findings-sum"
          type={summary.points === 0 && summary.total > 0 && deduct ? 'warning' : 'info'}
          showIcon
          data-testid="findings-sum"
          title={
            <>
              {summary.text}
              {summary.capped.length > 0 && <Typography.Text type="secondary">（{summary.capped.join('；')}）</Typography.Text>}
            </>
          }
        />
        {'problem' in result && drafts.length > 0 && (
          <Alert className="rpd-findings-problem" type={tried ? 'error' : 'warning'} showIcon data-testid="findings-problem" title={result.problem} />
        )}
      </div>
    </Modal>
  );
}
