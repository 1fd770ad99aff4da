// npm run docs:cli — writes docs/cli.md from the CLI's command table
// (electron/cli/commands.ts). test/unit/cli-docs.test.ts fails when they differ.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliMarkdown } from '../electron/cli/docs';

const target = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'cli.md');
writeFileSync(target, cliMarkdown());
console.log(`Wrote ${path.relative(process.cwd(), target)}`);
