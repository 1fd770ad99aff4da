/**
 * Paths in the contract. A path the app reads (an import, its preview) or
 * writes (a template, an export, a document, a picture, a folder of
 * documents) must be absolute: a relative one would be resolved against
 * whatever the process's working directory happens to be, which is never
 * what the user chose. Each path field also declares what it is for, in
 * `FILE_FIELDS`, so the main process can check every such field in one place
 * (electron/services/grants.ts) instead of in each handler.
 *
 * Pure string checks: shared/ runs in the renderer too and may not use node:path.
 */
import { z } from 'zod';
import { t } from '../messages';

/**
 * What the app does with a path field: `read` a file, `write` (create or
 * replace) a file, or write new files into a `folder`.
 */
export type FileUse = 'read' | 'write' | 'folder';

/** Which contract fields are paths and what for; read by the dispatcher. */
export const FILE_FIELDS = z.registry<{ use: FileUse }>();

/**
 * Absolute on POSIX (`/home/x/a.xlsx`) or on Windows, where the app ships:
 * a drive and a separator (`C:\x\y.docx`, `C:/x`) or a network share
 * (`\\server\share\x`). `C:x` and `\x` are relative on Windows and so refused.
 */
export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || /^\\\\[^\\/]+[\\/][^\\/]+/.test(p);
}

/** An absolute path, trimmed; a relative one is refused saying so. */
export const AbsolutePath = () =>
  z
    .string()
    .trim()
    .min(1, { error: () => t('file.path.empty') })
    .max(4096)
    .refine(isAbsolutePath, { error: (issue) => t('file.path.notAbsolute', { path: String(issue.input) }) });

/** A file the app reads (imports and their previews). */
export const ReadPath = AbsolutePath().register(FILE_FIELDS, { use: 'read' });
/** A file the app writes: created, or replaced only when the user confirmed it. */
export const WritePath = AbsolutePath().register(FILE_FIELDS, { use: 'write' });
/** A folder the app writes new files into (a batch of documents). */
export const WriteFolder = AbsolutePath().register(FILE_FIELDS, { use: 'folder' });
