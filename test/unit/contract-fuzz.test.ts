/**
 * Every method of the contract under random input (issue 10: "clear errors,
 * never internal"). For each method, thousands of calls in all: arbitrary
 * JSON, and inputs shaped like the method's own schema — ids of rows that
 * exist in a sample period mixed with ids that do not, long strings, text
 * XML cannot hold, huge arrays, paths inside the test's folder only. Each
 * answer must be a value (nothing thrown), never the code 'internal', and a
 * refused call must leave every table of the database as it was.
 *
 * Each method starts from its own copy of one prepared database, so one
 * method's successful deletes do not starve the next of valid ids. Methods
 * that open native dialogs are left out (the headless desktop answers them).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { api, type MethodName } from '../../shared/api';
import { t } from '../../shared/messages';
import type { Result } from '../../shared/result';
import { createServices, type Services } from '../../electron/services';
import { waitForJob } from '../../electron/services/documents';

const SKIPPED = new Set<string>(['dialog.openFile', 'dialog.saveFile', 'dialog.openFolder']);
/** Methods that write Word documents or build a sample: slow per call, so fewer runs. */
const SLOW = /^documents\.(scoreSheet|bulletin|feedback|startBatch|meetingPack|minutes|publication)$|^sample\.create$|Import$|\.import$|\.export$|writeTemplate$/;
const RUNS = { fast: 36, slow: 10 };
/** A fixed seed keeps the run repeatable; FUZZ_SEED explores others (a failure prints its seed and path). */
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);

const ok = <T,>(r: Result<T>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** Every row of every table, in a stable order: what "nothing changed" is checked against. */
function snapshot(services: Services): string {
  const db = services.ctx.db;
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
  return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).raw().all()]));
}

interface Pools {
  period: number[];
  branch: number[];
  indicator: number[];
  framework: number[];
  rater: number[];
  group: number[];
  meeting: number[];
  item: number[];
  paths: string[];
}

const MISSING_IDS = [999_999, 2 ** 31, Number.MAX_SAFE_INTEGER];

/** Text near what a person types, and text that should be refused. */
const textArb = (max: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom('化工一厂', '王建国', '好', '优秀', ' ', '', '1.2', 'HG-01', '2026-11-20', '09:00', '1234') },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom('支部\uFFFE', '\uD800', 'a\u0001b', '\uFFFF', '😀\uDC00', 'x\u000By') },
    { weight: 1, arbitrary: fc.constant('长'.repeat(Math.min(max + 1, 60_000))) },
  );

/** Values a person would give; each field draws mostly from those its own schema accepts. */
const STRING_CANDIDATES = ['化工一厂', '王建国', '考评组', '好', '较好', '优秀', '良好', '一般', '较差', '1', '1.1', '9', '9.1', '2.3', 'HG-09', 'ZB-1', '2026-11-20', '2026-11-27', '2026-02-31', '09:00', '1234', '党委组织部', ''];
const NUMBER_CANDIDATES = [0, 1, 2, 3, 5, 10, 12, 20, 60, 100, 2026, 2027, 0.5, 0.2, 0.85, 0.6];
function mostlyValid(schema: z.ZodType, candidates: readonly unknown[], other: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const valid = candidates.filter((c) => schema.safeParse(c).success);
  return valid.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: other }) : other;
}

/** An input shaped like `schema`: ids from the pools (or missing), numbers at and past the bounds, arrays up to past their maximum. */
function near(schema: z.ZodType, key: string, method: string, pools: Pools): fc.Arbitrary<unknown> {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const checks = ((def.checks as { _zod: { def: { check: string; maximum?: number; minimum?: number } } }[] | undefined) ?? []).map((c) => c._zod.def);
  const maxOf = () => checks.find((c) => c.check === 'max_length')?.maximum;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, near(v, k, method, pools)]));
      // Mostly every key given (so calls reach the service), sometimes any of them left out.
      return fc.oneof({ weight: 4, arbitrary: fc.record(fields) }, { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) });
    }
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.oneof(near(def.innerType as z.ZodType, key, method, pools), fc.constant(undefined));
    case 'nullable':
      return fc.oneof(near(def.innerType as z.ZodType, key, method, pools), fc.constant(null));
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((o) => near(o, key, method, pools)));
    case 'enum':
      return fc.oneof(fc.constantFrom(...Object.values(def.entries as Record<string, string>)), fc.constant('none'));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constant('true'));
    case 'string':
      if (key === 'path') return fc.constantFrom(...pools.paths);
      if (key === 'dataBase64') return fc.constantFrom('iVBORw0KGgo=', '!!', 'A');
      return mostlyValid(schema, STRING_CANDIDATES, textArb(maxOf() ?? 200));
    case 'number':
      return (
        idLike(key, method, pools) ??
        mostlyValid(schema, NUMBER_CANDIDATES, fc.oneof(fc.integer({ min: -2, max: 12 }), fc.constantFrom(1e6, -1, 1e12, 0.85), fc.double()))
      );
    case 'array': {
      const element = near(def.element as z.ZodType, key, method, pools);
      const max = maxOf() ?? 10_000;
      const huge = Math.min(max + 1, 70_000);
      return fc.oneof(
        { weight: 8, arbitrary: fc.array(element, { maxLength: 6 }) },
        { weight: 1, arbitrary: element.map((e) => Array.from({ length: huge }, () => e)) },
      );
    }
    default:
      return fc.jsonValue();
  }
}

