/**
 * Periods (考核周期): their framework version, branches in scope, settings
 * and the draft → scoring → review → finalised lifecycle (moving on is in
 * period-steps.ts: its gates read the whole period, which reads this module).
 */
import {
  PeriodSettings,
  PeriodSettingsFields,
  type PeriodKind,
  type PeriodSettingsInput,
  type PeriodStatus,
} from '../../shared/domain/period';
import type { Period } from '../../shared/domain/views';
import { inTransaction, withAuditContext, type Database } from '../db';
import { SYSTEM, type Actor } from './actor';
import { auditWriter } from './audit';
import { frameworkGradeScheme } from './frameworks';
import { t } from '../../shared/messages';
import { AppError } from '../errors';


interface PeriodRow {
  id: number;
  name: string;
  year: number;
  kind: PeriodKind;
  framework_id: number;
  framework_name: string;
  framework_version: number;
  status: PeriodStatus;
  settings_json: string;
  branch_count: number;
  rater_count: number;
  entry_count: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

const SELECT_PERIOD = `
  SELECT p.*, f.name AS framework_name, f.version AS framework_version,
         (SELECT count(*) FROM period_branch pb WHERE pb.period_id = p.id) AS branch_count,
         (SELECT count(*) FROM rater r WHERE r.period_id = p.id) AS rater_count,
         (SELECT count(*) FROM score s WHERE s.period_id = p.id) AS entry_count
    FROM period p JOIN framework f ON f.id = p.framework_id`;

const toPeriod = (r: PeriodRow): Period => ({
  id: r.id,
  name: r.name,
  year: r.year,
  kind: r.kind,
  frameworkId: r.framework_id,
  frameworkName: r.framework_name,
  frameworkVersion: r.framework_version,
  status: r.status,
  settings: PeriodSettingsFields.parse(JSON.parse(r.settings_json)),
  branchCount: r.branch_count,
  raterCount: r.rater_count,
  entryCount: r.entry_count,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  archivedAt: r.archived_at,
});

export type { Period };


/** The periods in use; archived ones (kept for their history) only when asked for. */
export function listPeriods(db: Database, options: { includeArchived?: boolean } = {}): Period[] {
  return db
    .prepare<[number], PeriodRow>(`${SELECT_PERIOD} WHERE (? = 1 OR p.archived_at IS NULL) ORDER BY p.year DESC, p.id DESC`)
    .all(options.includeArchived ? 1 : 0)
    .map(toPeriod);
}

export function getPeriod(db: Database, id: number): Period {
  const row = db.prepare<[number], PeriodRow>(`${SELECT_PERIOD} WHERE p.id = ?`).get(id);
  if (!row) throw new AppError('not_found', t('error.period.notFound', { id }));
  return toPeriod(row);
}

/** A period's framework and settings only: what computing it needs, without counting its entries. */
export function periodRules(db: Database, id: number): { frameworkId: number; settings: PeriodSettings } {
  const row = db.prepare<[number], { framework_id: number; settings_json: string }>('SELECT framework_id, settings_json FROM period WHERE id = ?').get(id);
  if (!row) throw new AppError('not_found', t('error.period.notFound', { id }));
  return { frameworkId: row.framework_id, settings: PeriodSettingsFields.parse(JSON.parse(row.settings_json)) };
}

/** A period's phase alone (what a call's phase rule needs, on every autosave: no counting). */
export function periodStatus(db: Database, id: number): PeriodStatus {
  const row = db.prepare<[number], { status: PeriodStatus }>('SELECT status FROM period WHERE id = ?').get(id);
  if (!row) throw new AppError('not_found', t('error.period.notFound', { id }));
  return row.status;
}

export function periodBranchIds(db: Database, periodId: number): number[] {
  return db
    .prepare<[number], { branch_id: number }>(
      'SELECT pb.branch_id FROM period_branch pb JOIN branch b ON b.id = pb.branch_id WHERE pb.period_id = ? ORDER BY b.code',
    )
    .all(periodId)
    .map((r) => r.branch_id);
}

/** Refuses changes to a finalised period (until reopened) and to an archived one (kept only for its history). */
export function assertPeriodEditable(period: Period): void {
  if (period.archivedAt) {
    throw new AppError('conflict', t('error.period.archived', { name: period.name }));
  }
  if (period.status === 'finalised') {
    throw new AppError('conflict', t('error.period.finalised', { name: period.name }));
  }
}

export interface PeriodInput {
  name: string;
  year: number;
  kind: PeriodKind;
  frameworkId: number;
  /** Branches in scope; null: every branch in use. */
  branchIds: number[] | null;
  settings: PeriodSettingsInput;
  /** Copy the panel (groups, raters, recusals) of an earlier period. */
  copyPanelFrom?: number | null;
}

/** Settings checked by every rule (shared/domain/period.ts), or refused with what is wrong in the user's words. */
function acceptedSettings(input: PeriodSettingsInput): PeriodSettings {
  const parsed = PeriodSettings.safeParse(input);
  if (!parsed.success) throw new AppError('validation', parsed.error.issues.map((i) => i.message).join('；'));
  return parsed.data;
}

/**
 * A new period on a framework. Settings that give neither grades nor quotas take the framework's grade scheme
 * (issue 11 §8: the 等次 its 考核细则 state), else the app's defaults; grades or quotas given explicitly win.
 */
export function createPeriod(db: Database, input: PeriodInput, now: Date): Period {
  const stamp = now.toISOString();
  if (!db.prepare('SELECT 1 FROM framework WHERE id = ?').get(input.frameworkId)) {
    throw new AppError('validation', t('error.period.frameworkRequired'));
  }
  const scheme = input.settings.grades === undefined && input.settings.quotas === undefined ? frameworkGradeScheme(db, input.frameworkId) : null;
  const settings = acceptedSettings(scheme ? { ...input.settings, grades: scheme.grades, quotas: scheme.quotas } : input.settings);
  if (input.copyPanelFrom && !db.prepare('SELECT 1 FROM period WHERE id = ?').get(input.copyPanelFrom)) {
    throw new AppError('not_found', t('error.period.copyPanelFromNotFound', { id: input.copyPanelFrom }), [{ field: 'copyPanelFrom', message: t('error.period.copyPanelFromMissing') }]);
  }
  const id = inTransaction(db, () => {
    const info = db
      .prepare('INSERT INTO period (name, year, kind, framework_id, status, settings_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(input.name.trim(), input.year, input.kind, input.frameworkId, 'draft', JSON.stringify(settings), stamp, stamp);
    const periodId = Number(info.lastInsertRowid);
    const branchIds =
      input.branchIds ??
      db.prepare<[], { id: number }>('SELECT id FROM branch WHERE archived_at IS NULL ORDER BY code').all().map((r) => r.id);
    writeBranches(db, periodId, branchIds);
    if (input.copyPanelFrom) copyPanel(db, input.copyPanelFrom, periodId);
    return periodId;
  });
  return getPeriod(db, id);
}

function writeBranches(db: Database, periodId: number, branchIds: readonly number[]): void {
  const known = new Set(db.prepare<[], { id: number }>('SELECT id FROM branch').all().map((r) => r.id));
  const unknown = branchIds.filter((b) => !known.has(b));
  if (unknown.length) throw new AppError('validation', t('error.period.branchesNotFound', { ids: unknown.join('、') }));
  const insert = db.prepare('INSERT OR IGNORE INTO period_branch (period_id, branch_id) VALUES (?, ?)');
  for (const b of branchIds) insert.run(periodId, b);
}

function copyPanel(db: Database, fromPeriodId: number, toPeriodId: number): void {
  const groups = db
    .prepare<[number], { id: number; name: string; weight: number; position: number; combine: string | null; trim_min_raters: number | null; scope_json: string | null }>(
      'SELECT * FROM rater_group WHERE period_id = ? ORDER BY position, id',
    )
    .all(fromPeriodId);
  const groupMap = new Map<number, number>();
  for (const g of groups) {
    // The group's own combination rule (issue 11 §5) and its 分工 (§6, by indicator code) go with it: a copied panel
    // computes as the original did; a code the new period's framework lacks is refused at 开始评分 as a leaf nobody scores.
    const info = db
      .prepare('INSERT INTO rater_group (period_id, name, weight, position, combine, trim_min_raters, scope_json) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(toPeriodId, g.name, g.weight, g.position, g.combine, g.trim_min_raters, g.scope_json);
    groupMap.set(g.id, Number(info.lastInsertRowid));
  }
  const raters = db
    .prepare<[number], { id: number; group_id: number; name: string; title: string; branch_id: number | null; position: number; scope_json: string | null }>(
      'SELECT * FROM rater WHERE period_id = ? ORDER BY position, id',
    )
    .all(fromPeriodId);
  for (const r of raters) {
    const info = db
      .prepare('INSERT INTO rater (period_id, group_id, name, title, branch_id, position, scope_json) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(toPeriodId, groupMap.get(r.group_id)!, r.name, r.title, r.branch_id, r.position, r.scope_json);
    db.prepare('INSERT INTO recusal (rater_id, branch_id, reason) SELECT ?, branch_id, reason FROM recusal WHERE rater_id = ?').run(
      Number(info.lastInsertRowid),
      r.id,
    );
  }
}

export function updatePeriod(
  db: Database,
  id: number,
  patch: { name: string; year: number; kind: PeriodKind; settings: PeriodSettingsInput },
  now: Date,
  actor: Actor = SYSTEM,
): Period {
  const period = getPeriod(db, id);
  assertPeriodEditable(period);
  const settings = acceptedSettings(patch.settings);
  const next = { name: patch.name.trim(), year: patch.year, kind: patch.kind };
  // The settings decide how every figure is computed (combination, grades, caps): each change is logged, old → new.
  const changedKeys = (Object.keys(settings) as (keyof typeof settings)[]).filter((k) => JSON.stringify(settings[k]) !== JSON.stringify(period.settings[k]));
  const fields = [
    ...(['name', 'year', 'kind'] as const).filter((k) => next[k] !== period[k]).map((k) => t(`period.audit.field.${k}`)),
    ...(changedKeys.length ? [t('period.audit.field.settings', { keys: changedKeys.join('、') })] : []),
  ];
  inTransaction(db, () => {
    db.prepare('UPDATE period SET name = ?, year = ?, kind = ?, settings_json = ?, updated_at = ? WHERE id = ?').run(next.name, next.year, next.kind, JSON.stringify(settings), now.toISOString(), id);
    if (!fields.length) return;
    const pick = (p: { name: string; year: number; kind: string; settings: Record<string, unknown> }) => ({
      ...Object.fromEntries((['name', 'year', 'kind'] as const).filter((k) => next[k] !== period[k]).map((k) => [k, p[k]])),
      ...(changedKeys.length ? { settings: Object.fromEntries(changedKeys.map((k) => [k, p.settings[k]])) } : {}),
    });
    auditWriter(db, now)({
      periodId: id,
      actorKind: actor.kind,
      actor: actor.name,
      entity: 'period',
      action: t('period.audit.changed', { name: next.name, fields: fields.join('、') }),
      old: pick(period),
      new: pick({ ...next, settings }),
    });
  });
  return getPeriod(db, id);
}

export function setPeriodBranches(db: Database, id: number, branchIds: number[], now: Date): Period {
  const period = getPeriod(db, id);
  assertPeriodEditable(period);
  const keep = new Set(branchIds);
  const scored = db
    .prepare<[number], { branch_id: number; code: string; name: string }>(
      `SELECT DISTINCT s.branch_id, b.code, b.name FROM score s JOIN branch b ON b.id = s.branch_id WHERE s.period_id = ?`,
    )
    .all(id)
    .filter((r) => !keep.has(r.branch_id));
  if (scored.length) {
    throw new AppError('conflict', t('error.period.branchesScored', { branches: scored.map((r) => `${r.code} ${r.name}`).join('、') }));
  }
  inTransaction(db, () => {
    db.prepare('DELETE FROM period_branch WHERE period_id = ?').run(id);
    writeBranches(db, id, branchIds);
    db.prepare('UPDATE period SET updated_at = ? WHERE id = ?').run(now.toISOString(), id);
  });
  return getPeriod(db, id);
}

export function setPeriodFramework(db: Database, id: number, frameworkId: number, now: Date): Period {
  const period = getPeriod(db, id);
  assertPeriodEditable(period);
  if (period.entryCount > 0) {
    throw new AppError('conflict', t('error.period.frameworkLocked', { name: period.name }));
  }
  if (!db.prepare('SELECT 1 FROM framework WHERE id = ?').get(frameworkId)) throw new AppError('not_found', t('error.period.frameworkNotFound'));
  db.prepare('UPDATE period SET framework_id = ?, updated_at = ? WHERE id = ?').run(frameworkId, now.toISOString(), id);
  return getPeriod(db, id);
}

/** Reopens a finalised period for corrections: needs a reason, and is logged. */
export function reopenPeriod(db: Database, id: number, reason: string, now: Date, actor: Actor = SYSTEM): Period {
  const period = getPeriod(db, id);
  if (period.archivedAt) assertPeriodEditable(period);
  if (period.status !== 'finalised') throw new AppError('validation', t('error.period.notFinalised', { name: period.name }));
  if (!reason.trim()) throw new AppError('validation', t('error.period.reopenReasonRequired'), [{ field: 'reason', message: t('error.period.reopenReasonMissing') }]);
  withAuditContext(db, { actorKind: actor.kind, actor: actor.name, reason: reason.trim(), now }, () => {
    db.prepare("UPDATE period SET status = 'review', updated_at = ? WHERE id = ?").run(now.toISOString(), id);
  });
  return getPeriod(db, id);
}

/**
 * Deletes a period that has no history yet (a draft set up by mistake). One
 * with any history (audit rows: scores entered and removed, status changes)
 * is archived instead: hidden from the lists, its record kept whole.
 */
export function deletePeriod(db: Database, id: number, now: Date): { archived: boolean } {
  const period = getPeriod(db, id);
  if (period.entryCount > 0) throw new AppError('conflict', t('error.period.hasEntries', { name: period.name, count: period.entryCount }));
  return inTransaction(db, () => {
    const history = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM audit WHERE period_id = ?').get(id)!.n;
    if (history === 0) {
      db.prepare('DELETE FROM period WHERE id = ?').run(id);
      return { archived: false };
    }
    db.prepare('UPDATE period SET archived_at = ?, updated_at = ? WHERE id = ? AND archived_at IS NULL').run(now.toISOString(), now.toISOString(), id);
    return { archived: true };
  });
}
