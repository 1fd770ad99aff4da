/**
 * Files go only where the user chose (issue 10, part 6): the contract takes
 * absolute paths only; in the app (here the browser harness, which stands in
 * for the renderer and answers dialogs from a script) a file is written only
 * where a dialog answered and replaced only when the save dialog confirmed
 * it; the CLI replaces a file only with --force; a failed write leaves the
 * user's file as it was.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, isMethodName, type Input, type MethodName } from '../../shared/api';
import { FILE_FIELDS, isAbsolutePath } from '../../shared/domain/file-path';
import type { Result } from '../../shared/result';
import { main } from '../../electron/cli';
import { feedbackFileName, waitForJob } from '../../electron/services/documents';
import { declaredPaths } from '../../electron/services/grants';
import { writeFileSafely } from '../../electron/services/safe-write';
import { writeWorkbook } from '../../electron/services/xlsx';
import { startHarness, TOKEN_HEADER, type Harness } from '../harness/server';
import { tempDir, tempServices } from '../helpers/tmp';

const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Runs `fn` with a fresh empty working directory, then restores the previous one. */
async function inFreshCwd<T>(fn: (cwd: string) => Promise<T>): Promise<T> {
  const previous = process.cwd();
  const cwd = tempDir('rongping-cwd-');
  process.chdir(cwd);
  try {
    return await fn(cwd);
  } finally {
    process.chdir(previous);
  }
}

describe('the contract takes absolute paths only', () => {
  it('knows POSIX and Windows absolute paths from relative ones, without node:path', () => {
    for (const p of ['/home/user/a.xlsx', 'C:\\考评\\通报.docx', 'd:/x/y.docx', '\\\\server\\share\\a.xlsx']) expect(isAbsolutePath(p), p).toBe(true);
    for (const p of ['a.xlsx', './a.xlsx', '../etc/passwd', 'C:a.docx', '\\a.docx', 'x/C:\\y', '~/a.xlsx']) expect(isAbsolutePath(p), p).toBe(false);
  });

  it('declares every path field of every method as read, write or folder', () => {
    const undeclared: string[] = [];
    for (const name of Object.keys(api).filter(isMethodName)) {
      const schema = api[name].input;
      const options = schema.def.type === 'union' ? (schema as unknown as { options: typeof schema[] }).options : [schema];
      for (const option of options) {
        const shape = (option as { shape?: Record<string, never> }).shape ?? {};
        if ('path' in shape && !FILE_FIELDS.get(shape.path) && name !== 'shell.showInFolder') undeclared.push(name);
      }
    }
    expect(undeclared).toEqual([]);
    // A batch writes a file or into a folder, as its mode says.
    expect(declaredPaths(api['documents.startBatch'].input, { mode: 'single', path: '/a.docx' })).toEqual([{ field: 'path', use: 'write', value: '/a.docx' }]);
    expect(declaredPaths(api['documents.startBatch'].input, { mode: 'perBranch', path: '/fb' })).toEqual([{ field: 'path', use: 'folder', value: '/fb' }]);
    expect(declaredPaths(api['branches.import'].input, { path: '/a.xlsx' })).toEqual([{ field: 'path', use: 'read', value: '/a.xlsx' }]);
    expect(declaredPaths(api['documents.scoreSheet'].input, { path: '/a.docx' })).toEqual([{ field: 'path', use: 'write', value: '/a.docx' }]);
  });

  it('refuses a relative path with a clear message, and writes nothing into the working directory', async () => {
    await inFreshCwd(async (cwd) => {
      const { invoke } = tempServices();
      const methods = Object.keys(api).filter(isMethodName).filter((m) => declaredPaths(api[m].input, { mode: 'single', path: '/x' }).length);
      expect(methods.length).toBeGreaterThan(25);
      for (const method of methods) {
        const r = await invoke(method, { path: '通报.docx', mode: 'single', periodId: 1, id: 1, branchId: 1, raterId: 1, meetingId: 1, filled: false, dataBase64: PNG_1X1 } as never);
        expect(r, method).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('“通报.docx”不是完整路径') } });
      }
      // A Windows path is absolute in the contract, but not on this machine: it would land in the working directory.
      if (process.platform !== 'win32') {
        const r = await invoke('branches.writeTemplate', { path: 'C:\\考评\\模板.xlsx' });
        expect(r).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('不是完整路径') } });
      }
      expect(readdirSync(cwd)).toEqual([]);
    });
  });
});

