import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

describe('CLI: sample, periods, compute', () => {
  it('makes a sample period, lists it and computes it in text and JSON with explanations', async () => {
    const data = tempDir();
    const sample = await cli('sample', '--branches', '6', '--raters', '5', '--data-dir', data);
    expect(sample.code).toBe(0);
    expect(sample.out).toMatch(/已生成示例考核周期 1“.*”：6 个党支部，5 位评委/);
    const list = await cli('period', 'list', '--data-dir', data);
    expect(list.out).toMatch(/1\s+\d{4}年度党建业务一体化考评（示例.*评审中\s+6\s+5/);

    const text = await cli('compute', '--period', '1', '--data-dir', data);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/名次\s+编码\s+党支部\s+总分\s+党建\s+业务\s+融合\s+加分\s+等次\s+融合象限/);
    expect(text.out.split('\n').filter((l) => /^\d+\s+SL-\d{3}/.test(l))).toHaveLength(6);
    expect(text.out).toContain('一票否决');

    const json = JSON.parse((await cli('compute', '--period', '1', '--json', '--data-dir', data)).out);
    expect(json.result.branches).toHaveLength(6);
    expect(json.explanations).toHaveLength(6);
    const e = json.explanations[0];
    expect(e.cells.length).toBeGreaterThan(30);
    expect(e.cells.find((c: { method: string }) => c.method === 'rating').groups[0].scores[0]).toHaveProperty('raw');
    expect(e.grade).toHaveProperty('byThreshold');
  });

  it('creates a period on an existing framework and refuses bad options', async () => {
    const data = tempDir();
    await cli('sample', '--branches', '3', '--raters', '3', '--data-dir', data);
    const created = await cli('period', 'create', '--name', '2027年度考核', '--framework', '1', '--year', '2027', '--data-dir', data);
    expect(created).toMatchObject({ code: 0, out: expect.stringMatching(/已新建考核周期 2“2027年度考核”：3 个党支部/) });
    expect(await cli('period', 'create', '--name', 'x', '--framework', 'abc', '--data-dir', data)).toMatchObject({
      code: 2,
      err: expect.stringContaining('--framework 应为正整数'),
    });
    expect(await cli('period', 'create', '--framework', '1', '--data-dir', data)).toMatchObject({ code: 2, err: expect.stringContaining('缺少 --name') });
    expect(await cli('compute', '--period', '99', '--data-dir', data)).toMatchObject({ code: 1, err: expect.stringContaining('找不到这个考核周期') });
  });
});
