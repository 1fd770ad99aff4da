/**
 * electron-builder cannot package here (it downloads Electron), so this
 * validates what can be: the configuration against electron-builder's own
 * schema, and that what it names exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, repoPath } from '../helpers/repo';

const require = createRequire(import.meta.url);

describe('electron-builder configuration', () => {
  it('passes electron-builder’s schema and names what the issue asks for', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig(dir: string, file: string, extra: null): Promise<Record<string, unknown>>;
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const config = await getConfig(REPO_ROOT, 'electron-builder.yml', null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config).toMatchObject({
      productName: '融评',
      npmRebuild: false,
      nsis: { perMachine: false, oneClick: false, installerLanguages: ['zh_CN'] },
      win: { target: [{ target: 'nsis', arch: ['x64'] }] },
      linux: {
        target: [
          { target: 'deb', arch: ['x64', 'arm64'] },
          { target: 'AppImage', arch: ['x64', 'arm64'] },
        ],
      },
    });
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**']));
  });

  it('finds the icon, the main entry and electron as a devDependency', () => {
    const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as {
      main: string;
      devDependencies: Record<string, string>;
      dependencies: Record<string, string>;
      engines: { node: string };
    };
    expect(existsSync(repoPath('build', 'icon.png'))).toBe(true);
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(pkg.devDependencies.electron).toBeDefined();
    expect(pkg.dependencies.electron).toBeUndefined();
    expect(pkg.engines.node).toBe('>=22');
  });
});