/** For a key naming an id: mostly ids of rows that exist (of the kind the key names), sometimes ids of nothing. */
function idLike(key: string, method: string, pools: Pools): fc.Arbitrary<number> | null {
  const kind: keyof Pools | null = /^(periodId|copyPanelFrom)$/.test(key)
    ? 'period'
    : /^branchIds?$/.test(key)
      ? 'branch'
      : /^(indicatorId|parentId)$/.test(key)
        ? 'indicator'
        : key === 'frameworkId'
          ? 'framework'
          : key === 'raterId'
            ? 'rater'
            : key === 'groupId'
              ? 'group'
              : key === 'meetingId'
                ? 'meeting'
                : key === 'itemId'
                  ? 'item'
                  : key === 'id'
                    ? ((
                        {
                          periods: 'period',
                          branches: 'branch',
                          frameworks: 'framework',
                          indicators: 'indicator',
                          meetings: 'meeting',
                          panel: method === 'panel.saveGroup' || method === 'panel.deleteGroup' ? 'group' : 'rater',
                        } as Record<string, keyof Pools>
                      )[method.split('.')[0]!] ?? 'item')
                    : null;
  if (!kind) return null;
  const ids = pools[kind] as number[];
  return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ids) }, { weight: 2, arbitrary: fc.constantFrom(...MISSING_IDS, ...Object.values(pools).flat().filter((x): x is number => typeof x === 'number')) });
}

let base: { dir: string; dbFile: string; pools: Pools };

beforeAll(async () => {
  // A prepared database: the sample period (in review, with scores), a meeting with its agenda, a publication, a draft period.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rongping-fuzz-'));
  const services = createServices({ dataDir: path.join(dir, 'base') });
  try {
    const { invoke } = services;
    const sample = ok(await invoke('sample.create', { branches: 4, raters: 3, seed: 11 }));
    const periodId = sample.period.id;
    const period = ok(await invoke('periods.get', { id: periodId }));
    const framework = ok(await invoke('frameworks.get', { id: period.frameworkId }));
    const panel = ok(await invoke('panel.get', { periodId }));
    const meeting = ok(await invoke('meetings.save', { periodId, kind: 'assessment', title: '考核会', date: '2026-11-20', withPanel: true, withAllBranches: true }));
    ok(await invoke('periods.publish', { periodId, start: '2026-11-21', end: '2026-11-27', objectionContact: '党委组织部' }));
    const draft = ok(await invoke('periods.create', { name: '2027年度', year: 2027, kind: 'annual', frameworkId: framework.id, branchIds: period.branchIds.slice(0, 2), copyPanelFrom: periodId }));
    const draftPanel = ok(await invoke('panel.get', { periodId: draft.id }));
    const files = path.join(dir, 'files');
    mkdirSync(files);
    ok(await invoke('branches.writeTemplate', { path: path.join(files, 'branches.xlsx') }));
    ok(await invoke('frameworks.export', { id: framework.id, path: path.join(files, 'framework.xlsx') }));
    ok(await invoke('scores.writeTemplate', { periodId: draft.id, raterId: draftPanel.raters[0]!.id, path: path.join(files, 'scores.xlsx') }));
    ok(await invoke('measurements.writeTemplate', { periodId: draft.id, path: path.join(files, 'measurements.xlsx') }));
    ok(await invoke('selfAssessment.writeTemplate', { periodId: draft.id, path: path.join(files, 'self.xlsx') }));
    writeFileSync(path.join(files, 'not-a-workbook.xlsx'), 'PK\u0003\u0004 this is not a zip');
    writeFileSync(path.join(files, 'empty.xlsx'), '');
    const pools: Pools = {
      period: [periodId, draft.id],
      branch: period.branchIds,
      indicator: framework.indicators.map((i) => i.id),
      framework: [framework.id],
      rater: [...panel.raters, ...draftPanel.raters].map((r) => r.id),
      group: [...panel.groups, ...draftPanel.groups].map((g) => g.id),
      meeting: [meeting.id],
      item: meeting.items.map((i) => i.id),
      paths: [
        ...['branches.xlsx', 'framework.xlsx', 'scores.xlsx', 'measurements.xlsx', 'self.xlsx', 'not-a-workbook.xlsx', 'empty.xlsx'].map((f) => path.join(files, f)),
        path.join(dir, 'out', 'new.docx'),
        path.join(dir, 'out', 'new.xlsx'),
        path.join(dir, 'out', 'new.png'),
        path.join(dir, 'out'),
        path.join(dir, 'missing', 'deeper', 'x.xlsx'),
        files,
        'relative.xlsx',
        ' ',
        '',
      ],
    };
    base = { dir, dbFile: services.ctx.databaseFile, pools };
  } finally {
    services.close();
  }
});

