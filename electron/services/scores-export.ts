/**
 * Every entry of a period as one flat table (评分明细), for the office to filter and archive. Its own module: the
 * rater's score workbook (scores-xlsx.ts) is a different file with a different job.
 */
import ExcelJS from 'exceljs';
import { formatEntry } from '../../shared/domain/entry-text';
import type { WorkbookExportResult } from '../../shared/domain/workbook';
import { entryPoints, roundPoints } from '../../shared/engine';
import { t } from '../../shared/messages';
import type { Database } from '../db';
import { localTime } from './period-data';
import { loadPeriodScope } from './period-scope';
import { addTemplateSheet, columnLetter, writeWorkbook } from './xlsx';

const ENTERED_BY: Record<string, string> = {
  rater: t('workbook.scores.export.enteredBy.rater'),
  admin: t('workbook.scores.export.enteredBy.admin'),
  import: t('workbook.scores.export.enteredBy.import'),
};

export const SCORE_EXPORT_COLUMNS = [
  { header: t('workbook.scores.export.column.rater'), width: 10 },
  { header: t('workbook.scores.export.column.group'), width: 10 },
  { header: t('workbook.scores.export.column.branchCode'), width: 12 },
  { header: t('workbook.scores.export.column.branch'), width: 26 },
  { header: t('workbook.scores.export.column.indicatorCode'), width: 10 },
  { header: t('workbook.scores.export.column.indicator'), width: 24 },
  { header: t('workbook.scores.export.column.value'), width: 9 },
  { header: t('workbook.scores.export.column.points'), width: 8 },
  { header: t('workbook.scores.export.column.detail'), width: 40 },
  { header: t('workbook.scores.export.column.enteredBy'), width: 10 },
  { header: t('workbook.scores.export.column.updatedAt'), width: 20 },
] as const;

/** Every entry of the period as one flat table (callers check assertResultsVisible first). */
export async function exportScores(db: Database, periodId: number, file: string): Promise<WorkbookExportResult> {
  const { leaves } = loadPeriodScope(db, periodId);
  const leafOrder = new Map(leaves.map((l, i) => [l.id, i]));
  const leafById = new Map(leaves.map((l) => [l.id, l]));
  const rows = db
    .prepare<
      [number],
      { rater: string; grp: string; code: string; branch: string; indicator_id: number; value: number; detail_json: string | null; entered_by: string; updated_at: string; rpos: number; rater_id: number }
    >(
      `SELECT r.name AS rater, g.name AS grp, b.code, b.name AS branch, s.indicator_id, s.value, s.detail_json, s.entered_by, s.updated_at,
              r.position AS rpos, r.id AS rater_id
         FROM score s JOIN rater r ON r.id = s.rater_id JOIN rater_group g ON g.id = r.group_id JOIN branch b ON b.id = s.branch_id
        WHERE s.period_id = ?`,
    )
    .all(periodId)
    .sort((a, b) => a.rpos - b.rpos || a.rater_id - b.rater_id || a.code.localeCompare(b.code) || (leafOrder.get(a.indicator_id) ?? 0) - (leafOrder.get(b.indicator_id) ?? 0));
  const wb = new ExcelJS.Workbook();
  wb.creator = t('app.name');
  const sheet = addTemplateSheet(wb, t('workbook.scores.export.sheet'), SCORE_EXPORT_COLUMNS);
  for (const e of rows) {
    const leaf = leafById.get(e.indicator_id);
    const detail = e.detail_json ? (JSON.parse(e.detail_json) as string[]) : [];
    sheet.addRow([
      e.rater,
      e.grp,
      e.code,
      e.branch,
      leaf?.code ?? '',
      leaf?.name ?? '',
      leaf ? formatEntry(leaf.method, e.value) : e.value,
      leaf && leaf.method.kind !== 'veto' ? roundPoints(entryPoints(leaf.method, leaf.maxPoints, e.value)) : null,
      detail.join('；') || null,
      ENTERED_BY[e.entered_by] ?? e.entered_by,
      localTime(e.updated_at),
    ]);
  }
  sheet.autoFilter = `A1:${columnLetter(SCORE_EXPORT_COLUMNS.length)}1`;
  await writeWorkbook(wb, file);
  return { path: file, rows: rows.length };
}
