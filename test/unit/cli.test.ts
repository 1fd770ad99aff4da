import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { LATEST_SCHEMA_VERSION } from '../../electron/db';
import { tempDir } from '../helpers/tmp';
import { repoPath } from '../helpers/repo';
import { appendRows, writeBranchesWorkbook } from '../helpers/workbooks';

describe('CLI', () => {
  it('writes the template, imports it once filled and lists the branches', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    const file = path.join(dir, '支部.xlsx');
    expect(await cli('branches', 'template', file, '--data-dir', data)).toMatchObject({ code: 0 });
    await appendRows(file, [
      ['HG-01', '化工一厂第一党支部', '化工一厂', '王建国', 23],
      ['GD-01', '供电公司变电运维党支部', '供电公司', '李敏', 31],
    ]);
    const imported = await cli('branches', 'import', file, '--data-dir', data);
    expect(imported).toMatchObject({ code: 0, out: '已导入 支部.xlsx：新增 2 个，更新 0 个' });
    const listed = await cli('branches', 'list', '--data-dir', data);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/支部编码\s+支部名称/);
    expect(listed.out).toMatch(/HG-01\s+化工一厂第一党支部\s+化工一厂\s+王建国\s+23\s+在用/);
    expect(listed.out).toContain('共 2 个支部');
    const json = await cli('branches', 'list', '--json', '--data-dir', data);
    expect(JSON.parse(json.out)).toMatchObject([{ code: 'GD-01' }, { code: 'HG-01', memberCount: 23 }]);
  });

  it('reports info in text and JSON', async () => {
    const data = tempDir();
    const text = await cli('info', '--data-dir', data);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/程序版本\s+\d+\.\d+\.\d+/);
    expect(text.out).toContain(data);
    const json = JSON.parse((await cli('info', '--json', '--data-dir', data)).out);
    expect(json).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION, dataDir: data, counts: { branchesActive: 0, branchesArchived: 0 } });
  });

  it('exits 1 with every row error when an import has bad rows, and imports nothing', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.xlsx');
    await writeBranchesWorkbook(file, [['HG-01', '第一党支部'], ['HG-02', '']]);
    const r = await cli('branches', 'import', file, '--data-dir', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('“bad.xlsx”中有 1 处错误，未导入任何数据');
    expect(r.err).toContain('第 3 行，B 列（支部名称）：支部名称不能为空');
    const json = await cli('branches', 'import', file, '--json', '--data-dir', dir);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, error: { code: 'validation', details: [{ row: 3, column: 'B' }] } });
    expect((await cli('branches', 'list', '--json', '--data-dir', dir)).out).toBe('[]');
  });

  it('backs the database up to a new file and refuses to overwrite one', async () => {
    const dir = tempDir();
    await cli('info', '--data-dir', dir);
    const target = path.join(dir, 'copy.db');
    const first = await cli('backup', target, '--data-dir', dir);
    expect(first.code).toBe(0);
    expect(existsSync(target)).toBe(true);
    const second = await cli('backup', target, '--data-dir', dir);
    expect(second.code).toBe(1);
    expect(second.err).toContain('文件已存在');
  });

  it('exits 2 with the usage on a wrong command line', async () => {
    const dir = tempDir();
    expect(await cli('frobnicate', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('未知命令“frobnicate”') });
    expect(await cli('branches', 'import', '--data-dir', dir)).toMatchObject({ code: 2, err: expect.stringContaining('需要一个文件路径') });
    expect(await cli('info', '--bogus')).toMatchObject({ code: 2 });
    expect(await cli()).toMatchObject({ code: 0, out: expect.stringContaining('用法') });
  });

  it('runs as the built bin on plain Node and honours RONGPING_DATA_DIR', () => {
    const bin = repoPath('dist', 'electron', 'cli.cjs');
    expect(existsSync(bin), 'dist/electron/cli.cjs is missing: run `npm run build` first (npm test does)').toBe(true);
    const dir = tempDir();
    const out = execFileSync(process.execPath, [bin, 'info', '--json'], {
      env: { ...process.env, RONGPING_DATA_DIR: dir },
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toMatchObject({ dataDir: dir, schemaVersion: LATEST_SCHEMA_VERSION });
    const bad = spawnSync(process.execPath, [bin, 'branches', 'import', path.join(dir, 'nope.xlsx')], {
      env: { ...process.env, RONGPING_DATA_DIR: dir },
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('文件不存在');
  });
});
