/**
 * Word documents written to a file the user chose. The documents themselves
 * are built in electron/reports/; this module checks what may be printed and
 * writes the bytes.
 */
import { writeFile } from 'node:fs/promises';
import type { DocumentWritten, FontScheme } from '../../shared/domain/documents';
import { t } from '../../shared/messages';
import type { Database } from '../db';
import { scoreSheetForBranch, scoreSheetForRater } from '../reports/score-sheet';
import { AppError } from './errors';
import { assertResultsVisible } from './scoring';

export async function writeDocument(file: string, bytes: Buffer): Promise<DocumentWritten> {
  try {
    await writeFile(file, bytes);
  } catch (e) {
    throw new AppError('io', t('error.io', { file, reason: e instanceof Error ? e.message : String(e) }));
  }
  return { path: file };
}

/**
 * 评分表: one rater's sheet (every branch they score) or one branch's sheet
 * (every rater side by side), blank or filled. A filled branch sheet shows the
 * whole panel's values, so it waits, like the results, until review opens.
 */
export async function writeScoreSheet(
  db: Database,
  input: { periodId: number; raterId?: number | null; branchId?: number | null; filled: boolean; path: string; fontScheme?: FontScheme },
): Promise<DocumentWritten> {
  const raterId = input.raterId ?? null;
  const branchId = input.branchId ?? null;
  if ((raterId === null) === (branchId === null)) throw new AppError('validation', '请选择一位评委或一个党支部（二者选一）');
  const common = { periodId: input.periodId, filled: input.filled, fontScheme: input.fontScheme ?? 'windows' } as const;
  let bytes: Buffer;
  if (raterId !== null) {
    bytes = await scoreSheetForRater(db, { ...common, raterId });
  } else {
    if (input.filled) assertResultsVisible(db, input.periodId);
    bytes = await scoreSheetForBranch(db, { ...common, branchId: branchId! });
  }
  return writeDocument(input.path, bytes);
}
