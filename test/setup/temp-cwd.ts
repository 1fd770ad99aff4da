/**
 * Runs each unit-test file in a fresh, empty working directory (a vitest
 * setup file). A service or a test that resolved a path against the working
 * directory would otherwise write into the repository; here it writes into a
 * folder that is removed afterwards, and a test can check that nothing landed
 * there. The config's pool is 'forks': process.chdir is not allowed in worker
 * threads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const previous = process.cwd();
const dir = mkdtempSync(path.join(os.tmpdir(), 'rongping-cwd-'));
process.chdir(dir);

afterAll(() => {
  process.chdir(previous);
  rmSync(dir, { recursive: true, force: true });
});