describe('service-level callers (trusted): an existing file is not replaced', () => {
  it('writes a new file, refuses to replace it and leaves it as it was', async () => {
    const { invoke } = tempServices();
    const file = path.join(tempDir(), '模板.xlsx');
    writeFileSync(file, 'the user’s own file');
    expect(await invoke('branches.writeTemplate', { path: file })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('已存在，未覆盖') } });
    expect(readFileSync(file, 'utf8')).toBe('the user’s own file');
    // A picture saved without its extension gets one; a file of that name is not replaced either.
    const folder = tempDir();
    const chart = path.join(folder, '排名');
    expect(await invoke('files.writePng', { path: chart, dataBase64: PNG_1X1 })).toMatchObject({ ok: true, value: { path: `${chart}.png` } });
    expect(await invoke('files.writePng', { path: chart, dataBase64: PNG_1X1 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // A folder is not a file to write.
    mkdirSync(path.join(folder, 'x.xlsx'));
    expect(await invoke('branches.writeTemplate', { path: path.join(folder, 'x.xlsx') })).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('是一个文件夹') } });
  });
});

describe('the app (dialog policy, through the harness as the renderer calls it)', () => {
  let harness: Harness;
  let dir: string;
  let periodId: number;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rongping-grants-'));
    harness = await startHarness({ rendererDir: path.join(dir, 'renderer') });
    const sample = await harness.services.invoke('sample.create', { branches: 3, raters: 3, seed: 2 });
    if (!sample.ok) throw new Error(sample.error.message);
    periodId = sample.value.period.id;
  });
  afterAll(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(harness.dataDir, { recursive: true, force: true });
  });

  /** What the renderer does: one POST per call, with the token. */
  async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<unknown>> {
    const res = await fetch(`${harness.origin}/api/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: harness.token },
      body: JSON.stringify({ method, input }),
    });
    return (await res.json()) as Result<unknown>;
  }
  const save = async (file: string) => {
    harness.desktop.saves.push(file);
    expect(await call('dialog.saveFile', { defaultName: path.basename(file) })).toEqual({ ok: true, value: file });
  };

  it('refuses a write to a path no dialog answered; writes where the save dialog answered', async () => {
    const file = path.join(dir, '党支部导入模板.xlsx');
    expect(await call('branches.writeTemplate', { path: file })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('不是在“保存”对话框中选择的') } });
    expect(existsSync(file)).toBe(false);
    await save(file);
    expect(await call('branches.writeTemplate', { path: file })).toEqual({ ok: true, value: { path: file } });
    expect(existsSync(file)).toBe(true);
    // A cancelled dialog grants nothing.
    expect(await call('dialog.saveFile', { defaultName: 'x.xlsx' })).toEqual({ ok: true, value: null });
  });

  it('replaces an existing file only when the save dialog confirmed it', async () => {
    const file = path.join(dir, '通报.docx');
    await save(file); // did not exist: nothing to confirm
    writeFileSync(file, 'written by someone else after the dialog'); // e.g. another program
    expect(await call('documents.bulletin', { periodId, path: file })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('已存在，未覆盖') } });
    expect(readFileSync(file, 'utf8')).toBe('written by someone else after the dialog');
    await save(file); // exists now: the dialog asked “replace?” and the user said yes
    expect(await call('documents.bulletin', { periodId, path: file })).toEqual({ ok: true, value: { path: file } });
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    // A picture saved without its extension: the chosen name covers “.png” added, but not replacing such a file.
    const chart = path.join(dir, '排名');
    await save(chart);
    expect(await call('files.writePng', { path: chart, dataBase64: PNG_1X1 })).toEqual({ ok: true, value: { path: `${chart}.png` } });
    await save(chart);
    expect(await call('files.writePng', { path: chart, dataBase64: PNG_1X1 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('reads only a file the open dialog answered', async () => {
    const file = path.join(dir, '党支部导入模板.xlsx');
    expect(await call('branches.previewImport', { path: file })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('不是在“打开”对话框中选择的') } });
    harness.desktop.opens.push(file);
    expect(await call('dialog.openFile', { filters: [] })).toEqual({ ok: true, value: file });
    // Read now: the blank template has no rows, and says so.
    expect(await call('branches.previewImport', { path: file })).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringContaining('没有支部数据') } });
    // Chosen to be read is not chosen to be written.
    expect(await call('branches.writeTemplate', { path: file })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a folder the dialog answered takes a batch, one file per branch directly inside it, and never replaces them', async () => {
    const folder = path.join(dir, '反馈单');
    mkdirSync(folder);
    expect(await call('documents.startBatch', { periodId, mode: 'perBranch', path: folder })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    harness.desktop.folders.push(folder);
    expect(await call('dialog.openFolder', {})).toEqual({ ok: true, value: folder });
    const started = await call('documents.startBatch', { periodId, mode: 'perBranch', path: folder });
    if (!started.ok) throw new Error(started.error.message);
    const done = await waitForJob(harness.services.ctx, (started.value as { jobId: string }).jobId);
    expect(done).toMatchObject({ state: 'done', total: 3 });
    expect(readdirSync(folder).sort()).toEqual(done.files.map((f) => path.basename(f)).sort());
    expect(done.files.every((f) => path.dirname(f) === folder)).toBe(true);

    // Again into the same folder: every file is there already, so nothing is written.
    const before = done.files.map((f) => readFileSync(f));
    expect(await call('documents.startBatch', { periodId, mode: 'perBranch', path: folder })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('已有 3 个同名文件') },
    });
    expect(done.files.map((f) => readFileSync(f))).toEqual(before);
    expect(readdirSync(folder)).toHaveLength(3);
    // The grant covers new files directly inside the folder, not in a folder below it.
    expect(await call('documents.bulletin', { periodId, path: path.join(folder, '通报.docx') })).toMatchObject({ ok: true });
    mkdirSync(path.join(folder, 'sub'));
    expect(await call('documents.bulletin', { periodId, path: path.join(folder, 'sub', '通报.docx') })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(feedbackFileName({ code: 'SL-001', name: '甲' })).toContain('SL-001');
  });

  it('refuses a relative path from the renderer too', async () => {
    expect(await call('branches.writeTemplate', { path: '模板.xlsx' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('不是完整路径') } });
  });
});

describe('the CLI', () => {
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('resolves a relative path against its working directory; replaces an existing file only with --force', async () => {
    const data = tempDir();
    await inFreshCwd(async (cwd) => {
      expect(await run('branches', 'template', '模板.xlsx', '--data-dir', data)).toMatchObject({ code: 0 });
      const file = path.join(cwd, '模板.xlsx');
      expect(existsSync(file)).toBe(true);
      writeFileSync(file, 'edited by the user');
      const again = await run('branches', 'template', '模板.xlsx', '--data-dir', data);
      expect(again).toMatchObject({ code: 1, err: expect.stringContaining('已存在，未覆盖') });
      expect(again.err).toContain('--force');
      expect(readFileSync(file, 'utf8')).toBe('edited by the user');
      expect(await run('branches', 'template', '模板.xlsx', '--force', '--data-dir', data)).toMatchObject({ code: 0 });
      expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
      expect(readdirSync(cwd)).toEqual(['模板.xlsx']);
    });
    expect((await run('help')).out).toContain('--force');
  });
});

describe('a failed write leaves the user’s file as it was', () => {
  it('a workbook that fails part-way does not truncate the file it was to replace', async () => {
    const folder = tempDir();
    const file = path.join(folder, '业务数据.xlsx');
    writeFileSync(file, 'the previous export');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('业务数据').addRow(['SL-001', 1]);
    // A picture that cannot be read: exceljs fails while packing the workbook.
    const image = wb.addImage({ filename: path.join(folder, 'missing.png'), extension: 'png' });
    wb.worksheets[0]!.addImage(image, 'C1:D2');
    await expect(writeWorkbook(wb, file)).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('the previous export');
    expect(readdirSync(folder)).toEqual(['业务数据.xlsx']);
  });

  it('a rename that fails leaves no temporary file behind', async () => {
    const folder = tempDir();
    mkdirSync(path.join(folder, 'taken'));
    writeFileSync(path.join(folder, 'taken', 'x'), '');
    await expect(writeFileSafely(path.join(folder, 'taken'), Buffer.from('bytes'))).rejects.toMatchObject({ code: 'io', message: expect.stringContaining('原有文件未改动') });
    expect(readdirSync(folder)).toEqual(['taken']);
  });
});
