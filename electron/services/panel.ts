/**
 * The panel of a period: rater groups with weights, raters, and recusals
 * (回避). A rater who belongs to a branch is recused from it automatically;
 * other recusals are recorded with their reason.
 */
import type { PanelView, Rater, RaterGroup } from '../../shared/domain/views';
import { inTransaction, type Database } from '../db';
import { t } from '../../shared/messages';
import { AppError } from '../errors';
import type { Actor } from './actor';
import { auditWriter } from './audit';
import { assertPeriodEditable, getPeriod } from './periods';
import type { Indicator } from '../../shared/domain/framework';
import { assertRatersWithinGroups, assertScopeKnown, cleanScope, codesOutside, parseScope, periodIndicators, scopeJson, scopeText } from './panel-scope';




/** Reason recorded for the automatic recusal from one's own branch. */
export const OWN_BRANCH_REASON = t('panel.recusal.own');

export function getPanel(db: Database, periodId: number): PanelView {
  getPeriod(db, periodId);
  return loadPanel(db, periodId);
}

/** The panel of a period the caller has already found (getPeriod counts its entries, which a large period feels). */
export function loadPanel(db: Database, periodId: number): PanelView {
  const groups = db
    .prepare<[number], { id: number; period_id: number; name: string; weight: number; position: number; combine: RaterGroup['combine']; trim_min_raters: number | null; scope_json: string | null }>(
      'SELECT * FROM rater_group WHERE period_id = ? ORDER BY position, id',
    )
    .all(periodId)
    .map((g) => ({ id: g.id, periodId: g.period_id, name: g.name, weight: g.weight, position: g.position, combine: g.combine, trimMinRaters: g.trim_min_raters, scope: parseScope(g.scope_json) }));
  const recusals = db
    .prepare<[number], { rater_id: number; branch_id: number; reason: string }>(
      'SELECT c.* FROM recusal c JOIN rater r ON r.id = c.rater_id WHERE r.period_id = ?',
    )
    .all(periodId);
  const raters = db
    .prepare<
      [number],
      { id: number; period_id: number; group_id: number; name: string; title: string; branch_id: number | null; position: number; pin_hash: string | null; finished_at: string | null; scope_json: string | null }
    >('SELECT * FROM rater WHERE period_id = ? ORDER BY position, id')
    .all(periodId)
    .map((r) => ({
      id: r.id,
      periodId: r.period_id,
      groupId: r.group_id,
      name: r.name,
      title: r.title,
      branchId: r.branch_id,
      position: r.position,
      hasPin: r.pin_hash !== null,
      finishedAt: r.finished_at,
      scope: parseScope(r.scope_json),
      recusals: [
        ...(r.branch_id === null ? [] : [{ branchId: r.branch_id, reason: OWN_BRANCH_REASON }]),
        ...recusals.filter((c) => c.rater_id === r.id && c.branch_id !== r.branch_id).map((c) => ({ branchId: c.branch_id, reason: c.reason })),
      ],
    }));
  return { groups, raters };
}

const editablePeriod = (db: Database, periodId: number) => assertPeriodEditable(getPeriod(db, periodId));

/** Who changes the panel, and when: every change is logged (entity 'panel'), since the panel shapes every result. */
export interface PanelChangeBy {
  actor: Actor;
  now: Date;
}

type GroupRule = Pick<RaterGroup, 'combine' | 'trimMinRaters'>;
interface GroupFields extends GroupRule {
  name: string;
  weight: number;
  scope: string[];
}

/**
 * A group as the log keeps it; its own combination rule only when it has one, so the entries of groups that
 * follow the period's rule read as they always did.
 */
const groupSnapshot = (g: GroupFields, nodes: readonly Indicator[]) => ({
  name: g.name,
  weight: g.weight,
  ...(g.combine !== null ? { combine: g.combine } : {}),
  ...(g.trimMinRaters !== null ? { trimMinRaters: g.trimMinRaters } : {}),
  // 分工评分 in words (“只评 3 安全环保”), so the entry reads on its own; the whole framework is left out as before.
  ...(g.scope.length ? { scope: scopeText(g.scope, nodes) } : {}),
});
const sameGroup = (a: GroupFields, b: GroupFields) =>
  a.name === b.name && a.weight === b.weight && a.combine === b.combine && a.trimMinRaters === b.trimMinRaters && JSON.stringify(a.scope) === JSON.stringify(b.scope);

