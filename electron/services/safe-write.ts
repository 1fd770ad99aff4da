/**
 * Every file the app writes (workbooks, documents, pictures) goes through
 * here: the bytes go to a temporary name in the same folder, reach the disk,
 * and only then take the file's name. A failure part-way (disk full, the app
 * killed, a USB stick pulled) leaves the user's existing file as it was and
 * no half-written file under its name.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { t } from '../../shared/messages';
import { AppError } from '../errors';

/** Why a write failed, in the user's words. */
export function writeFailureReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return t('file.write.noFolder');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return t('file.write.denied');
  if (code === 'EBUSY') return t('file.write.busy');
  if (code === 'ENOSPC' || code === 'EDQUOT') return t('file.write.full');
  return t('file.write.other', { code: code ?? (e instanceof Error ? e.message : String(e)) });
}

/** Writes `bytes` to `file` (creating or replacing it) all at once; throws an 'io' AppError naming the file. */
export async function writeFileSafely(file: string, bytes: Uint8Array): Promise<void> {
  // Same folder, so the rename is on one file system and replaces the file in one step.
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new AppError('io', t('file.write.failed', { path: file, reason: writeFailureReason(e) }));
  }
}
