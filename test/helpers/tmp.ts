import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { createServices, type Services } from '../../electron/services';
import type { Desktop } from '../../electron/services/context';

/** A fresh temporary folder, removed when the current test ends. */
export function tempDir(prefix = 'rongping-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The real services on a real database file in a fresh temporary folder. */
export function tempServices(options: { desktop?: Desktop; now?: () => Date } = {}): Services {
  const services = createServices({ dataDir: tempDir(), ...options });
  onTestFinished(() => services.close());
  return services;
}