function storedGroup(db: Database, periodId: number, groupId: number): GroupFields | undefined {
  const row = db
    .prepare<[number, number], Omit<GroupFields, 'scope'> & { scopeJson: string | null }>(
      'SELECT name, weight, combine, trim_min_raters AS trimMinRaters, scope_json AS scopeJson FROM rater_group WHERE id = ? AND period_id = ?',
    )
    .get(groupId, periodId);
  if (!row) return undefined;
  const { scopeJson: json, ...rest } = row;
  return { ...rest, scope: parseScope(json) };
}

/** A rater as the log keeps it: group by name, own branch and recusals by code, so the entry reads on its own. */
function raterSnapshot(db: Database, raterId: number, nodes: readonly Indicator[]): Record<string, unknown> | null {
  const r = db
    .prepare<[number], { name: string; title: string; group_name: string; branch_code: string | null; scope_json: string | null }>(
      `SELECT r.name, r.title, g.name AS group_name, b.code AS branch_code, r.scope_json
         FROM rater r JOIN rater_group g ON g.id = r.group_id LEFT JOIN branch b ON b.id = r.branch_id WHERE r.id = ?`,
    )
    .get(raterId);
  if (!r) return null;
  const recusals = db
    .prepare<[number], { code: string; reason: string }>('SELECT b.code, c.reason FROM recusal c JOIN branch b ON b.id = c.branch_id WHERE c.rater_id = ? ORDER BY b.code')
    .all(raterId);
  const scope = parseScope(r.scope_json);
  return {
    name: r.name,
    title: r.title,
    group: r.group_name,
    branch: r.branch_code,
    recusals: recusals.map((c) => `${c.code}（${c.reason}）`),
    ...(scope.length ? { scope: scopeText(scope, nodes) } : {}),
  };
}

function logPanel(db: Database, periodId: number, by: PanelChangeBy, action: string, old: unknown, now: unknown, raterId: number | null = null): void {
  auditWriter(db, by.now)({ periodId, actorKind: by.actor.kind, actor: by.actor.name, entity: 'panel', action, raterId, old, new: now });
}

/**
 * Adds or changes a group. `combine` / `trimMinRaters`: the group's own rule, null = the period's; `scope`: its
 * 评分范围 ([] = all). Left out (undefined) = kept as stored (null / [] for a new group) — how a workbook without
 * those columns leaves them. Narrowing a group below one of its raters' scopes is refused unless `ratersCheckedAfter`
 * says the caller checks the whole panel once its raters are saved too (the workbook import).
 */
