/**
 * A logged value in words, one wording for the 操作记录 screen and the audit
 * export (electron/services/audit-xlsx.ts): “较好（说明）”, “扣 2 次（原因）”,
 * “目标 100，实际 95”, an office finding with its 依据, a rater group or a rater
 * of the panel, changed settings, a period's status by its label. For a changed
 * measurement only what changed is told.
 */
import { describeEntry } from './entry-text';
import { findingInWords, type Finding } from './findings';
import type { Indicator } from './framework';
import { PERIOD_STATUS_LABELS, type PeriodStatus } from './period';
import type { AuditRow } from './scoring';
import { t } from '../messages';

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

/** A rater group (“考评组，权重 2”) or a rater (“王建国（考评组，组长），所在支部 HG-02，回避 HG-01（原因）”). */
function panelText(v: Record<string, unknown>): string {
  // 分工评分: the scope is logged in words already (“只评 3 安全环保”), absent for the whole framework.
  const scope = typeof v.scope === 'string' && v.scope ? [t('data.audit.panel.scope', { scope: v.scope })] : [];
  if (typeof v.weight === 'number') return [t('data.audit.panel.group', { name: String(v.name), weight: num(v.weight) }), ...scope].join('，');
  const who = [v.group, v.title].filter((x) => typeof x === 'string' && x).join('，');
  const parts = [who ? `${String(v.name)}（${who}）` : String(v.name)];
  if (typeof v.branch === 'string') parts.push(t('data.audit.panel.branch', { code: v.branch }));
  if (Array.isArray(v.recusals) && v.recusals.length) parts.push(t('data.audit.panel.recusals', { list: v.recusals.map(String).join('、') }));
  return [...parts, ...scope].join('，');
}

/** Changed period fields and settings: the grades by label and threshold, anything else by its key and value. */
function settingsText(settings: Record<string, unknown>, v: Record<string, unknown>): string {
  const parts = (['name', 'year', 'kind'] as const).filter((k) => k in v).map((k) => `${k}=${String(v[k])}`);
  for (const [key, value] of Object.entries(settings)) {
    if (key === 'grades' && Array.isArray(value)) {
      const grades = value.filter(isObject).map((g) => (typeof g.min === 'number' ? `${String(g.label)} ≥${num(g.min)}` : String(g.label)));
      parts.push(t('data.audit.settings.grades', { grades: grades.join('、') }));
    } else parts.push(`${key}=${JSON.stringify(value)}`);
  }
  return parts.join('；');
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
    if (entity === 'office' && typeof v.value === 'number') {
      const main = indicator?.method ? describeEntry(indicator.method, v.value) : num(v.value);
      const detail = Array.isArray(v.detail) ? v.detail.map(String) : [];
      // A 细则 leaf's findings say which rule each reason is about: “①未按时召开支委会，扣1分：7月未召开”.
      const method = indicator?.method;
      const reasons =
        method?.kind === 'rules' && Array.isArray(v.findings)
          ? (v.findings as Finding[]).map((f, i) => findingInWords(method, f, detail[i] ?? '')).join('；')
          : detail.join('；');
      const date = typeof v.evidenceDate === 'string' ? `（${v.evidenceDate}）` : '';
      const evidence = typeof v.evidence === 'string' && v.evidence ? t('workbook.audit.value.evidence', { evidence: v.evidence, date }) : '';
      return [reasons ? `${main}（${reasons}）` : main, evidence].filter(Boolean).join('，');
    }
    if (entity === 'panel' && typeof v.name === 'string') return panelText(v);
    if (entity === 'period' && isObject(v.settings)) return settingsText(v.settings, v);
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
