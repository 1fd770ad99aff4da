/** Backups of the database (备份与恢复), as the app lists them. */

/** Why a backup was taken: the app's own moments, the user's, a migration's. */
export const BACKUP_REASONS = ['daily', 'import', 'finalise', 'reopen', 'restore', 'manual', 'migrate'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  daily: '每日首次启动',
  import: '导入前',
  finalise: '定稿前',
  reopen: '重新开启前',
  restore: '恢复备份前',
  manual: '手动备份',
  migrate: '升级数据结构前',
};

export interface BackupInfo {
  /** File name in the backups folder (what restore takes). */
  name: string;
  /** When it was taken (ISO, UTC). */
  at: string;
  reason: BackupReason;
  bytes: number;
}

export interface BackupList {
  folder: string;
  /** How many automatic backups are kept (the newest). */
  keep: number;
  backups: BackupInfo[];
}

/** The audit trail's hash-chain check, as of start-up or the last verify. */
export interface AuditChainStatus {
  ok: boolean;
  rows: number;
  brokenAt: { id: number; at: string; problem: string } | null;
  checkedAt: string;
}
