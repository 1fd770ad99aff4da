/** The CLI's scoring commands: 评委评分表, 业务数据, 操作记录, 计算结果. */
import { PERIOD_STATUS_LABELS } from '../../shared/domain/period';
import type { PeriodResults } from '../../shared/domain/views';
import { formatTable } from '../cli-format';
import { describeAuditChain } from '../services/audit-verify';
import { fail, fileArg, intFlag, periodFile, report, UsageError, type CliCommand } from './command';

const resultsTable = (r: PeriodResults) =>
  `${r.period.name}（${PERIOD_STATUS_LABELS[r.period.status]}）\n` +
  formatTable(
    ['名次', '编码', '党支部', '总分', '党建', '业务', '融合', '加分', '等次', '融合象限', '说明'],
    r.result.branches.map((b) => [
      String(b.rank),
      b.code,
      b.name,
      b.total.toFixed(2),
      b.tags.party.points.toFixed(2),
      b.tags.business.points.toFixed(2),
      b.tags.fusion.points.toFixed(2),
      b.bonus.toFixed(2),
      b.grade,
      b.quadrant ?? '',
      [b.vetoed ? '一票否决' : '', b.complete ? '' : `缺 ${b.missing} 项评分`].filter(Boolean).join('，'),
    ]),
  ) +
  `\n基本分满分 ${r.result.baseMax}；${r.result.quotas.map((q) => `${q.label}名额 ${q.allowed} 个`).join('，') || '无名额限制'}` +
  (r.result.complete ? '' : '\n注意：评分尚不完整，结果为暂定。');

export const SCORING_COMMANDS: CliCommand[] = [
  {
    name: 'scores template',
    usage: 'scores template 文件.xlsx --period 编号 --rater 编号',
    summary: ['写出一位评委的评分表（纸质录入或评委在自己电脑上填写）'],
    flags: ['period', 'rater'],
    run: async (call) => {
      const { services, flags, o } = call;
      const target = periodFile(call, 'scores template');
      return report(
        await services().invoke('scores.writeTemplate', { ...target, raterId: intFlag(flags.rater, 'rater') }),
        o,
        (r) =>
          `已写出评委“${r.rater.name}”的评分表：${r.indicators} 个指标 × ${r.branches} 个党支部` +
          `${r.recused ? `（回避 ${r.recused} 个）` : ''}${r.prefilled ? `，已填入已有评分 ${r.prefilled} 条` : ''}\n${r.path}`,
      );
    },
  },
  {
    name: 'scores import',
    usage: 'scores import 文件.xlsx --period 编号 [--reason 原因]',
    summary: ['导入评委评分表（有任何错误则全部不导入；评审阶段须写原因）'],
    flags: ['period', 'reason'],
    run: async ({ services, positionals, flags, o }) => {
      const file = fileArg(positionals, 2, 'scores import');
      if (flags.reason !== undefined && flags.reason.trim() === '') throw new UsageError('--reason 不能为空');
      return report(
        await services().invoke('scores.import', { periodId: intFlag(flags.period, 'period'), path: file, ...(flags.reason ? { reason: flags.reason } : {}) }),
        o,
        (r) => `已导入 ${r.file}（评委“${r.rater.name}”）：保存 ${r.saved} 条评分，${r.unchanged} 条未变`,
      );
    },
  },
  {
    name: 'scores export',
    usage: 'scores export 文件.xlsx --period 编号',
    summary: ['把全部评分导出为一张明细表（评审开始后才能导出）'],
    flags: ['period'],
    run: async (call) => report(await call.services().invoke('scores.export', periodFile(call, 'scores export')), call.o, (r) => `已导出 ${r.rows} 条评分到 ${r.path}`),
  },
  {
    name: 'measurements template',
    usage: 'measurements template 文件.xlsx --period 编号',
    summary: ['写出业务数据表（已填好每个支部的每个定量指标）'],
    flags: ['period'],
    run: async (call) =>
      report(await call.services().invoke('measurements.writeTemplate', periodFile(call, 'measurements template')), call.o, (r) =>
        `已写出业务数据表（${r.rows} 行：每个党支部的每个定量指标）到 ${r.path}`,
      ),
  },
  {
    name: 'measurements import',
    usage: 'measurements import 文件.xlsx --period 编号',
    summary: ['导入业务数据（有任何错误则全部不导入）'],
    flags: ['period'],
    run: async (call) =>
      report(await call.services().invoke('measurements.import', periodFile(call, 'measurements import')), call.o, (r) =>
        `已导入 ${r.file}：保存 ${r.saved} 条业务数据，${r.unchanged} 条未变${r.skipped ? `，${r.skipped} 行未填写` : ''}`,
      ),
  },
  {
    name: 'audit export',
    usage: 'audit export 文件.xlsx --period 编号',
    summary: ['把考核周期的操作记录导出为 Excel'],
    flags: ['period'],
    run: async (call) => report(await call.services().invoke('audit.export', periodFile(call, 'audit export')), call.o, (r) => `已导出 ${r.rows} 条操作记录到 ${r.path}`),
  },
  {
    name: 'audit verify',
    usage: 'audit verify',
    summary: ['校验操作记录的哈希链：被改动、插入或删除的记录会被指出（发现问题时退出码为 1）'],
    flags: [],
    run: async ({ services, o }) => {
      const status = await services().invoke('audit.verify', {});
      if (!status.ok) return fail(status, o);
      o.out(o.json ? JSON.stringify(status.value, null, 2) : describeAuditChain(status.value));
      return status.value.ok ? 0 : 1;
    },
  },
  {
    name: 'compute',
    usage: 'compute --period 编号',
    summary: ['计算考核结果（--json 输出全部结果和每个分数的来历）'],
    flags: ['period'],
    run: async ({ services, flags, o }) => {
      const { invoke } = services();
      const periodId = intFlag(flags.period, 'period');
      const results = await invoke('results.get', { periodId });
      if (!results.ok || !o.json) return report(results, o, resultsTable);
      // The full results with every branch's explanation, for scripts and audits.
      const explanations = [];
      for (const b of results.value.result.branches) {
        const e = await invoke('results.explain', { periodId, branchId: b.branchId });
        if (!e.ok) return fail(e, o);
        explanations.push(e.value);
      }
      return report({ ok: true, value: { ...results.value, explanations } }, o, () => '');
    },
  },
];
