import { describe, expect, it } from 'vitest';
import { IndicatorFields, LeafMethod, TAGS, type IndicatorDraft, type Tag } from '../../shared/domain/framework';
import { DEFAULT_GRADES } from '../../shared/domain/period';
import { UNIFIED_TEMPLATE } from '../../shared/domain/templates/unified';

interface Visited {
  node: IndicatorDraft;
  parent: IndicatorDraft | null;
  depth: number;
}

const walk = (nodes: IndicatorDraft[], parent: IndicatorDraft | null = null, depth = 1): Visited[] =>
  nodes.flatMap((node) => [{ node, parent, depth }, ...walk(node.children ?? [], node, depth + 1)]);

const all = walk(UNIFIED_TEMPLATE.indicators);
const isLeaf = (n: IndicatorDraft) => (n.children ?? []).length === 0;
const leaves = all.map((v) => v.node).filter(isLeaf);
const methodOf = (n: IndicatorDraft) => LeafMethod.parse(n.method);
const kindOf = (n: IndicatorDraft): string | null => (n.method ? n.method.kind : null);

/** A node is bonus (or veto) when it is such a leaf, or all its children are. */
const allOfKind = (n: IndicatorDraft, kind: 'bonus' | 'veto'): boolean =>
  isLeaf(n) ? kindOf(n) === kind : (n.children ?? []).every((c) => allOfKind(c, kind));

/** Points are compared in tenths, so 0.1-sums do not trip on binary fractions. */
const tenths = (x: number) => Math.round(x * 10);
const sumTenths = (nodes: IndicatorDraft[]) => nodes.reduce((s, n) => s + tenths(n.maxPoints), 0);

const top = UNIFIED_TEMPLATE.indicators;
const bonusDims = top.filter((n) => allOfKind(n, 'bonus'));
const vetoDims = top.filter((n) => allOfKind(n, 'veto'));
const baseLeaves = leaves.filter((n) => kindOf(n) !== 'bonus' && kindOf(n) !== 'veto');

