/**
 * Finding and launching Debian's Chromium for the browser tests. Where no
 * Chromium is installed the tests are skipped with a message saying how to
 * get one; CI sets RONGPING_REQUIRE_BROWSER=1, which turns the skip into a
 * failure so CI always runs them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { describe, it } from 'vitest';
import { REPO_ROOT, repoPath } from './repo';

export const BROWSER_ENV = 'RONGPING_CHROMIUM';
export const REQUIRE_BROWSER_ENV = 'RONGPING_REQUIRE_BROWSER';
export const HOW_TO_GET_CHROMIUM =
  'Browser tests skipped: no Chromium found. Install it with `apt-get install -y chromium` or point RONGPING_CHROMIUM at a Chromium binary.';

export function findChromium(): string | null {
  const configured = process.env[BROWSER_ENV];
  if (configured) return existsSync(configured) ? configured : null;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on PATH; try the next name
    }
  }
  return null;
}

export const browserRequired = () => process.env[REQUIRE_BROWSER_ENV] === '1';

export const ARTIFACTS_DIR = repoPath('test', 'artifacts');
/** The built renderer; RONGPING_RENDERER_DIR points elsewhere (parallel builds). */
export const RENDERER_DIR = path.resolve(REPO_ROOT, process.env.RONGPING_RENDERER_DIR ?? path.join('dist', 'renderer'));

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, name);
}

export async function launchChromium(executablePath: string, viewport = { width: 1366, height: 768 }): Promise<BrowserContext> {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build` before the browser tests (npm test does).');
  }
  return chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'rongping-chromium-')), {
    executablePath,
    headless: true,
    viewport,
    locale: 'zh-CN',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The Chromium a browser test file runs with, or null. Without one the file's
 * suite is skipped with a warning saying how to get it — and, where
 * RONGPING_REQUIRE_BROWSER=1 (CI), a failing test says so instead.
 * Call it at the top level of a test file.
 */
export function chromiumForSuite(): string | null {
  const chromiumPath = findChromium();
  if (!chromiumPath) console.warn(HOW_TO_GET_CHROMIUM);
  describe.runIf(!chromiumPath && browserRequired())('browser tests required (RONGPING_REQUIRE_BROWSER=1)', () => {
    it('has a Chromium to run them', () => {
      throw new Error(HOW_TO_GET_CHROMIUM);
    });
  });
  return chromiumPath;
}
