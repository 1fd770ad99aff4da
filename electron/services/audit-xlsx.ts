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

const ENTITY_LABELS: Record<AuditEntity, string> = { score: '评分', measurement: '业务数据', self: '自评', period: '考核周期', database: '数据库' };

export const AUDIT_EXPORT_COLUMNS = [
  { header: '时间', width: 20 },
  { header: '操作人', width: 22 },
  { header: '对象', width: 9 },
  { header: '操作', width: 24 },
  { header: '评委', width: 10 },
  { header: '支部', width: 26 },
  { header: '指标', width: 24 },
  { header: '原值', width: 30 },
  { header: '新值', width: 30 },
  { header: '原因', width: 30 },
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
      const parts = [`目标 ${num(v.target)}`, `实际 ${typeof v.actual === 'number' ? num(v.actual) : '—'}`];
      if (typeof v.floor === 'number') parts.push(`零分线 ${num(v.floor)}`);
      if (typeof v.source === 'string' && v.source) parts.push(`来源 ${v.source}`);
      return parts.join('，');
    }
    if (typeof v.saved === 'number') return `保存 ${v.saved} 条，删除 ${String(v.removed ?? 0)} 条，未变 ${String(v.unchanged ?? 0)} 条`;
  }
  return typeof v === 'string' ? v : JSON.stringify(v);
}

const HIDDEN = '（评分中，不显示）';

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
  const sheet = addTemplateSheet(wb, '操作记录', AUDIT_EXPORT_COLUMNS);
  for (const r of rows) {
    const indicator = r.indicator_id === null ? undefined : indicators.get(r.indicator_id);
    const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));
    sheet.addRow([
      localTime(r.at),
      r.actor,
      ENTITY_LABELS[r.entity] ?? r.entity,
      r.action,
      r.rater_id === null ? null : (raters.get(r.rater_id) ?? `评委（编号 ${r.rater_id}）`),
      r.branch_id === null ? null : (branches.get(r.branch_id) ?? `党支部（编号 ${r.branch_id}）`),
      r.indicator_id === null ? null : indicator ? `${indicator.code} ${indicator.name}` : `指标（编号 ${r.indicator_id}）`,
      blind && r.entity === 'score' && r.old_json !== null ? HIDDEN : valueText(r.entity, parse(r.old_json), indicator) || null,
      blind && r.entity === 'score' && r.new_json !== null ? HIDDEN : valueText(r.entity, parse(r.new_json), indicator) || null,
      r.reason || null,
    ]);
  }
  sheet.autoFilter = `A1:${columnLetter(AUDIT_EXPORT_COLUMNS.length)}1`;
  await writeWorkbook(wb, file);
  return { path: file, rows: rows.length };
}
