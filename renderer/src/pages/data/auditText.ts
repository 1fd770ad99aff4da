/**
 * A logged value in words, as the audit export writes it (electron's
 * audit-xlsx): “较好（说明）”, “扣 2 次（原因）”, “目标 100，实际 95”, a period's
 * status by its label. For a changed measurement only what changed is told.
 */
import { describeEntry } from '../../../../shared/domain/entry-text';
import type { Indicator } from '../../../../shared/domain/framework';
import { PERIOD_STATUS_LABELS, type PeriodStatus } from '../../../../shared/domain/period';
import type { AuditRow } from '../../../../shared/domain/scoring';
import { t } from '../../../../shared/messages';

type Entity = AuditRow['entity'];

const num = (x: number) => String(Number(x.toPrecision(12)));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const MEASUREMENT_PARTS = ['target', 'actual', 'floor', 'source'] as const;
type Part = (typeof MEASUREMENT_PARTS)[number];

function measurementPart(part: Part, v: Record<string, unknown>): string | null {
  const x = v[part];
  if (part === 'source') return typeof x === 'string' && x ? t('data.audit.part.source', { value: x }) : null;
  if (part === 'actual') return t('data.audit.part.actual', { value: typeof x === 'number' ? num(x) : '—' });
  if (typeof x !== 'number') return part === 'floor' ? null : t(`data.audit.part.${part}`, { value: '—' });
  return t(`data.audit.part.${part}`, { value: num(x) });
}

/** One logged value in words; '' when there is none. */
export function auditValueText(entity: Entity, v: unknown, indicator: Indicator | undefined): string {
  if (v === null || v === undefined) return '';
  if (entity === 'period' && typeof v === 'string') return PERIOD_STATUS_LABELS[v as PeriodStatus] ?? v;
  if (isObject(v)) {
    if ((entity === 'score' || entity === 'self') && typeof v.value === 'number') {
      const main = indicator?.method ? describeEntry(indicator.method, v.value) : num(v.value);
      const extra = entity === 'score' ? (Array.isArray(v.detail) ? v.detail.map(String).join('；') : '') : typeof v.note === 'string' ? v.note : '';
      return extra ? `${main}（${extra}）` : main;
    }
    if (entity === 'measurement' && typeof v.target === 'number') {
      return MEASUREMENT_PARTS.map((p) => measurementPart(p, v))
        .filter((s) => s !== null)
        .join('，');
    }
    if (typeof v.saved === 'number') {
      return t('data.audit.batch', { saved: v.saved, removed: Number(v.removed ?? 0), unchanged: Number(v.unchanged ?? 0) });
    }
  }
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Old and new in words; for a measurement changed in place, only the parts that changed. */
export function auditChange(row: Pick<AuditRow, 'entity' | 'old' | 'new'>, indicator: Indicator | undefined): { old: string; new: string } {
  if (row.entity === 'measurement' && isObject(row.old) && isObject(row.new)) {
    const o = row.old;
    const n = row.new;
    const changed = MEASUREMENT_PARTS.filter((p) => (o[p] ?? null) !== (n[p] ?? null));
    if (changed.length > 0) {
      const side = (v: Record<string, unknown>) =>
        changed.map((p) => measurementPart(p, v) ?? t(`data.audit.part.${p}`, { value: '—' })).join('，');
      return { old: side(o), new: side(n) };
    }
  }
  return { old: auditValueText(row.entity, row.old, indicator), new: auditValueText(row.entity, row.new, indicator) };
}
