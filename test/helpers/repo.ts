import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's root folder. Unit tests run in a fresh temporary working
 * directory (test/setup/temp-cwd.ts), so files of the repository are found
 * from here, never from the working directory.
 */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const repoPath = (...parts: string[]) => path.join(REPO_ROOT, ...parts);