export function saveGroup(
  db: Database,
  periodId: number,
  group: { id?: number | null; name: string; weight: number; combine?: GroupRule['combine']; trimMinRaters?: number | null; scope?: string[] },
  by: PanelChangeBy,
  options: { ratersCheckedAfter?: boolean } = {},
): RaterGroup {
  editablePeriod(db, periodId);
  const nodes = periodIndicators(db, periodId);
  const scope = group.scope === undefined ? undefined : cleanScope(group.scope);
  if (scope) assertScopeKnown(nodes, scope);
  const clash = db
    .prepare<[number, string], { id: number }>('SELECT id FROM rater_group WHERE period_id = ? AND name = ?')
    .get(periodId, group.name.trim());
  if (clash && clash.id !== group.id) throw new AppError('conflict', t('error.panel.groupExists', { name: group.name }), [{ field: 'name', message: t('error.panel.groupExists', { name: group.name }) }]);
  const id = inTransaction(db, () => {
    if (group.id) {
      const before = storedGroup(db, periodId, group.id);
      if (!before) throw new AppError('not_found', t('error.panel.groupNotFound'));
      const next: GroupFields = {
        name: group.name.trim(),
        weight: group.weight,
        combine: group.combine === undefined ? before.combine : group.combine,
        trimMinRaters: group.trimMinRaters === undefined ? before.trimMinRaters : group.trimMinRaters,
        scope: scope ?? before.scope,
      };
      db.prepare('UPDATE rater_group SET name = ?, weight = ?, combine = ?, trim_min_raters = ?, scope_json = ? WHERE id = ? AND period_id = ?').run(
        next.name,
        next.weight,
        next.combine,
        next.trimMinRaters,
        scopeJson(next.scope),
        group.id,
        periodId,
      );
      if (!options.ratersCheckedAfter) assertRatersWithinGroups(db, periodId, nodes, group.id);
      if (!sameGroup(before, next)) logPanel(db, periodId, by, t('panel.audit.groupChanged', { name: next.name }), groupSnapshot(before, nodes), groupSnapshot(next, nodes));
      return group.id;
    }
    const next: GroupFields = { name: group.name.trim(), weight: group.weight, combine: group.combine ?? null, trimMinRaters: group.trimMinRaters ?? null, scope: scope ?? [] };
    const position = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM rater_group WHERE period_id = ?').get(periodId)!.n;
    const created = Number(
      db
        .prepare('INSERT INTO rater_group (period_id, name, weight, combine, trim_min_raters, scope_json, position) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(periodId, next.name, next.weight, next.combine, next.trimMinRaters, scopeJson(next.scope), position).lastInsertRowid,
    );
    logPanel(db, periodId, by, t('panel.audit.groupAdded', { name: next.name }), null, groupSnapshot(next, nodes));
    return created;
  });
  return getPanel(db, periodId).groups.find((g) => g.id === id)!;
}

export function deleteGroup(db: Database, periodId: number, groupId: number, by: PanelChangeBy): void {
  editablePeriod(db, periodId);
  const n = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM rater WHERE group_id = ?').get(groupId)!.n;
  if (n > 0) throw new AppError('conflict', t('error.panel.groupHasRaters', { count: n }));
  inTransaction(db, () => {
    const before = storedGroup(db, periodId, groupId);
    db.prepare('DELETE FROM rater_group WHERE id = ? AND period_id = ?').run(groupId, periodId);
    if (before) logPanel(db, periodId, by, t('panel.audit.groupDeleted', { name: before.name }), groupSnapshot(before, periodIndicators(db, periodId)), null);
  });
}

export interface RaterInput {
  id?: number | null;
  groupId: number;
  name: string;
  title: string;
  branchId: number | null;
  /** Recusals besides the own branch, each with a reason. */
  recusals: { branchId: number; reason: string }[];
  /** 分工评分: codes within the group's scope; [] = all of the group's; left out = kept as stored ([] for a new rater). */
  scope?: string[];
}

/** The rater's own branch and every branch of a recusal must exist: say which one does not. */
function assertBranchesExist(db: Database, input: RaterInput): void {
  const exists = db.prepare<[number], { id: number }>('SELECT id FROM branch WHERE id = ?');
  const referenced = [
    ...(input.branchId === null ? [] : [{ id: input.branchId, field: 'branchId', notFound: 'error.panel.raterBranchNotFound' as const }]),
    ...input.recusals.map((r, i) => ({ id: r.branchId, field: `recusals.${i}.branchId`, notFound: 'error.panel.recusalBranchNotFound' as const })),
  ];
  const missing = referenced.find((r) => !exists.get(r.id));
  if (!missing) return;
  const message = t(missing.notFound, { id: missing.id });
  throw new AppError('not_found', message, [{ field: missing.field, message }]);
}

export function saveRater(db: Database, periodId: number, input: RaterInput, by: PanelChangeBy): Rater {
  editablePeriod(db, periodId);
  const group = db
    .prepare<[number, number], { id: number; name: string; scope_json: string | null }>('SELECT id, name, scope_json FROM rater_group WHERE id = ? AND period_id = ?')
    .get(input.groupId, periodId);
  if (!group) throw new AppError('validation', t('error.panel.groupRequired'), [{ field: 'groupId', message: t('error.panel.groupRequired') }]);
  assertBranchesExist(db, input);
  const name = input.name.trim();
  const nodes = periodIndicators(db, periodId);
  const storedScope = input.id ? db.prepare<[number], { scope_json: string | null }>('SELECT scope_json FROM rater WHERE id = ?').get(input.id) : undefined;
  const scope = input.scope === undefined ? parseScope(storedScope?.scope_json ?? null) : cleanScope(input.scope);
  assertScopeKnown(nodes, scope);
  const groupScope = parseScope(group.scope_json);
  const outside = codesOutside(nodes, groupScope, scope);
  if (outside.length > 0) {
    const message = t('error.panel.scopeOutsideGroup', { name, codes: outside.join('、'), group: group.name, groupScope: scopeText(groupScope, nodes) });
    throw new AppError('validation', message, [{ field: 'scope', message }]);
  }
  const clash = db.prepare<[number, string], { id: number }>('SELECT id FROM rater WHERE period_id = ? AND name = ?').get(periodId, name);
  if (clash && clash.id !== input.id) throw new AppError('conflict', t('error.panel.raterExists', { name }), [{ field: 'name', message: t('error.panel.raterExists', { name }) }]);
  return inTransaction(db, () => {
    let id = input.id ?? null;
    const before = id ? raterSnapshot(db, id, nodes) : null;
    if (id) {
      const info = db
        .prepare('UPDATE rater SET group_id = ?, name = ?, title = ?, branch_id = ?, scope_json = ? WHERE id = ? AND period_id = ?')
        .run(input.groupId, name, input.title.trim(), input.branchId, scopeJson(scope), id, periodId);
      if (info.changes === 0) throw new AppError('not_found', t('error.panel.raterNotFound'));
      db.prepare('DELETE FROM recusal WHERE rater_id = ?').run(id);
    } else {
      const position = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM rater WHERE period_id = ?').get(periodId)!.n;
      id = Number(
        db
          .prepare('INSERT INTO rater (period_id, group_id, name, title, branch_id, scope_json, position) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(periodId, input.groupId, name, input.title.trim(), input.branchId, scopeJson(scope), position).lastInsertRowid,
      );
    }
    const insert = db.prepare('INSERT OR REPLACE INTO recusal (rater_id, branch_id, reason) VALUES (?, ?, ?)');
    for (const r of input.recusals) {
      if (r.branchId === input.branchId) continue;
      if (!r.reason.trim()) throw new AppError('validation', t('error.panel.recusalReasonRequired'));
      insert.run(id, r.branchId, r.reason.trim());
    }
    // An entry already given for a branch the rater is now recused from would be ignored silently: refuse instead.
    const recusedIds = [input.branchId, ...input.recusals.map((r) => r.branchId)].filter((b): b is number => b !== null);
    const conflict = recusedIds.length
      ? db
          .prepare<[number], { code: string; name: string; branch_id: number }>(
            'SELECT DISTINCT b.code, b.name, s.branch_id FROM score s JOIN branch b ON b.id = s.branch_id WHERE s.rater_id = ?',
          )
          .all(id)
          .find((s) => recusedIds.includes(s.branch_id))
      : undefined;
    if (conflict) throw new AppError('conflict', t('error.panel.recusalScored', { name, code: conflict.code, branch: conflict.name }));
    const after = raterSnapshot(db, id, nodes);
    if (!before) logPanel(db, periodId, by, t('panel.audit.raterAdded', { name }), null, after, id);
    else if (JSON.stringify(before) !== JSON.stringify(after)) logPanel(db, periodId, by, t('panel.audit.raterChanged', { name }), before, after, id);
    return getPanel(db, periodId).raters.find((r) => r.id === id)!;
  });
}

export function deleteRater(db: Database, periodId: number, raterId: number, by: PanelChangeBy): void {
  editablePeriod(db, periodId);
  const n = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM score WHERE rater_id = ?').get(raterId)!.n;
  if (n > 0) throw new AppError('conflict', t('error.panel.raterHasEntries', { count: n }));
  inTransaction(db, () => {
    const before = raterSnapshot(db, raterId, periodIndicators(db, periodId));
    db.prepare('DELETE FROM rater WHERE id = ? AND period_id = ?').run(raterId, periodId);
    // The rater row is gone: the log keeps the name in the action and the snapshot, not a dangling id.
    if (before) logPanel(db, periodId, by, t('panel.audit.raterDeleted', { name: String(before.name) }), before, null);
  });
}
