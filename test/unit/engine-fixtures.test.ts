/**
 * Hand-computed cases (test/fixtures/engine/*.json, with the working in the
 * .md beside each): expected results worked out independently from the
 * rules of docs/scoring-rules.md, compared with what the engine computes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../helpers/repo';
import { PeriodSettings } from '../../shared/domain/period';
import { Engine, type EngineInput } from '../../shared/engine';

interface Fixture {
  description: string;
  input: EngineInput;
  expected: {
    branches: {
      code: string;
      total: number;
      base: number;
      bonus: number;
      party: number;
      business: number;
      fusion: number;
      deducted: number;
      vetoed: boolean;
      grade: string;
      rank: number;
      complete: boolean;
      missing: number;
      quadrant: string | null;
    }[];
    split: { party: number; business: number };
    quotas: { label: string; allowed: number; movedCodes: string[] }[];
    cells: { branch: string; indicator: string; points: number; dropped: number[] }[];
  };
}

const DIR = repoPath('test', 'fixtures', 'engine');
const fixtures = readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('hand-computed fixtures', () => {
  it('has fixtures to check', () => expect(fixtures.length).toBeGreaterThanOrEqual(3));

  describe.each(fixtures)('%s', (file) => {
    const fixture = JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as Fixture;
    const engine = new Engine({ ...fixture.input, settings: PeriodSettings.parse(fixture.input.settings) });
    const result = engine.result;
    const codeOf = new Map(fixture.input.branches.map((b) => [b.id, b.code]));
    const idOfBranch = new Map(fixture.input.branches.map((b) => [b.code, b.id]));
    const idOfIndicator = new Map(fixture.input.indicators.map((n) => [n.code, n.id]));

    it('ranks, totals, subtotals, grades and flags as worked out by hand', () => {
      const actual = result.branches.map((b) => ({
        code: b.code,
        total: b.total,
        base: b.base,
        bonus: b.bonus,
        party: b.tags.party.points,
        business: b.tags.business.points,
        fusion: b.tags.fusion.points,
        deducted: b.deducted,
        vetoed: b.vetoed,
        grade: b.grade,
        rank: b.rank,
        complete: b.complete,
        missing: b.missing,
        quadrant: b.quadrant,
      }));
      expect(actual).toEqual(fixture.expected.branches);
    });

    it('splits the fusion quadrants and applies the quotas as worked out', () => {
      expect({ party: result.split.party, business: result.split.business }).toEqual(fixture.expected.split);
      expect(result.quotas.map((q) => ({ label: q.label, allowed: q.allowed, movedCodes: q.movedBranchIds.map((id) => codeOf.get(id)) }))).toEqual(
        fixture.expected.quotas,
      );
    });

    it('explains the spot-checked cells as worked out', () => {
      for (const cell of fixture.expected.cells) {
        const explanation = engine.explainBranch(idOfBranch.get(cell.branch)!)!;
        const c = explanation.cells.find((x) => x.indicatorId === idOfIndicator.get(cell.indicator))!;
        expect(c.value, `${cell.branch} ${cell.indicator}`).toBeCloseTo(cell.points, 2);
        const dropped = c.groups.flatMap((g) => g.scores.filter((s) => s.dropped).map((s) => s.raterId)).sort((a, b) => a - b);
        expect(dropped, `${cell.branch} ${cell.indicator} dropped`).toEqual([...cell.dropped].sort((a, b) => a - b));
      }
    });
  });
});
