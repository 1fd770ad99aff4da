/**
 * The grade scheme as the framework's dialog edits it (GradeSchemeEditor.tsx): rows of 等次 / 最低分 / 名额上限 (in
 * percent), to and from the stored scheme, and what is wrong with them — settingsProblems' rules in the period
 * settings form's words, on the row they name.
 */
import type { GradeScheme } from '../../../../shared/domain/framework';
import { settingsProblems } from '../../../../shared/domain/period';
import { t } from '../../../../shared/messages';

/** One row as edited: the quota in percent (15 for 15%), null = no quota; min null = not filled yet. */
export interface GradeSchemeRow {
  label: string;
  min: number | null;
  quota: number | null;
}

/** A share as the percent the editor shows: 0.15 → 15 (not 15.000000000000002). */
export const percentOf = (share: number) => Math.round(share * 1e6) / 1e4;

/** The rows of a stored scheme; null (the app's defaults) stays null. */
export function schemeRows(scheme: GradeScheme | null): GradeSchemeRow[] | null {
  if (scheme === null) return null;
  return scheme.grades.map((g) => {
    const quota = scheme.quotas.find((q) => q.label === g.label);
    return { label: g.label, min: g.min, quota: quota ? percentOf(quota.maxShare) : null };
  });
}

/** The scheme the rows say (the last grade's minimum is 0: it takes everything below the others). */
export function rowsScheme(rows: readonly GradeSchemeRow[]): GradeScheme {
  return {
    grades: rows.map((r, i) => ({ label: r.label.trim(), min: i === rows.length - 1 ? 0 : (r.min ?? 0) })),
    quotas: rows.filter((r) => r.quota !== null).map((r) => ({ label: r.label.trim(), maxShare: Math.round(r.quota! * 1e4) / 1e6 })),
  };
}

/** What is wrong with the rows: per row (by index), and about the list as a whole. */
export function rowProblems(rows: readonly GradeSchemeRow[]): { byRow: Map<number, string[]>; list: string[] } {
  const byRow = new Map<number, string[]>();
  const list: string[] = [];
  const at = (i: number, message: string) => byRow.set(i, [...(byRow.get(i) ?? []), message]);
  rows.forEach((r, i) => {
    if (r.label.trim() === '') at(i, t('settings.grades.labelRequired'));
    if (r.min === null && i < rows.length - 1) at(i, t('settings.grades.minRequired'));
  });
  const quotaRows = rows.flatMap((r, i) => (r.quota === null ? [] : [i]));
  const scheme = rowsScheme(rows);
  for (const p of settingsProblems(scheme.grades, scheme.quotas)) {
    const message = t(p.key, { label: p.label ?? '' });
    const i = p.path[1];
    if (typeof i !== 'number') list.push(message);
    else at(p.path[0] === 'quotas' ? quotaRows[i]! : i, message);
  }
  return { byRow, list };
}