// The services resolve relative paths against the working directory: keep it inside the test's folder.
const previousCwd = process.cwd();
beforeAll(() => {
  const cwd = path.join(base.dir, 'cwd');
  mkdirSync(cwd, { recursive: true });
  process.chdir(cwd);
});
afterAll(() => {
  process.chdir(previousCwd);
  rmSync(base.dir, { recursive: true, force: true });
});

const methods = (Object.keys(api) as MethodName[]).filter((m) => !SKIPPED.has(m));
let copies = 0;

/** Fresh services on a copy of the prepared database. */
function servicesForMethod(): Services {
  const dataDir = path.join(base.dir, `copy-${++copies}`);
  mkdirSync(dataDir);
  copyFileSync(base.dbFile, path.join(dataDir, path.basename(base.dbFile)));
  return createServices({ dataDir });
}

describe('every contract method under random input', () => {
  let calls = 0;
  const outcomes: Record<string, Record<string, number>> = {};

  it.each(methods)('%s: answers with a value, never internal, and a refusal changes nothing', async (method) => {
    const services = servicesForMethod();
    try {
      const schemaKeys = Object.keys(((api[method].input as unknown as { _zod: { def: { shape?: object } } })._zod.def.shape ?? {}) as object);
      const arbitraryJson = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        schemaKeys.length ? fc.dictionary(fc.constantFrom(...schemaKeys), fc.jsonValue({ maxDepth: 2 }), { maxKeys: schemaKeys.length }) : fc.constant({}),
      );
      const input = fc.oneof({ weight: 1, arbitrary: arbitraryJson }, { weight: 3, arbitrary: near(api[method].input, '', method, base.pools) });
      const slow = SLOW.test(method);
      await fc.assert(
        fc.asyncProperty(input, async (raw) => {
          calls++;
          const tally = (outcomes[method] ??= {});
          const before = snapshot(services);
          let result: Result<unknown>;
          try {
            result = await services.invoke(method, raw as never);
          } catch (e) {
            throw new Error(`${method} threw ${String(e)} on ${JSON.stringify(raw)?.slice(0, 300)}`, { cause: e });
          }
          const outcome = result.ok ? 'ok' : result.error.code;
          tally[outcome] = (tally[outcome] ?? 0) + 1;
          if (result.ok && method === 'documents.startBatch') await waitForJob(services.ctx, (result.value as { jobId: string }).jobId);
          if (!result.ok && result.error.code === 'internal') {
            throw new Error(`${method} answered 'internal' on ${JSON.stringify(raw)?.slice(0, 300)}`);
          }
          // The foreign-key message is dispatch's second line; the service itself should have named what is missing.
          if (!result.ok && result.error.message === t('error.foreignKey')) {
            throw new Error(`${method} reached a foreign-key failure its service did not check, on ${JSON.stringify(raw)?.slice(0, 300)}`);
          }
          if (!result.ok && snapshot(services) !== before) {
            throw new Error(`${method} refused (${result.error.code}: ${result.error.message.slice(0, 120)}) but changed the database, on ${JSON.stringify(raw)?.slice(0, 300)}`);
          }
        }),
        { numRuns: slow ? RUNS.slow : RUNS.fast, seed: SEED, endOnFailure: true },
      );
    } finally {
      services.close();
    }
  });

  it('made thousands of calls in all', () => {
    expect(calls).toBeGreaterThan(2000);
    if (process.env.FUZZ_STATS) console.log(JSON.stringify(outcomes, null, 1));
  });
});
