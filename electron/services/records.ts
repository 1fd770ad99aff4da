/**
 * Result records (shared/domain/records.ts): what the app made from a
 * period's results — a reveal, marking the 公示 published, each Word document
 * written — stored with the fingerprint of the results at that moment, and
 * the ones made from results that have changed since.
 */
import path from 'node:path';
import type { FontScheme } from '../../shared/domain/documents';
import { isDocumentRecordKind, type OutdatedRecord, type OutdatedRecords, type RecordFigures, type ResultRecord, type ResultRecordKind } from '../../shared/domain/records';
import { t } from '../../shared/messages';
import type { Database } from '../db';
import { AppError } from '../errors';
import type { ServiceContext } from './context';
import { periodStatus } from './periods';
import type { ResultsCache } from './results';

/**
 * How a document was written, to write it again the same way. `date` is the
 * 成文日期 the user gave (null: dated the day it is written).
 */
export type DocumentOptions =
  | { fontScheme: FontScheme; issuer: string; date: string | null }
  | { fontScheme: FontScheme; issuer: string; date: string | null; branchId: number }
  /** A batch's one file with every branch's sheet in it. */
  | { fontScheme: FontScheme; issuer: string; date: string | null; branchIds: number[] }
  | { fontScheme: FontScheme };

export interface NewRecord {
  periodId: number;
  kind: ResultRecordKind;
  path?: string | null;
  branchId?: number | null;
  meetingId?: number | null;
  itemId?: number | null;
  figures?: RecordFigures | null;
  options?: DocumentOptions | null;
  /** The fingerprint of the results it was made from, when taken earlier (as its data was loaded); else now. */
  fingerprint?: string;
}

const resultsVisible = (db: Database, periodId: number) => {
  const status = periodStatus(db, periodId);
  return status === 'review' || status === 'finalised';
};

/**
 * One branch's figures now: the total, and rank and grade only when the
 * period's results may be seen (a reveal during scoring shows the total only).
 * Null when the branch has no result in the period.
 */
export function branchFigures(db: Database, cache: ResultsCache, periodId: number, branchId: number): RecordFigures | null {
  const row = cache.engine(db, periodId).result.branches.find((b) => b.branchId === branchId);
  if (!row) return null;
  const ranked = resultsVisible(db, periodId);
  return { total: row.total, rank: ranked ? row.rank : null, grade: ranked ? row.grade : null };
}

/**
 * Stores what was made just now, with the fingerprint of the period's results
 * as they are now. With the database open for viewing only, documents are
 * still written but nothing can be stored: null.
 */
export function recordResult(ctx: ServiceContext, r: NewRecord): number | null {
  if (ctx.readOnly) return null;
  const fingerprint = r.fingerprint ?? ctx.results.fingerprint(ctx.db, r.periodId);
  return Number(
    ctx.db
      .prepare(
        `INSERT INTO result_record (period_id, kind, made_at, fingerprint, path, branch_id, meeting_id, item_id, figures_json, options_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.periodId,
        r.kind,
        ctx.now().toISOString(),
        fingerprint,
        r.path ? path.resolve(r.path) : null,
        r.branchId ?? null,
        r.meetingId ?? null,
        r.itemId ?? null,
        r.figures ? JSON.stringify(r.figures) : null,
        r.options ? JSON.stringify(r.options) : null,
      ).lastInsertRowid,
  );
}

interface RecordRow {
  id: number;
  period_id: number;
  kind: ResultRecordKind;
  made_at: string;
  fingerprint: string;
  path: string | null;
  branch_id: number | null;
  code: string | null;
  name: string | null;
  meeting_id: number | null;
  item_id: number | null;
  figures_json: string | null;
  options_json: string | null;
}

const SELECT_RECORD = `
  SELECT r.id, r.period_id, r.kind, r.made_at, r.fingerprint, r.path, r.branch_id, b.code, b.name,
         r.meeting_id, r.item_id, r.figures_json, r.options_json
    FROM result_record r LEFT JOIN branch b ON b.id = r.branch_id`;

const toRecord = (r: RecordRow): ResultRecord => ({
  id: r.id,
  periodId: r.period_id,
  kind: r.kind,
  madeAt: r.made_at,
  fingerprint: r.fingerprint,
  path: r.path,
  branch: r.branch_id !== null ? { id: r.branch_id, code: r.code ?? '', name: r.name ?? '' } : null,
  meetingId: r.meeting_id,
  itemId: r.item_id,
  figures: r.figures_json ? (JSON.parse(r.figures_json) as RecordFigures) : null,
});

/** A stored record with the options its document was written with. */
export function getRecord(db: Database, recordId: number): { record: ResultRecord; options: DocumentOptions | null } {
  const row = db.prepare<[number], RecordRow>(`${SELECT_RECORD} WHERE r.id = ?`).get(recordId);
  if (!row) throw new AppError('not_found', t('records.notFound'));
  return { record: toRecord(row), options: row.options_json ? (JSON.parse(row.options_json) as DocumentOptions) : null };
}

/** The same file however it is spelled (Windows paths are case-insensitive). */
const fileKey = (p: string) => (process.platform === 'win32' ? p.toLowerCase() : p);

/**
 * The period's records made from other results than the current ones, newest
 * first. A file written several times counts by its latest writing (written
 * again from the current results, it is no longer out of date); of the
 * markings as published, only the latest, and only while the results are
 * marked published; each reveal counts.
 * `current` is the branch's figures now — null while the period's results
 * are hidden (being scored again after a reopen): the list then says what
 * changed, not to what.
 */
export function outdatedRecords(db: Database, cache: ResultsCache, periodId: number): OutdatedRecords {
  const fingerprint = cache.fingerprint(db, periodId);
  const rows = db.prepare<[number], RecordRow>(`${SELECT_RECORD} WHERE r.period_id = ? ORDER BY r.id DESC`).all(periodId);
  const published = db.prepare<[number], { published_at: string | null }>('SELECT published_at FROM period_publication WHERE period_id = ?').get(periodId);
  const seen = new Set<string>(published?.published_at ? [] : ['publication']);
  const latest = rows.filter((r) => {
    const key = r.kind === 'publication' ? 'publication' : isDocumentRecordKind(r.kind) && r.path ? `file:${fileKey(r.path)}` : null;
    if (key === null) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const visible = resultsVisible(db, periodId);
  const records: OutdatedRecord[] = latest
    .filter((r) => r.fingerprint !== fingerprint)
    .map((r) => {
      const record = toRecord(r);
      const current = record.figures && record.branch && visible ? branchFigures(db, cache, periodId, record.branch.id) : null;
      return { ...record, current };
    });
  return { fingerprint, records };
}

/** The figures announced when an agenda item was revealed (its latest reveal record), or null when none was recorded. */
export function revealedFigures(db: Database, itemId: number): RecordFigures | null {
  const row = db
    .prepare<[number], { figures_json: string | null }>("SELECT figures_json FROM result_record WHERE item_id = ? AND kind = 'reveal' ORDER BY id DESC LIMIT 1")
    .get(itemId);
  return row?.figures_json ? (JSON.parse(row.figures_json) as RecordFigures) : null;
}
