/**
 * A process killed in the middle of a backup: fills the database with ~100 MB,
 * prints "backing-up" and starts a backup the test kills with SIGKILL.
 * Used by test/unit/backups.test.ts.
 *
 *   tsx test/helpers/backup-process.ts DATA_DIR
 */
import { createServices } from '../../electron/services';
import { readdirSync } from 'node:fs';
import { backupFolder, takeBackup } from '../../electron/services/backup';

const services = createServices({ dataDir: process.argv[2]! });
services.ctx.db.exec(`
  CREATE TABLE IF NOT EXISTS filler (x BLOB) STRICT;
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) INSERT INTO filler SELECT randomblob(1000000) FROM n;
`);
const backup = takeBackup(services.ctx, 'manual', { pagesPerStep: 1 });
// Say so once the backup file is being written, so the kill lands mid-way.
const folder = backupFolder(services.ctx.dataDir);
while (!readdirSync(folder).some((n) => n.endsWith('.partial'))) await new Promise((r) => setImmediate(r));
process.stdout.write('backing-up\n');
await backup;
process.stdout.write('done\n');
