/**
 * The reasons a value needs, one per line: a reason per deduction
 * occurrence, a description per bonus item, the reason of a triggered veto.
 * Keyboard: Enter goes to the next line (and confirms on the last),
 * Ctrl+Enter confirms, Esc cancels. Every line is required, and a line of
 * one character is refused (entry.ts `reasonTooShort`: the service refuses it too).
 */
import { Button, Input, Space, Typography } from 'antd';
import { useRef, useState, type KeyboardEvent } from 'react';
import { reasonTooShort } from '../../../../shared/domain/entry';
import { t } from '../../../../shared/messages';
import { fmt, type LeafRow, type SheetBranch } from './model';

export interface DetailEditorProps {
  row: LeafRow;
  branch: SheetBranch;
  value: number;
  initial: string[];
  onOk: (reasons: string[]) => void;
  onCancel: () => void;
}

export function DetailEditor({ row, branch, value, initial, onOk, onCancel }: DetailEditorProps) {
  const [lines, setLines] = useState(initial);
  const [showMissing, setShowMissing] = useState(false);
  const [tooShort, setTooShort] = useState<string | null>(null);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const method = row.method;
  const firstEmpty = Math.max(0, initial.findIndex((l) => !l.trim()));

  const title =
    method.kind === 'deduction' ? t('scoring.detail.deduction') : method.kind === 'bonus' ? t('scoring.detail.bonus') : t('scoring.detail.veto');
  const summary =
    method.kind === 'deduction'
      ? t('scoring.detail.summary.deduction', {
          count: value,
          per: fmt(method.perOccurrence),
          total: fmt(Math.min(row.leaf.maxPoints, value * method.perOccurrence)),
        })
      : method.kind === 'bonus'
        ? t('scoring.detail.summary.bonus', { count: value, per: fmt(method.perItem) })
        : t('scoring.detail.summary.veto');
  const label = (i: number) =>
    method.kind === 'deduction'
      ? t('scoring.detail.itemDeduction', { n: i + 1 })
      : method.kind === 'bonus'
        ? t('scoring.detail.itemBonus', { n: i + 1 })
        : t('scoring.detail.itemVeto');

  const confirm = () => {
    setTooShort(null);
    const missing = lines.findIndex((l) => !l.trim());
    if (missing >= 0) {
      setShowMissing(true);
      inputs.current[missing]?.focus();
      return;
    }
    const short = lines.findIndex(reasonTooShort);
    if (short >= 0) {
      setTooShort(t('scoring.reason.tooShort', { text: lines[short]!.trim() }));
      inputs.current[short]?.focus();
      return;
    }
    onOk(lines.map((l) => l.trim()));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, i: number) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (e.ctrlKey || e.metaKey || i === lines.length - 1) confirm();
      else inputs.current[i + 1]?.focus();
    }
  };

  return (
    <div className="rp-detail-editor" data-testid="detail-editor" role="dialog" aria-label={title}>
      <Typography.Text strong>
        {title} · {row.leaf.code} {row.leaf.name} · {branch.code}
      </Typography.Text>
      <div className="rp-detail-summary">{summary}</div>
      <div className="rp-detail-lines">
        {lines.map((line, i) => (
          <label key={i} className="rp-detail-line">
            <span>{label(i)}</span>
            <Input
              ref={(el) => {
                inputs.current[i] = el?.input ?? null;
              }}
              autoFocus={i === firstEmpty}
              value={line}
              maxLength={200}
              status={(showMissing && !line.trim()) || (tooShort && reasonTooShort(line)) ? 'error' : undefined}
              aria-label={label(i)}
              onChange={(e) => setLines((ls) => ls.map((l, j) => (j === i ? e.target.value : l)))}
              onKeyDown={(e) => onKeyDown(e, i)}
            />
          </label>
        ))}
      </div>
      {showMissing ? <div className="rp-detail-missing">{t('scoring.detail.required')}</div> : null}
      {tooShort ? (
        <div className="rp-detail-missing" role="alert" data-testid="detail-too-short">
          {tooShort}
        </div>
      ) : null}
      <div className="rp-detail-foot">
        <Typography.Text type="secondary">{t('scoring.detail.keys')}</Typography.Text>
        <Space>
          <Button size="small" onClick={onCancel}>
            {t('scoring.detail.cancel')}
          </Button>
          <Button size="small" type="primary" onClick={confirm}>
            {t('scoring.detail.ok')}
          </Button>
        </Space>
      </div>
    </div>
  );
}
