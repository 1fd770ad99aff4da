/**
 * Files go only where the user chose. Every contract field that names a file
 * declares what it is for (shared/domain/file-path.ts); the dispatcher asks
 * this module about each before the handler runs, and services ask it about
 * files they name themselves (a batch's files inside the chosen folder).
 *
 * Two policies, set once per process by `createServices`:
 * - 'dialog' (the app, and the browser harness standing in for it): the
 *   renderer may read only a file picked in the open dialog, write only to a
 *   file picked in the save dialog or into a folder picked in the folder
 *   dialog, and replace an existing file only when the save dialog confirmed
 *   it. The answers of the dialogs are recorded here as grants.
 * - 'trusted' (the CLI, service-level tests): whoever calls chose the path,
 *   but it must still be absolute, and an existing file is replaced only when
 *   the caller said so (`overwrite`, the CLI's --force).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { FILE_FIELDS, type FileUse } from '../../shared/domain/file-path';
import { t } from '../../shared/messages';
import type { Desktop } from './desktop';
import { AppError } from '../errors';

export type PathPolicy = 'dialog' | 'trusted';

export interface PathGrant {
  /** 'file': from the save dialog; 'folder': from the folder dialog; 'read': from the open dialog. */
  kind: 'file' | 'folder' | 'read';
  /** The file existed when the save dialog returned it, so the dialog asked the user whether to replace it. */
  overwriteConfirmed: boolean;
}

/** Windows paths are case-insensitive; the same file must find its grant however it is spelled. */
const keyOf = (p: string) => {
  const resolved = path.resolve(p);
  return process.platform === 'win32' ? resolved.toLowerCase() : resolved;
};

const isDirectory = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

export class FileAccess {
  private readonly grants = new Map<string, PathGrant>();

  constructor(
    readonly policy: PathPolicy,
    /** Trusted callers only: replace existing files (the CLI's --force). */
    private readonly overwrite = false,
  ) {}

  /** Records a dialog's answer. */
  grant(p: string, kind: PathGrant['kind']): void {
    this.grants.set(keyOf(p), { kind, overwriteConfirmed: kind === 'file' && existsSync(p) });
  }

  grantOf(p: string): PathGrant | undefined {
    return this.grants.get(keyOf(p));
  }

  /** A file the app is about to read. */
  mayRead(p: string): void {
    this.absolute(p);
    if (this.policy === 'dialog' && this.grantOf(p)?.kind !== 'read') throw new AppError('forbidden', t('file.path.notChosenRead', { path: p }));
  }

  /** A folder the app is about to write new files into. */
  mayWriteFolder(p: string): void {
    this.absolute(p);
    if (this.policy === 'dialog' && this.grantOf(p)?.kind !== 'folder') throw new AppError('forbidden', t('file.path.notChosenFolder', { path: p }));
    if (existsSync(p) && !isDirectory(p)) throw new AppError('validation', t('file.path.notFolder', { path: p }));
  }

  /**
   * A file the app is about to create or replace: chosen in the save dialog,
   * or directly inside a chosen folder. `chosenAs` is the path the user chose
   * when the app adds to it (an extension the dialog left off): the choice
   * covers the new name, but not replacing a file of that name.
   */
  mayWrite(p: string, options: { chosenAs?: string } = {}): void {
    this.absolute(p);
    if (this.policy === 'dialog') this.chosenForWriting(p, options.chosenAs ?? p);
    if (isDirectory(p)) throw new AppError('validation', t('file.path.isFolder', { path: p }));
    if (existsSync(p) && !this.mayReplace(p, options.chosenAs)) {
      throw new AppError('conflict', t(this.policy === 'dialog' ? 'file.exists.dialog' : 'file.exists.trusted', { path: p }));
    }
  }

