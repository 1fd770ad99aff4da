/**
 * The audit log (操作记录): every change of an entry, a measurement, a
 * self-assessment or a period's state, with who, when, old → new and the
 * reason where one is required. Append-only (the database refuses edits).
 */
import { AUDIT_HIDDEN_VALUE } from '../../shared/domain/audit';
import type { AuditEntity, AuditRow } from '../../shared/domain/scoring';
import type { Database } from '../db';
import { AUDIT_HASHED_COLUMNS, auditHash, auditTailReader } from '../db/audit-chain';

export type { AuditEntity, AuditRow };


export interface AuditRecord {
  periodId: number | null;
  actorKind: 'admin' | 'rater' | 'import' | 'system';
  actor: string;
  entity: AuditEntity;
  action: string;
  raterId?: number | null;
  branchId?: number | null;
  indicatorId?: number | null;
  old?: unknown;
  new?: unknown;
  reason?: string;
}


/**
 * Returns a writer bound to one statement, for many rows inside one
 * transaction. Each row is chained to the one before it (see
 * db/audit-chain.ts); its time never goes before the previous row's, so a
 * clock set back cannot make the trail look back-dated.
 */
export function auditWriter(db: Database, now: Date) {
  const insert = db.prepare(
    `INSERT INTO audit (${AUDIT_HASHED_COLUMNS.join(', ')}, hash) VALUES (${AUDIT_HASHED_COLUMNS.map(() => '?').join(', ')}, ?)`,
  );
  const stamp = now.toISOString();
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  const auditTail = auditTailReader(db);
  return (r: AuditRecord) => {
    const tail = auditTail();
    const at = tail.at !== null && tail.at > stamp ? tail.at : stamp;
    const values = [at, r.periodId, r.actorKind, r.actor, r.entity, r.action, r.raterId ?? null, r.branchId ?? null, r.indicatorId ?? null, json(r.old), json(r.new), r.reason ?? ''];
    return insert.run(...values, auditHash(tail.hash, values));
  };
}

export interface AuditQuery {
  periodId: number;
  raterId?: number | null;
  branchId?: number | null;
  indicatorId?: number | null;
  entity?: AuditEntity | null;
  text?: string;
  limit: number;
  offset: number;
}

export function listAudit(db: Database, q: AuditQuery): { rows: AuditRow[]; total: number } {
  const where = `period_id = @periodId
    AND (@raterId IS NULL OR rater_id = @raterId)
    AND (@branchId IS NULL OR branch_id = @branchId)
    AND (@indicatorId IS NULL OR indicator_id = @indicatorId)
    AND (@entity IS NULL OR entity = @entity)
    AND (@text = '' OR actor LIKE '%' || @text || '%' OR reason LIKE '%' || @text || '%' OR action LIKE '%' || @text || '%')`;
  const params = {
    periodId: q.periodId,
    raterId: q.raterId ?? null,
    branchId: q.branchId ?? null,
    indicatorId: q.indicatorId ?? null,
    entity: q.entity ?? null,
    text: q.text ?? '',
  };
  const total = db.prepare<typeof params, { n: number }>(`SELECT count(*) AS n FROM audit WHERE ${where}`).get(params)!.n;
  const rows = db
    .prepare<typeof params & { limit: number; offset: number }, Record<string, unknown>>(
      `SELECT * FROM audit WHERE ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.limit, offset: q.offset })
    .map((r) => ({
      id: r.id as number,
      at: r.at as string,
      periodId: r.period_id as number | null,
      actorKind: r.actor_kind as AuditRow['actorKind'],
      actor: r.actor as string,
      entity: r.entity as AuditEntity,
      action: r.action as string,
      raterId: r.rater_id as number | null,
      branchId: r.branch_id as number | null,
      indicatorId: r.indicator_id as number | null,
      old: r.old_json === null ? null : JSON.parse(r.old_json as string),
      new: r.new_json === null ? null : JSON.parse(r.new_json as string),
      reason: r.reason as string,
    }));
  return { rows, total };
}

/**
 * While a period is being scored nobody may see the panel's values — the
 * admin included: the log then shows who changed which cell and when, but
 * not the scores themselves.
 */
export function maskWhileBlind(db: Database, periodId: number, page: { rows: AuditRow[]; total: number }): { rows: AuditRow[]; total: number } {
  const status = db.prepare<[number], { status: string }>('SELECT status FROM period WHERE id = ?').get(periodId)?.status;
  if (status !== 'draft' && status !== 'scoring') return page;
  return { ...page, rows: page.rows.map((r) => (r.entity === 'score' ? { ...r, old: r.old === null ? null : AUDIT_HIDDEN_VALUE, new: r.new === null ? null : AUDIT_HIDDEN_VALUE } : r)) };
}
