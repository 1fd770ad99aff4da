/**
 * The audit trail's hash chain. Each audit row stores
 * sha256(previous row's hash + its own content); a row edited, removed or
 * inserted behind the app's back breaks the chain at that row, and
 * `verifyAuditChain` says where. The SQL functions registered here are what
 * the audit triggers call: a tool that opens the file without them cannot
 * insert an audit row, nor change a period's status (whose trigger writes one).
 */
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { AUDIT_ACTOR_NAMES } from '../../shared/domain/audit';
import { t } from '../../shared/messages';

type Db = BetterSqlite3.Database;

/** The columns the hash covers, in order (everything but id and hash). */
export const AUDIT_HASHED_COLUMNS = [
  'at',
  'period_id',
  'actor_kind',
  'actor',
  'entity',
  'action',
  'rater_id',
  'branch_id',
  'indicator_id',
  'old_json',
  'new_json',
  'reason',
] as const;

export type AuditContent = Record<(typeof AUDIT_HASHED_COLUMNS)[number], string | number | null>;

/** The hash before the first row. */
export const AUDIT_GENESIS = '0'.repeat(64);

export function auditHash(prev: string | null, values: readonly (string | number | bigint | null)[]): string {
  // JSON keeps types apart (1 vs "1", null vs "") and cannot be confused by separators in the text.
  const content = JSON.stringify([prev ?? AUDIT_GENESIS, ...values.map((v) => (typeof v === 'bigint' ? Number(v) : v))]);
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/** Who is acting, for rows the database writes itself (period status changes). */
export interface AuditContext {
  actorKind: 'admin' | 'rater' | 'import' | 'system';
  actor: string;
  reason: string;
  now: Date | null;
}

const NO_CONTEXT: AuditContext = { actorKind: 'system', actor: AUDIT_ACTOR_NAMES.system, reason: '', now: null };
const contexts = new WeakMap<Db, AuditContext>();

/** Runs `work` with the actor the database's own audit rows should name. */
export function withAuditContext<T>(db: Db, context: Partial<AuditContext>, work: () => T): T {
  const before = contexts.get(db);
  // The clock is read once, so every row the context writes carries one time and hashes stably.
  contexts.set(db, { ...NO_CONTEXT, ...context, now: context.now ?? new Date() });
  try {
    return work();
  } finally {
    if (before) contexts.set(db, before);
    else contexts.delete(db);
  }
}

const context = (db: Db) => contexts.get(db) ?? NO_CONTEXT;

export function registerAuditFunctions(db: Db): void {
  db.function('rp_audit_hash', { deterministic: true, varargs: true }, (prev: unknown, ...values: unknown[]) =>
    auditHash(typeof prev === 'string' ? prev : null, values as (string | number | null)[]),
  );
  db.function('rp_audit_now', () => (context(db).now ?? new Date()).toISOString());
  db.function('rp_audit_actor_kind', () => context(db).actorKind);
  db.function('rp_audit_actor', () => context(db).actor);
  db.function('rp_audit_reason', () => context(db).reason);
}

/** Reads the previous row's hash and time, for the next row; prepared once per writer (it runs for every row). */
export function auditTailReader(db: Db): () => { hash: string | null; at: string | null } {
  const last = db.prepare<[], { hash: string; at: string }>('SELECT hash, at FROM audit ORDER BY id DESC LIMIT 1');
  return () => {
    const row = last.get();
    return { hash: row?.hash ?? null, at: row?.at ?? null };
  };
}

export interface AuditChainReport {
  ok: boolean;
  rows: number;
  /** The first row whose hash does not follow from the rows before it (edited, inserted or a row before it removed). */
  brokenAt: { id: number; at: string; problem: string } | null;
}

/** Recomputes the whole chain in id order; stops at the first break. */
export function verifyAuditChain(db: Db): AuditChainReport {
  const rows = db.prepare<[], Record<string, string | number | null>>(`SELECT id, hash, ${AUDIT_HASHED_COLUMNS.join(', ')} FROM audit ORDER BY id`);
  let prev: string | null = null;
  let count = 0;
  let lastId = 0;
  for (const row of rows.iterate()) {
    count++;
    const id = row.id as number;
    const expected = auditHash(prev, AUDIT_HASHED_COLUMNS.map((c) => row[c] ?? null));
    if (row.hash !== expected) {
      const problem = t('audit.chain.unlinked', { id });
      return { ok: false, rows: count, brokenAt: { id, at: String(row.at), problem } };
    }
    prev = row.hash as string;
    lastId = id;
  }
  // AUTOINCREMENT remembers the largest id ever handed out: rows cut off the end show here.
  const seq = db.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit'").get()?.seq ?? 0;
  if (seq > lastId) {
    return { ok: false, rows: count, brokenAt: { id: lastId + 1, at: '', problem: t('audit.chain.cutOff', { from: lastId + 1, to: seq }) } };
  }
  return { ok: true, rows: count, brokenAt: null };
}
