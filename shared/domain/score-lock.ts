/**
 * When a rater's scores may be written, and by whom: the one rule every
 * score write (typing in the grid, the office's paper-sheet entry, a rater
 * workbook import, `entries.save`) goes through.
 */
import type { PeriodStatus } from './period';

/** The rater themself, or the organising office (an admin typing, or an import). */
export type ScoreWriter = 'rater' | 'office';

/** The phases in which each writer may write scores at all (the handlers declare these; scoreLockReason says why not). */
export const SCORE_WRITE_PHASES: Record<ScoreWriter, readonly PeriodStatus[]> = { rater: ['scoring'], office: ['scoring', 'review'] };

/** Why `writer` may not change a rater's scores now, or null. `reason` is what the office wrote for the change. */
export function scoreLockReason(status: PeriodStatus, finishedAt: string | null, writer: ScoreWriter, reason: string | undefined): string | null {
  if (status === 'finalised') return '本周期已定稿，评分不能再修改';
  if (status === 'draft') return '本周期尚未开始评分';
  if (writer === 'office') {
    if ((status === 'review' || finishedAt) && !reason?.trim()) return status === 'review' ? '评审阶段修改评分须写明原因' : '该评委已确认完成，修改须写明原因';
    return null;
  }
  if (status === 'review') return '已进入评审阶段，评分须由管理员修改';
  if (finishedAt) return '您已确认完成评分；如需修改，请联系管理员';
  return null;
}
