/**
 * The audit log (操作记录) of a period as a workbook: one row per change,
 * oldest first, with names instead of ids and values in words (“较好”,
 * “扣 2 次（原因）”, “目标 100，实际 95”), times in local time.
 */
import ExcelJS from 'exceljs';
import type { Indicator } from '../../shared/domain/framework';
import type { AuditEntity } from '../../shared/domain/scoring';
import type { WorkbookExportResult } from '../../shared/domain/workbook';
import { auditChange } from '../../shared/domain/audit-text';
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
  office: t('workbook.audit.entity.office'),
  panel: t('workbook.audit.entity.panel'),
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
    // The screen's wording (shared/domain/audit-text.ts): a changed measurement tells only what changed.
    const change = auditChange({ entity: r.entity, old: parse(r.old_json), new: parse(r.new_json) }, indicator);
    sheet.addRow([
      localTime(r.at),
      r.actor,
      ENTITY_LABELS[r.entity] ?? r.entity,
      r.action,
      r.rater_id === null ? null : (raters.get(r.rater_id) ?? t('workbook.audit.unknownRater', { id: r.rater_id })),
      r.branch_id === null ? null : (branches.get(r.branch_id) ?? t('workbook.audit.unknownBranch', { id: r.branch_id })),
      r.indicator_id === null ? null : indicator ? `${indicator.code} ${indicator.name}` : t('workbook.audit.unknownIndicator', { id: r.indicator_id }),
      blind && r.entity === 'score' && r.old_json !== null ? HIDDEN : change.old || null,
      blind && r.entity === 'score' && r.new_json !== null ? HIDDEN : change.new || null,
      r.reason || null,
    ]);
  }
  sheet.autoFilter = `A1:${columnLetter(AUDIT_EXPORT_COLUMNS.length)}1`;
  await writeWorkbook(wb, file);
  return { path: file, rows: rows.length };
}
