/**
 * Every relative link in the repository's Markdown files names a file that
 * exists (and, with a #fragment, a heading in it), inside the repository:
 * the README and docs/ are read by people who have only the checkout.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/repo';

/** Folders that are not the repository's own documents (as .gitignore, plus .git). */
const SKIP = new Set(['node_modules', '.git', 'dist', 'release', '.vite', path.join('test', 'artifacts'), path.join('test', 'scratch')]);

function markdownFiles(dir = REPO_ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(path.relative(REPO_ROOT, full)) ? [] : markdownFiles(full);
    return entry.name.endsWith('.md') ? [full] : [];
  });
}

/** Text outside fenced code blocks and inline code, where a link is a link. */
const prose = (text: string) => text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');

/** Link targets: [text](target) and [text](target "title"). */
const linkTargets = (text: string) => [...prose(text).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);

/** GitHub's anchor of a heading: lower case, punctuation dropped (letters of any script kept), spaces to hyphens. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

const anchorsIn = (file: string) =>
  new Set([...prose(readFileSync(file, 'utf8')).matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => anchorOf(m[1]!)));

/** What is wrong with one link of `file`, or null. */
function brokenLink(file: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return null; // https:, mailto: — not a file
  const [rawPath = '', fragment] = target.split('#');
  const resolved = rawPath === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(rawPath));
  if (path.relative(REPO_ROOT, resolved).startsWith('..')) return `${target}: outside the repository`;
  if (!existsSync(resolved)) return `${target}: no such file`;
  if (fragment && statSync(resolved).isFile() && resolved.endsWith('.md') && !anchorsIn(resolved).has(decodeURIComponent(fragment))) {
    return `${target}: no heading with that anchor`;
  }
  return null;
}

describe('links in the Markdown documents', () => {
  const files = markdownFiles();

  it('finds the README and the docs', () => {
    const names = files.map((f) => path.relative(REPO_ROOT, f));
    expect(names).toEqual(expect.arrayContaining(['README.md', path.join('docs', 'scoring-rules.md'), path.join('docs', 'cli.md')]));
  });

  it('every relative link resolves to a file (and heading) in the repository', () => {
    const broken = files.flatMap((file) =>
      linkTargets(readFileSync(file, 'utf8'))
        .map((target) => brokenLink(file, target))
        .filter((problem): problem is string => problem !== null)
        .map((problem) => `${path.relative(REPO_ROOT, file)}: ${problem}`),
    );
    expect(broken).toEqual([]);
  });

  it('the README names no path outside the repository', () => {
    expect(readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')).not.toMatch(/\.\.\/shared|\/work\//);
  });

  it('the checker finds a broken link, a missing anchor and a link out of the repository', () => {
    const readme = path.join(REPO_ROOT, 'README.md');
    expect(linkTargets('see [a](docs/a.md) and `[b](c.md)` and [x](https://example.com)')).toEqual(['docs/a.md', 'https://example.com']);
    expect(brokenLink(readme, 'docs/no-such-file.md')).toContain('no such file');
    expect(brokenLink(readme, 'docs/reliability.md#no-such-heading')).toContain('no heading');
    expect(brokenLink(readme, '../shared/tools/render-docx')).toContain('outside the repository');
    expect(brokenLink(readme, 'docs/reliability.md#可靠性-reliability')).toBeNull();
    expect(anchorOf('每个导入都先检查的 What every import checks first')).toBe('每个导入都先检查的-what-every-import-checks-first');
  });
});
