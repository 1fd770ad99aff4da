/** 数据安全: the audit log, its hash chain, backups and restore. */
import { listAudit, maskWhileBlind } from '../audit';
import { checkAuditChain } from '../audit-verify';
import { exportAudit } from '../audit-xlsx';
import { listBackups, restoreBackup, setBackupKeep, takeBackup } from '../backup';
import type { HandlerSlice } from './define';

export const safetyHandlers = {
  // The log names who changed which cell; its values stay hidden while scoring is open (maskWhileBlind).
  'audit.list': { access: 'admin', run: (input, ctx) => maskWhileBlind(ctx.db, input.periodId, listAudit(ctx.db, input)) },
  'audit.export': { access: 'admin', run: (input, ctx) => exportAudit(ctx.db, input.periodId, input.path) },
  'audit.verify': { access: 'admin', run: (_input, ctx) => (ctx.auditChain = checkAuditChain(ctx.db, ctx.now(), ctx.log)) },
  'backups.list': { access: 'admin', run: (_input, ctx) => listBackups(ctx) },
  'backups.create': { access: 'admin', run: (_input, ctx) => takeBackup(ctx, 'manual') },
  'backups.restore': { access: 'admin', invalidates: 'all', run: (input, ctx) => restoreBackup(ctx, input.name) },
  'backups.setKeep': { access: 'admin', run: (input, ctx) => setBackupKeep(ctx, input.keep) },
} satisfies HandlerSlice;
