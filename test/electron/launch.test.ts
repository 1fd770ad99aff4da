/**
 * Launches the real Electron app where the Electron binary is installed.
 * Machines without it (Electron's download is blocked here, so packages are
 * installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1) skip it, saying so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';
import { repoPath } from '../helpers/repo';

function electronBinary(): string | null {
  try {
    const pkgDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = path.join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) {
  console.warn(
    'Electron app test skipped: the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1 or no network to its downloads). ' +
      'Install Electron with its binary (npm install with an ELECTRON_MIRROR) to run it.',
  );
}

describe.runIf(binary)('the desktop app', () => {
  it('opens one hardened window showing the branches screen, with data from the services', async () => {
    const dataDir = tempDir();
    const app = await electron.launch({
      executablePath: binary!,
      args: [repoPath('dist', 'electron', 'main.cjs'), '--data-dir', dataDir, '--no-sandbox'],
    });
    try {
      const win = await app.firstWindow();
      await win.getByText('还没有党支部').waitFor();
      expect(await win.title()).toBe('融评');
      // The renderer has no Node: the bridge is the only way out.
      expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      const info = await win.evaluate(() =>
        (window as unknown as { rongping: { invoke(m: string, i: unknown): Promise<unknown> } }).rongping.invoke('app.info', {}),
      );
      expect(info).toMatchObject({ ok: true, value: { dataDir } });
      // Sandboxed with context isolation: no process object, and the bridge is frozen.
      expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
      // Navigation away from the app is blocked.
      await win.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await win.waitForTimeout(500);
      expect(win.url()).toMatch(/^app:\/\/rongping\//);
    } finally {
      await app.close();
    }
  });
});