  /**
   * Many files inside one folder (a batch): every one may be written, and
   * none replaces a file already there; one message names how many would.
   */
  mayWriteAllIn(folder: string, files: string[]): void {
    for (const f of files) {
      this.absolute(f);
      if (this.policy === 'dialog') this.chosenForWriting(f, f);
    }
    const existing = files.filter((f) => existsSync(f) && !this.mayReplace(f));
    if (existing.length) {
      throw new AppError(
        'conflict',
        t(this.policy === 'dialog' ? 'file.exists.inFolder' : 'file.exists.inFolderTrusted', { folder, count: existing.length, name: path.basename(existing[0]!) }),
      );
    }
  }

  /**
   * A document the app wrote and recorded (result_record), written again in its
   * place from changed results: the record is the user's earlier choice, so no
   * dialog is asked again, and replacing the app's own file is what is asked for.
   * Only paths read back from that record come here, never one from the renderer.
   */
  mayRewriteRecorded(p: string): void {
    this.absolute(p);
    if (isDirectory(p)) throw new AppError('validation', t('file.path.isFolder', { path: p }));
  }

  /** Checks every path field `schema` declares in the parsed input `data`. */
  checkInput(schema: z.ZodType, data: unknown): void {
    for (const { use, value } of declaredPaths(schema, data)) {
      if (use === 'read') this.mayRead(value);
      else if (use === 'folder') this.mayWriteFolder(value);
      else this.mayWrite(value);
    }
  }

  private absolute(p: string): void {
    // The contract's check is platform-neutral; here the path must be absolute on this machine
    // (C:\x is not on Linux, where it would land in the working directory).
    if (!path.isAbsolute(p)) throw new AppError('validation', t('file.path.notAbsolute', { path: p }));
  }

  private chosenForWriting(p: string, chosen: string): void {
    const own = this.grantOf(chosen);
    const folder = this.grantOf(path.dirname(p));
    if (own?.kind !== 'file' && folder?.kind !== 'folder') throw new AppError('forbidden', t('file.path.notChosenWrite', { path: p }));
  }

  private mayReplace(p: string, chosenAs?: string): boolean {
    if (this.policy === 'trusted') return this.overwrite;
    const g = this.grantOf(p);
    return (chosenAs === undefined || keyOf(chosenAs) === keyOf(p)) && g?.kind === 'file' && g.overwriteConfirmed;
  }
}

/** The path fields `schema` declares (FILE_FIELDS) with their values in the parsed input `data`. */
export function declaredPaths(schema: z.ZodType, data: unknown): { field: string; use: FileUse; value: string }[] {
  if (typeof data !== 'object' || data === null) return [];
  const record = data as Record<string, unknown>;
  if (schema instanceof z.ZodDiscriminatedUnion) {
    // The option the input chose decides what its path is for (a batch's file, or its folder).
    const key = schema.def.discriminator;
    const chosen = schema.options.find((o) => {
      const tag = o instanceof z.ZodObject ? (o.shape as Record<string, z.ZodType>)[key] : undefined;
      return tag instanceof z.ZodLiteral && tag.values.has(record[key] as z.util.Literal);
    });
    return chosen ? declaredPaths(chosen as z.ZodType, data) : [];
  }
  if (!(schema instanceof z.ZodObject)) return [];
  const found: { field: string; use: FileUse; value: string }[] = [];
  for (const [field, fieldSchema] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const meta = FILE_FIELDS.get(fieldSchema);
    const value = record[field];
    if (meta && typeof value === 'string') found.push({ field, use: meta.use, value });
  }
  return found;
}

/** The desktop with every dialog answer recorded as a grant. */
export function recordingDesktop(desktop: Desktop, access: FileAccess): Desktop {
  const record = async (answer: Promise<string | null>, kind: PathGrant['kind']) => {
    const chosen = await answer;
    if (chosen) access.grant(chosen, kind);
    return chosen;
  };
  return {
    openFile: (o) => record(desktop.openFile(o), 'read'),
    saveFile: (o) => record(desktop.saveFile(o), 'file'),
    openFolder: (o) => record(desktop.openFolder(o), 'folder'),
    showInFolder: (p) => desktop.showInFolder(p),
  };
}
