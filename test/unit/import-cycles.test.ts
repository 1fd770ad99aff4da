/**
 * No import cycles in electron/ or shared/: a module's imports (import, export
 * … from, import type too — a type cycle still ties two modules' meanings
 * together) are read with the TypeScript compiler's parser, relative paths
 * resolved, and the files that import each other round compared with a list
 * of known cycles; each cycle is printed as its chain of files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const DIRS = ['electron', 'shared'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The module specifiers a file imports or re-exports from (also `import('…')` types). */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) out.push(node.moduleSpecifier.text);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) out.push(node.argument.literal.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** A relative specifier to the file it names (x.ts, x.tsx, x/index.ts), or null for a package. */
function resolve(from: string, spec: string, files: Set<string>): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec).replace(/\.js$/, '');
  return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => files.has(f)) ?? null;
}

const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');

function importGraph(): Map<string, string[]> {
  const files = DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d))).sort();
  const known = new Set(files);
  return new Map(files.map((f) => [f, [...new Set(specifiers(f).map((s) => resolve(f, s, known)).filter((x): x is string => x !== null))].sort()]));
}

/** The groups of files that import each other round (strongly connected components of more than one file, or one importing itself), sorted. */
function cycleGroups(graph: Map<string, string[]>): string[][] {
  // Tarjan's algorithm.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (f: string) => {
    index.set(f, index.size);
    low.set(f, index.get(f)!);
    stack.push(f);
    onStack.add(f);
    for (const next of graph.get(f) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(f, Math.min(low.get(f)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(f, Math.min(low.get(f)!, index.get(next)!));
    }
    if (low.get(f) === index.get(f)) {
      const group: string[] = [];
      let x: string;
      do {
        x = stack.pop()!;
        onStack.delete(x);
        group.push(x);
      } while (x !== f);
      if (group.length > 1 || graph.get(f)!.includes(f)) groups.push(group.map(rel).sort());
    }
  };
  for (const f of graph.keys()) if (!index.has(f)) visit(f);
  return groups.sort((a, b) => a.join().localeCompare(b.join()));
}

/** One cycle through each import that closes one, as a chain of files, for the message. */
function cycleChains(graph: Map<string, string[]>): string[] {
  const chains: string[] = [];
  const done = new Set<string>();
  const onPath: string[] = [];
  const walk = (f: string) => {
    onPath.push(f);
    for (const next of graph.get(f) ?? []) {
      const at = onPath.indexOf(next);
      if (at >= 0) chains.push([...onPath.slice(at), next].map(rel).join(' → '));
      else if (!done.has(next)) walk(next);
    }
    onPath.pop();
    done.add(f);
  };
  for (const f of graph.keys()) if (!done.has(f)) walk(f);
  return chains;
}

/** None: a new cycle, or a file joining one, fails the test at once (type-only imports count too). */
const ALLOWED: string[][] = [];

describe('import cycles in electron/ and shared/', () => {
  it('has none beyond the known ones being removed', () => {
    const graph = importGraph();
    const groups = cycleGroups(graph);
    if (groups.length) console.log(`import cycles:\n${cycleChains(graph).map((c) => `  ${c}`).join('\n')}`);
    expect(groups).toEqual(ALLOWED);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const a = path.join(ROOT, 'a.ts');
    const b = path.join(ROOT, 'b.ts');
    const c = path.join(ROOT, 'c.ts');
    expect(cycleGroups(new Map([[a, [b]], [b, [c]], [c, [a]]]))).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(cycleGroups(new Map([[a, [b]], [b, [c]], [c, []]]))).toEqual([]);
  });
});
