/**
 * Checking the audit trail's hash chain: at start-up (a break is logged and
 * shown as a warning on every screen) and on demand (`audit.verify`,
 * `rongping audit verify`).
 */
import type { AuditChainStatus } from '../../shared/domain/backups';
import { t } from '../../shared/messages';
import { verifyAuditChain, type Database } from '../db';
import type { Logger } from './log';

export function checkAuditChain(db: Database, now: Date, log: Logger): AuditChainStatus {
  const report = verifyAuditChain(db);
  if (report.brokenAt) log.error('audit chain', new Error(t('audit.chain.broken', { id: report.brokenAt.id, problem: report.brokenAt.problem })));
  return { ...report, checkedAt: now.toISOString() };
}

/** The status in words, for the CLI and the log. */
export const describeAuditChain = (s: AuditChainStatus): string =>
  s.brokenAt ? t('audit.chain.broken', { id: s.brokenAt.id, problem: s.brokenAt.problem }) : t('audit.chain.ok', { rows: s.rows });
