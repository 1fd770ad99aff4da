import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliMarkdown } from '../../electron/cli/docs';
import { COMMANDS, usageText } from '../../electron/cli/commands';
import { cli } from '../helpers/cli';
import { repoPath } from '../helpers/repo';

describe('CLI documentation from the command table', () => {
  it('docs/cli.md is what `npm run docs:cli` writes from the table', () => {
    const written = readFileSync(repoPath('docs', 'cli.md'), 'utf8');
    // On failure: run `npm run docs:cli` and commit docs/cli.md.
    expect(written).toBe(cliMarkdown());
  });

  it('help prints every command of the table, and each is documented', async () => {
    const help = await cli('help');
    expect(help).toMatchObject({ code: 0, out: usageText() });
    const doc = cliMarkdown();
    for (const c of COMMANDS) {
      expect(help.out).toContain(`  ${c.usage}`);
      expect(doc).toContain(`rongping ${c.usage}\n`);
    }
  });

  it('names every command once', () => {
    const names = COMMANDS.flatMap((c) => [c.name, ...(c.also ?? [])]);
    expect(new Set(names).size).toBe(names.length);
  });
});
