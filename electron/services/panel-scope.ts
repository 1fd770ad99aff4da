/**
 * 分工评分 where the panel is set up (issue 11 §6): a group's and a rater's 评分范围 as stored (JSON of indicator
 * codes; NULL = []), the checks made on save — every code names an indicator of the period's framework, a rater's
 * scope lies within their group's — and, at 开始评分, the rater-scored leaves nobody is assigned to. The rule
 * itself (what a scope covers) is shared/domain/assignment.ts.
 */
import { assignedIds, isAssigned, scopeIds, scopeInWords } from '../../shared/domain/assignment';
import type { Indicator } from '../../shared/domain/framework';
import { raterLeavesInOrder, type Leaf } from '../../shared/domain/rater-leaves';
import { t } from '../../shared/messages';
import type { Database } from '../db';
import { AppError } from '../errors';
import { getIndicators } from './frameworks';

/** A stored scope; anything but a JSON array of strings reads as the whole framework. */
export function parseScope(json: string | null): string[] {
  if (json === null) return [];
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string') : [];
}

/** A scope as stored: NULL for the whole framework, so that a panel without 分工 reads as before. */
export const scopeJson = (scope: readonly string[]): string | null => (scope.length === 0 ? null : JSON.stringify(scope));

/** Codes as given, trimmed, without blanks or repeats. */
export const cleanScope = (scope: readonly string[]): string[] => [...new Set(scope.map((c) => c.trim()).filter(Boolean))];

/** The indicators of a period's framework, which a scope's codes name. */
export function periodIndicators(db: Database, periodId: number): Indicator[] {
  const row = db.prepare<[number], { framework_id: number }>('SELECT framework_id FROM period WHERE id = ?').get(periodId);
  return row ? getIndicators(db, row.framework_id) : [];
}

/** A scope in words for the log and lists; the whole framework as 全部指标. */
export const scopeText = (scope: readonly string[], nodes: readonly Indicator[]): string => scopeInWords(scope, nodes) || t('panel.scope.all');

/** The codes of a scope that name no indicator. */
export const unknownCodes = (nodes: readonly Indicator[], scope: readonly string[]): string[] => scope.filter((c) => !nodes.some((n) => n.code === c));

/** The codes of a rater's scope whose indicator lies outside the group's scope (none when the group has all). */
export function codesOutside(nodes: readonly Indicator[], groupScope: readonly string[], raterScope: readonly string[]): string[] {
  const group = scopeIds(nodes, groupScope);
  if (group === null) return [];
  return raterScope.filter((c) => {
    const node = nodes.find((n) => n.code === c);
    return node !== undefined && !group.has(node.id);
  });
}

/** Refuses a scope naming a code the framework does not have, naming the codes. */
export function assertScopeKnown(nodes: readonly Indicator[], scope: readonly string[]): void {
  const unknown = unknownCodes(nodes, scope);
  if (unknown.length === 0) return;
  const message = t('error.panel.scopeUnknownCode', { codes: unknown.join('、') });
  throw new AppError('validation', message, [{ field: 'scope', message }]);
}

/**
 * Refuses a panel in which a rater's scope is not within their group's: on saving the rater (field 'scope') and
 * on narrowing a group (the rater is named; their scope changes first). `groupId` limits the check to one group.
 */
export function assertRatersWithinGroups(db: Database, periodId: number, nodes: readonly Indicator[], groupId?: number): void {
  const rows = db
    .prepare<[number], { name: string; scope_json: string | null; group_name: string; group_id: number; group_scope: string | null }>(
      `SELECT r.name, r.scope_json, g.name AS group_name, g.id AS group_id, g.scope_json AS group_scope
         FROM rater r JOIN rater_group g ON g.id = r.group_id WHERE r.period_id = ? AND r.scope_json IS NOT NULL ORDER BY r.position, r.id`,
    )
    .all(periodId);
  for (const r of rows) {
    if (groupId !== undefined && r.group_id !== groupId) continue;
    const groupScope = parseScope(r.group_scope);
    const outside = codesOutside(nodes, groupScope, parseScope(r.scope_json));
    if (outside.length === 0) continue;
    const message = t('error.panel.scopeGroupNarrowed', { group: r.group_name, scope: scopeText(groupScope, nodes), name: r.name, codes: outside.join('、') });
    throw new AppError('conflict', message, [{ field: 'scope', message }]);
  }
}

/** The rater-scored leaves of the period that no rater's assignment covers (none when there are no raters: refused elsewhere). */
export function unassignedLeaves(db: Database, periodId: number, indicators: readonly Indicator[]): Leaf[] {
  const raters = db
    .prepare<[number], { scope_json: string | null; group_scope: string | null }>(
      'SELECT r.scope_json, g.scope_json AS group_scope FROM rater r JOIN rater_group g ON g.id = r.group_id WHERE r.period_id = ?',
    )
    .all(periodId);
  if (raters.length === 0) return [];
  const assigned = raters.map((r) => assignedIds(indicators, parseScope(r.group_scope), parseScope(r.scope_json)));
  if (assigned.some((a) => a === null)) return [];
  return raterLeavesInOrder(indicators).filter((leaf) => !assigned.some((a) => isAssigned(a, leaf.id)));
}
