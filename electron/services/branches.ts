import type { Branch, BranchFieldsValue } from '../../shared/domain/branch';
import { t } from '../../shared/messages';
import type { Database } from '../db';
import { AppError } from '../errors';

interface BranchRow {
  id: number;
  code: string;
  name: string;
  unit: string;
  secretary: string;
  member_count: number | null;
  category: string;
  note: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

const toBranch = (r: BranchRow): Branch => ({
  id: r.id,
  code: r.code,
  name: r.name,
  unit: r.unit,
  secretary: r.secretary,
  memberCount: r.member_count,
  category: r.category,
  note: r.note,
  archivedAt: r.archived_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Escapes LIKE wildcards so a search for "10%" finds "10%" and nothing else. */
const likePattern = (query: string) => `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function listBranches(db: Database, options: { query: string; includeArchived: boolean }): Branch[] {
  const rows = db
    .prepare<{ all: number; query: string; pattern: string }, BranchRow>(
      `SELECT * FROM branch
        WHERE (@all OR archived_at IS NULL)
          AND (@query = '' OR code LIKE @pattern ESCAPE '\\' OR name LIKE @pattern ESCAPE '\\'
               OR unit LIKE @pattern ESCAPE '\\' OR secretary LIKE @pattern ESCAPE '\\'
               OR category LIKE @pattern ESCAPE '\\')
        ORDER BY archived_at IS NOT NULL, code`,
    )
    .all({ all: options.includeArchived ? 1 : 0, query: options.query, pattern: likePattern(options.query) });
  return rows.map(toBranch);
}

export function getBranch(db: Database, id: number): Branch {
  const row = db.prepare<[number], BranchRow>('SELECT * FROM branch WHERE id = ?').get(id);
  if (!row) throw new AppError('not_found', t('branch.notFound', { id }));
  return toBranch(row);
}

export function findBranchByCode(db: Database, code: string): Branch | null {
  const row = db.prepare<[string], BranchRow>('SELECT * FROM branch WHERE code = ?').get(code);
  return row ? toBranch(row) : null;
}

function assertCodeFree(db: Database, code: string, exceptId: number | null): void {
  const holder = findBranchByCode(db, code);
  if (holder && holder.id !== exceptId) {
    throw new AppError('conflict', t('branch.code.taken', { code, name: holder.name }), [
      { field: 'code', message: t('branch.code.taken', { code, name: holder.name }) },
    ]);
  }
}

/**
 * A branch's fields as services write them. 支部类别 may be left out (a workbook without that column): a new branch
 * then has none, an existing one keeps its own.
 */
export type BranchWrite = Omit<BranchFieldsValue, 'category'> & { category?: string };

const fieldParams = (f: BranchWrite) => ({
  code: f.code,
  name: f.name,
  unit: f.unit,
  secretary: f.secretary,
  member_count: f.memberCount,
  category: f.category ?? null,
  note: f.note,
});

/** Inserts without checks: callers validate first (used by create and by import). */
export function insertBranch(db: Database, fields: BranchWrite, now: Date): number {
  const stamp = now.toISOString();
  const info = db
    .prepare(
      `INSERT INTO branch (code, name, unit, secretary, member_count, category, note, created_at, updated_at)
       VALUES (@code, @name, @unit, @secretary, @member_count, coalesce(@category, ''), @note, @stamp, @stamp)`,
    )
    .run({ ...fieldParams(fields), stamp });
  return Number(info.lastInsertRowid);
}

export function writeBranch(db: Database, id: number, fields: BranchWrite, now: Date): void {
  db.prepare(
    `UPDATE branch SET code = @code, name = @name, unit = @unit, secretary = @secretary,
            member_count = @member_count, category = coalesce(@category, category), note = @note, updated_at = @stamp
      WHERE id = @id`,
  ).run({ ...fieldParams(fields), stamp: now.toISOString(), id });
}

export function createBranch(db: Database, fields: BranchWrite, now: Date): Branch {
  assertCodeFree(db, fields.code, null);
  return getBranch(db, insertBranch(db, fields, now));
}

export function updateBranch(db: Database, id: number, fields: BranchFieldsValue, now: Date): Branch {
  getBranch(db, id);
  assertCodeFree(db, fields.code, id);
  writeBranch(db, id, fields, now);
  return getBranch(db, id);
}

/** Archiving keeps every score and record; the branch only leaves new periods. */
export function setBranchArchived(db: Database, id: number, archived: boolean, now: Date): Branch {
  getBranch(db, id);
  const stamp = now.toISOString();
  db.prepare('UPDATE branch SET archived_at = ?, updated_at = ? WHERE id = ?').run(archived ? stamp : null, stamp, id);
  return getBranch(db, id);
}

export function countBranches(db: Database): { active: number; archived: number } {
  const row = db
    .prepare<[], { active: number; archived: number }>(
      `SELECT coalesce(sum(archived_at IS NULL), 0) AS active, coalesce(sum(archived_at IS NOT NULL), 0) AS archived
         FROM branch`,
    )
    .get();
  return row ?? { active: 0, archived: 0 };
}
