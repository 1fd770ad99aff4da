/** The CLI's data-safety commands: backup list/create/restore and audit verify. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { openAsForeignTool } from '../../electron/db/sqlite';
import { tempDir } from '../helpers/tmp';

describe('CLI: backups and the audit chain', () => {
  it('creates, lists and restores a backup, saving the current database first', async () => {
    const dir = tempDir();
    expect((await cli('sample', '--branches', '3', '--raters', '2', '--seed', '1', '--data-dir', dir)).code).toBe(0);
    const created = await cli('backup', 'create', '--json', '--data-dir', dir);
    expect(created.code).toBe(0);
    const { name } = JSON.parse(created.out) as { name: string };
    expect(name).toMatch(/^rongping-\d{8}-\d{6}-\d{3}-manual\.db$/);
    const listed = await cli('backup', 'list', '--data-dir', dir);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(name);
    expect(listed.out).toContain('手动备份');
    expect(listed.out).toMatch(/自动备份保留最近 30 份/);
    expect((await cli('branches', 'import', path.join(dir, 'none.xlsx'), '--data-dir', dir)).code).toBe(1);
    const restored = await cli('backup', 'restore', name, '--data-dir', dir);
    expect(restored).toMatchObject({ code: 0 });
    expect(restored.out).toMatch(new RegExp(`^已从备份 ${name} 恢复；恢复前的数据库已备份为 rongping-.+-restore\\.db$`));
    expect((await cli('backup', 'restore', 'rongping-20200101-000000-000-daily.db', '--data-dir', dir)).code).toBe(1);
  });

  it('verifies the audit chain: exit 0 when whole, 1 naming the row when a row was changed behind the app', async () => {
    const dir = tempDir();
    expect((await cli('sample', '--branches', '3', '--raters', '2', '--seed', '1', '--data-dir', dir)).code).toBe(0);
    const whole = await cli('audit', 'verify', '--data-dir', dir);
    expect(whole.code).toBe(0);
    expect(whole.out).toMatch(/^操作记录完整：共 \d+ 条，校验链无断点。$/);
    const raw = openAsForeignTool(path.join(dir, 'rongping.db'));
    raw.exec("DROP TRIGGER audit_no_update; UPDATE audit SET reason = '改写' WHERE id = 2;");
    raw.close();
    const broken = await cli('audit', 'verify', '--data-dir', dir);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('操作记录的校验链在第 2 条处断开');
  });
});
