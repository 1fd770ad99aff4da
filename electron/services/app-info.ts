import type { AppInfo } from '../../shared/api';
import { schemaVersion } from '../db';
import { countBranches } from './branches';
import type { ServiceContext } from './context';
import { signInSettings } from './session';
import { currentPeriodId } from './settings';

export function getAppInfo(ctx: ServiceContext): AppInfo {
  const branches = countBranches(ctx.db);
  return {
    appVersion: ctx.appVersion,
    schemaVersion: schemaVersion(ctx.db),
    dataDir: ctx.dataDir,
    databaseFile: ctx.databaseFile,
    logFile: ctx.log.file,
    counts: {
      branchesActive: branches.active,
      branchesArchived: branches.archived,
      frameworks: (ctx.db.prepare('SELECT count(*) AS n FROM framework').get() as { n: number }).n,
      periods: (ctx.db.prepare('SELECT count(*) AS n FROM period WHERE archived_at IS NULL').get() as { n: number }).n,
    },
    currentPeriodId: currentPeriodId(ctx.db),
    readOnly: ctx.readOnly,
    auditChain: ctx.auditChain,
    signIn: signInSettings(ctx.db),
  };
}
