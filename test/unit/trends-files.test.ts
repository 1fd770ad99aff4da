import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, tempServices } from '../helpers/tmp';

// The smallest valid PNG: 1×1, white.
const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC';

describe('results.trend', () => {
  it('lists a branch’s totals over the periods whose results are visible, oldest first', async () => {
    const { invoke } = tempServices();
    const first = await invoke('sample.create', { branches: 4, raters: 3, seed: 1 });
    const second = await invoke('sample.create', { branches: 4, raters: 3, seed: 2 });
    if (!first.ok || !second.ok) throw new Error('sample');
    const results = await invoke('results.get', { periodId: second.value.period.id });
    const branch = results.ok ? results.value.result.branches[0]! : null;
    const trend = await invoke('results.trend', { branchId: branch!.branchId });
    expect(trend.ok && trend.value.map((p) => p.periodId)).toEqual([first.value.period.id, second.value.period.id]);
    expect(trend.ok && trend.value[1]).toMatchObject({ total: branch!.total, grade: branch!.grade, rank: branch!.rank, of: 4 });
  });
});

describe('files.writePng', () => {
  it('writes a PNG, adding the extension, and refuses anything else', async () => {
    const { invoke } = tempServices();
    const dir = tempDir();
    const target = path.join(dir, '排名');
    const written = await invoke('files.writePng', { path: target, dataBase64: PNG_1X1 });
    expect(written.ok).toBe(true);
    const file = written.ok ? written.value.path : '';
    expect(file.endsWith('.png')).toBe(true);
    expect(readFileSync(file).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const bad = await invoke('files.writePng', { path: path.join(dir, 'x.png'), dataBase64: Buffer.from('not a png').toString('base64') });
    expect(bad.ok).toBe(false);
    expect(existsSync(path.join(dir, 'x.png'))).toBe(false);
  });
});
