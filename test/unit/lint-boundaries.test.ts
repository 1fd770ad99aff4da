import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/repo';

// Lints as if from the repository's root: its config, and file paths relative to it.
const eslint = new ESLint({ cwd: REPO_ROOT });

/** Lints a snippet as if it were the file at `filePath`; returns the boundary-rule messages. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('process boundaries are enforced by lint', () => {
  it('fails when shared/ imports Node', async () => {
    expect(await boundaryErrors('shared/domain/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toHaveLength(1);
    expect(await boundaryErrors('shared/x.ts', "import path from 'path';\nexport const a = path;\n")).toHaveLength(1);
  });

  it('fails when shared/ imports Electron, React or the database driver', async () => {
    for (const mod of ['electron', 'react', 'better-sqlite3', 'antd']) {
      expect(await boundaryErrors('shared/x.ts', `import m from '${mod}';\nexport const a = m;\n`)).toHaveLength(1);
    }
  });

  it('fails when renderer/ imports main-process code or Node', async () => {
    expect(
      await boundaryErrors('renderer/src/pages/X.tsx', "import { dispatch } from '../../../electron/services/dispatch';\nexport const a = dispatch;\n"),
    ).toHaveLength(1);
    expect(await boundaryErrors('renderer/src/x.ts', "import { readFile } from 'node:fs/promises';\nexport const a = readFile;\n")).toHaveLength(1);
    expect(await boundaryErrors('renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n")).toHaveLength(1);
  });

  it('fails when a service imports the Electron module; main, preload and ipc may', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await boundaryErrors('electron/services/branches.ts', code)).toHaveLength(1);
    expect(await boundaryErrors('electron/cli.ts', code)).toHaveLength(1);
    for (const file of ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts']) {
      expect(await boundaryErrors(file, code)).toEqual([]);
    }
  });

  it('keeps better-sqlite3 inside electron/db', async () => {
    const code = "import Database from 'better-sqlite3';\nexport const a = Database;\n";
    expect(await boundaryErrors('electron/services/x.ts', code)).toHaveLength(1);
    expect(await boundaryErrors('electron/db/sqlite.ts', code)).toEqual([]);
  });

  it('lets shared/ and renderer/ import what they should', async () => {
    expect(await boundaryErrors('shared/x.ts', "import { z } from 'zod';\nexport const a = z;\n")).toEqual([]);
    expect(
      await boundaryErrors('renderer/src/x.tsx', "import { Button } from 'antd';\nimport { t } from '../../shared/messages';\nexport const a = [Button, t];\n"),
    ).toEqual([]);
  });
});

describe('transactions are opened in one place', () => {
  const transactionErrors = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  };

  it('refuses db.transaction in services (a deferred transaction fails at once under a second writer)', async () => {
    const code = "import type { Database } from '../db';\nexport const f = (db: Database) => db.transaction(() => 1)();\n";
    expect(await transactionErrors('electron/services/x.ts', code)).toEqual([expect.stringContaining('inTransaction')]);
  });

  it('lets services use inTransaction', async () => {
    const code = "import { inTransaction, type Database } from '../db';\nexport const f = (db: Database) => inTransaction(db, () => 1);\n";
    expect(await transactionErrors('electron/services/x.ts', code)).toEqual([]);
  });
});

describe('reports only render', () => {
  it('refuses database and service imports in electron/reports, allows the shared domain', async () => {
    expect(await boundaryErrors('electron/reports/x.ts', "import { getPeriod } from '../services/periods';\nexport const a = getPeriod;\n")).toHaveLength(1);
    expect(await boundaryErrors('electron/reports/charts/x.ts', "import type { Database } from '../../db';\nexport type A = Database;\n")).toHaveLength(1);
    expect(await boundaryErrors('electron/reports/x.ts', "import { t } from '../../shared/messages';\nimport { AppError } from '../errors';\nexport const a = [t, AppError];\n")).toEqual([]);
  });
});

describe('messages come from the catalogue', () => {
  const syntaxErrors = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  };

  it('refuses an AppError whose message, or a detail’s, is Chinese written into the code (even in the documents’ code)', async () => {
    const head = "import { AppError } from '../errors';\n";
    expect(await syntaxErrors('electron/reports/x.ts', `${head}export const e = new AppError('not_found', '找不到这位评委');\n`)).toHaveLength(1);
    expect(await syntaxErrors('electron/reports/x.ts', `${head}export const e = (n: number) => new AppError('validation', \`第 \${n} 行有错\`);\n`)).not.toEqual([]);
    expect(await syntaxErrors('electron/reports/x.ts', `${head}export const e = new AppError('validation', 'x', [{ field: 'a', message: '不能为空' }]);\n`)).toHaveLength(1);
  });

  it('lets an AppError take its text from t()', async () => {
    const code = "import { t } from '../../shared/messages';\nimport { AppError } from '../errors';\nexport const e = new AppError('not_found', t('error.internal', { log: 'x' }));\n";
    expect(await syntaxErrors('electron/services/x.ts', code)).toEqual([]);
  });

  const CATALOGUE = "Text for people comes from the catalogue: t('area.key', { … }) with the text in shared/messages/zh-CN-*.ts.";

  it('refuses any Chinese string or template text in services, the CLI, the db layer and the shell', async () => {
    for (const file of ['electron/services/x.ts', 'electron/services/handlers/x.ts', 'electron/cli/x.ts', 'electron/cli.ts', 'electron/db/x.ts', 'electron/app-menu.ts', 'electron/main.ts']) {
      expect(await syntaxErrors(file, "export const sheet = '评分表';\n"), file).toEqual([CATALOGUE]);
      // Each piece of a template (第 … 行) is reported.
      expect(await syntaxErrors(file, 'export const row = (n: number) => `第 ${n} 行`;\n'), file).toEqual([CATALOGUE, CATALOGUE]);
    }
  });

  it('leaves comments, English text, the documents’ prose, the sample data and frozen migrations alone', async () => {
    expect(await syntaxErrors('electron/services/x.ts', "// 评分表：一行一个支部\nexport const sheet = 'scores';\n")).toEqual([]);
    for (const file of ['electron/reports/x.ts', 'electron/services/sample.ts', 'electron/db/migrations/009_x.ts', 'shared/domain/x.ts']) {
      expect(await syntaxErrors(file, "export const text = '党支部工作考核';\n"), file).toEqual([]);
    }
  });
});