describe('the built-in template 党建业务一体化考评', () => {
  it('is named and described', () => {
    expect(UNIFIED_TEMPLATE.name).toBe('党建业务一体化考评');
    expect(UNIFIED_TEMPLATE.description.trim().length).toBeGreaterThan(10);
  });

  it('has the seven dimensions of seed 003 §4.3, then 加分项 and 一票否决', () => {
    expect(top.map((n) => n.name)).toEqual(['政治建设', '组织建设', '党员作用', '任务完成', '服务质量', '创新成效', '风险防控', '加分项', '一票否决']);
  });

  it('numbers codes 1, 1.1, 1.1.1 … without gaps or duplicates', () => {
    const codes = all.map((v) => v.node.code);
    expect(new Set(codes).size).toBe(codes.length);
    top.forEach((n, i) => expect(n.code).toBe(String(i + 1)));
    for (const { node } of all) {
      (node.children ?? []).forEach((child, i) => expect(child.code).toBe(`${node.code}.${i + 1}`));
    }
    expect(Math.max(...all.map((v) => v.depth))).toBeLessThanOrEqual(3);
  });

  it('passes the stored-field schema on every node', () => {
    for (const { node } of all) {
      const { children: _children, ...fields } = node;
      const parsed = IndicatorFields.safeParse(fields);
      expect(parsed.success, `${node.code}: ${parsed.error?.message ?? ''}`).toBe(true);
    }
  });

  it('gives a method to every leaf and to no inner node', () => {
    for (const { node } of all) {
      if (isLeaf(node)) {
        expect(node.method, node.code).toBeTruthy();
        expect(LeafMethod.safeParse(node.method).success, node.code).toBe(true);
      } else {
        expect(node.method, node.code).toBeNull();
      }
    }
  });

  it('uses points with at most one decimal', () => {
    for (const { node } of all) {
      expect(node.maxPoints, node.code).toBeGreaterThanOrEqual(0);
      expect(Math.abs(node.maxPoints * 10 - tenths(node.maxPoints)), node.code).toBeLessThan(1e-9);
    }
  });

  it("makes every normal inner node's max the sum of its children's, and keeps bonus and veto leaves out of them", () => {
    const normalInner = all.map((v) => v.node).filter((n) => !isLeaf(n) && !allOfKind(n, 'bonus') && !allOfKind(n, 'veto'));
    expect(normalInner.length).toBeGreaterThan(0);
    for (const node of normalInner) {
      const children = node.children ?? [];
      const counted = children.filter((c) => !allOfKind(c, 'bonus') && !allOfKind(c, 'veto'));
      expect(counted, `${node.code} mixes bonus or veto children into a normal node`).toHaveLength(children.length);
      expect(sumTenths(counted), node.code).toBe(tenths(node.maxPoints));
    }
  });

  it('totals 100 over the non-bonus dimensions', () => {
    const base = top.filter((n) => !allOfKind(n, 'bonus'));
    expect(sumTenths(base)).toBe(1000);
    expect(sumTenths(baseLeaves)).toBe(1000);
  });

  it('has one bonus dimension of bonus leaves, its max their sum', () => {
    expect(bonusDims).toHaveLength(1);
    const dim = bonusDims[0]!;
    expect(dim.name).toBe('加分项');
    const children = dim.children ?? [];
    expect(children.length).toBeGreaterThan(0);
    for (const c of children) expect(kindOf(c), c.code).toBe('bonus');
    expect(sumTenths(children)).toBe(tenths(dim.maxPoints));
    const bonusLeaves = leaves.filter((n) => kindOf(n) === 'bonus');
    expect(bonusLeaves.every((n) => children.includes(n))).toBe(true);
  });

  it('has one veto dimension of veto leaves, all worth 0', () => {
    expect(vetoDims).toHaveLength(1);
    const dim = vetoDims[0]!;
    expect(dim.name).toBe('一票否决');
    expect(dim.maxPoints).toBe(0);
    const children = dim.children ?? [];
    expect(children.length).toBeGreaterThan(0);
    for (const c of children) {
      expect(kindOf(c), c.code).toBe('veto');
      expect(c.maxPoints, c.code).toBe(0);
    }
    const vetoLeaves = leaves.filter((n) => kindOf(n) === 'veto');
    expect(vetoLeaves.every((n) => children.includes(n))).toBe(true);
  });

  it('gives every method coherent parameters', () => {
    const gradeLabels = DEFAULT_GRADES.map((g) => g.label);
    for (const leaf of leaves) {
      const m = methodOf(leaf);
      const max = leaf.maxPoints;
      const where = `${leaf.code} ${leaf.name}`;
      switch (m.kind) {
        case 'rating': {
          expect(max, where).toBeGreaterThan(0);
          const steps = max / m.step;
          expect(Math.abs(steps - Math.round(steps)), where).toBeLessThan(1e-9);
          break;
        }
        case 'level': {
          expect(max, where).toBeGreaterThan(0);
          const fractions = m.levels.map((l) => l.fraction);
          expect(fractions[0], where).toBe(1);
          expect(fractions.at(-1), where).toBe(0);
          expect([...fractions].sort((a, b) => b - a), where).toEqual(fractions);
          expect(new Set(m.levels.map((l) => l.label)).size, where).toBe(m.levels.length);
          break;
        }
        case 'deduction':
          expect(m.perOccurrence, where).toBeLessThanOrEqual(max);
          break;
        case 'bonus':
          expect(m.perItem, where).toBeLessThanOrEqual(max);
          break;
        case 'quantitative':
          expect(max, where).toBeGreaterThan(0);
          if (m.direction === 'higher') expect(m.floorRatio, where).toBeLessThan(1);
          else expect(m.floorRatio, where).toBeGreaterThan(1);
          expect(m.excessCap, where).toBeGreaterThanOrEqual(0);
          expect(m.excessCap, where).toBeLessThanOrEqual(1);
          break;
        case 'veto':
          expect(max, where).toBe(0);
          if (m.capGrade !== null) expect(gradeLabels, where).toContain(m.capGrade);
          break;
      }
    }
  });

  it('uses every scoring method', () => {
    const kinds = new Set(leaves.map(kindOf));
    expect([...kinds].sort()).toEqual(['bonus', 'deduction', 'level', 'quantitative', 'rating', 'veto']);
  });

  it('gives each tag leaves and a meaningful share of the 100 base points', () => {
    const totals = Object.fromEntries(TAGS.map((t) => [t, 0])) as Record<Tag, number>;
    for (const leaf of baseLeaves) totals[leaf.tag] += tenths(leaf.maxPoints);
    for (const tag of TAGS) expect(leaves.some((n) => n.tag === tag), tag).toBe(true);
    expect(totals.party).toBeGreaterThanOrEqual(300);
    expect(totals.business).toBeGreaterThanOrEqual(250);
    expect(totals.fusion).toBeGreaterThanOrEqual(250);
  });

  it('writes criteria and evidence for every node', () => {
    for (const { node } of all) {
      expect(node.name.trim(), node.code).not.toBe('');
      expect((node.criteria ?? '').trim().length, `${node.code} criteria`).toBeGreaterThan(0);
      expect((node.evidence ?? '').trim().length, `${node.code} evidence`).toBeGreaterThan(0);
    }
  });

  it('has 35 to 50 leaves', () => {
    expect(leaves.length).toBeGreaterThanOrEqual(35);
    expect(leaves.length).toBeLessThanOrEqual(50);
  });
});
