/**
 * The audit log (操作记录) of a period as a workbook: one row per change,
 * oldest first, with names instead of ids and values in words (“较好”,
 * “扣 2 次（原因）”, “目标 100，实际 95”), times in local time.
 */
import ExcelJS from 'exceljs';
import type { Indicator } from '../../shared/domain/framework';
import { PERIOD_STATUS_LABELS, type PeriodStatus } from '../../shared/domain/period';
import type { AuditEntity } from '../../shared/domain/scoring';
import type { WorkbookExportResult } from '../../shared/domain/workbook';
import { describeEntry } from '../../shared/domain/entry-text';
import { t } from '../../shared/messages';
import type { Database } from '../db';
import { toIndicator } from './frameworks';
import { getPeriod } from './periods';
import { localTime } from './period-data';
import { addTemplateSheet, columnLetter, writeWorkbook } from './xlsx';

const ENTITY_LABELS: Record<AuditEntity, string> = {
  score: t('workbook.audit.entity.score'),
  measurement: t('workbook.audit.entity.measurement'),
  self: t('workbook.audit.entity.self'),
  period: t('workbook.audit.entity.period'),
  database: t('workbook.audit.entity.database'),
  session: t('workbook.audit.entity.session'),
};

export const AUDIT_EXPORT_COLUMNS = [
  { header: t('workbook.audit.column.time'), width: 20 },
  { header: t('workbook.audit.column.actor'), width: 22 },
  { header: t('workbook.audit.column.entity'), width: 9 },
  { header: t('workbook.audit.column.action'), width: 24 },
  { header: t('workbook.audit.column.rater'), width: 10 },
  { header: t('workbook.audit.column.branch'), width: 26 },
  { header: t('workbook.audit.column.indicator'), width: 24 },
  { header: t('workbook.audit.column.old'), width: 30 },
  { header: t('workbook.audit.column.new'), width: 30 },
  { header: t('workbook.audit.column.reason'), width: 30 },
] as const;

const num = (x: number) => String(Number(x.toPrecision(12)));
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A logged value in words, by what the row is about. */
function valueText(entity: AuditEntity, v: unknown, indicator: Indicator | undefined): string {
  if (v === null || v === undefined) return '';
  if (entity === 'period' && typeof v === 'string') return PERIOD_STATUS_LABELS[v as PeriodStatus] ?? v;
  if (isObject(v)) {
    if ((entity === 'score' || entity === 'self') && typeof v.value === 'number') {
      const main = indicator?.method ? describeEntry(indicator.method, v.value) : num(v.value);
      const extra = entity === 'score' ? (Array.isArray(v.detail) ? v.detail.map(String).join('；') : '') : typeof v.note === 'string' ? v.note : '';
      return extra ? `${main}（${extra}）` : main;
    }
    if (entity === 'measurement' && typeof v.target === 'number') {
      const parts = [
        t('workbook.audit.value.target', { value: num(v.target) }),
        t('workbook.audit.value.actual', { value: typeof v.actual === 'number' ? num(v.actual) : '—' }),
      ];
      if (typeof v.floor === 'number') parts.push(t('workbook.audit.value.floor', { value: num(v.floor) }));
      if (typeof v.source === 'string' && v.source) parts.push(t('workbook.audit.value.source', { source: v.source }));
      return parts.join('，');
    }
    if (typeof v.saved === 'number') return t('workbook.audit.value.batch', { saved: v.saved, removed: String(v.removed ?? 0), unchanged: String(v.unchanged ?? 0) });
  }
  return typeof v === 'string' ? v : JSON.stringify(v);
}

const HIDDEN = t('workbook.audit.hidden');

/** Writes the period's audit log, oldest first. */
export async function exportAudit(db: Database, periodId: number, file: string): Promise<WorkbookExportResult> {
  // While scoring is open the values of entries stay hidden, in the export as on screen.
  const blind = ['draft', 'scoring'].includes(getPeriod(db, periodId).status);
  const rows = db
    .prepare<
      [number],
      {
        at: string;
        actor: string;
        entity: AuditEntity;
        action: string;
        rater_id: number | null;
        branch_id: number | null;
        indicator_id: number | null;
        old_json: string | null;
        new_json: string | null;
        reason: string;
      }
    >('SELECT at, actor, entity, action, rater_id, branch_id, indicator_id, old_json, new_json, reason FROM audit WHERE period_id = ? ORDER BY id')
    .all(periodId);
  const raters = new Map(db.prepare<[], { id: number; name: string }>('SELECT id, name FROM rater').all().map((r) => [r.id, r.name]));
  const branches = new Map(db.prepare<[], { id: number; code: string; name: string }>('SELECT id, code, name FROM branch').all().map((b) => [b.id, `${b.code} ${b.name}`]));
  const wanted = [...new Set(rows.map((r) => r.indicator_id).filter((id): id is number => id !== null))];
  const indicators = new Map<number, Indicator>();
  const one = db.prepare<[number], Parameters<typeof toIndicator>[0]>('SELECT * FROM indicator WHERE id = ?');
  for (const id of wanted) {
    const row = one.get(id);
    if (row) indicators.set(id, toIndicator(row));
  }

  const wb = new ExcelJS.Workbook();
  wb.creator = t('app.name');
  const sheet = addTemplateSheet(wb, t('workbook.audit.sheet'), AUDIT_EXPORT_COLUMNS);
  for (const r of rows) {
    const indicator = r.indicator_id === null ? undefined : indicators.get(r.indicator_id);
    const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));
    sheet.addRow([
      localTime(r.at),
      r.actor,
      ENTITY_LABELS[r.entity] ?? r.entity,
      r.action,
      r.rater_id === null ? null : (raters.get(r.rater_id) ?? t('workbook.audit.unknownRater', { id: r.rater_id })),
      r.branch_id === null ? null : (branches.get(r.branch_id) ?? t('workbook.audit.unknownBranch', { id: r.branch_id })),
      r.indicator_id === null ? null : indicator ? `${indicator.code} ${indicator.name}` : t('workbook.audit.unknownIndicator', { id: r.indicator_id }),
      blind && r.entity === 'score' && r.old_json !== null ? HIDDEN : valueText(r.entity, parse(r.old_json), indicator) || null,
      blind && r.entity === 'score' && r.new_json !== null ? HIDDEN : valueText(r.entity, parse(r.new_json), indicator) || null,
      r.reason || null,
    ]);
  }
  sheet.autoFilter = `A1:${columnLetter(AUDIT_EXPORT_COLUMNS.length)}1`;
  await writeWorkbook(wb, file);
  return { path: file, rows: rows.length };
}
