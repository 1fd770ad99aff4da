/**
 * The one contract between the renderer and the main process. Every method
 * has a zod schema for its input (checked at the main-process edge) and an
 * output type. The main process registers a handler for each key of `api`
 * from one table, so a method cannot exist on one side only.
 */
import { z } from 'zod';
import { BranchFields, BranchId, type Branch, type BranchImportPreview, type BranchImportResult } from './domain/branch';
import type { Result } from './result';

interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output?: O;
}
const method = <I extends z.ZodType>(input: I) => ({
  returns: <O>(): MethodSpec<I, O> => ({ input }),
});

const FilePath = z.string().trim().min(1);
const FileFilter = z.object({ name: z.string(), extensions: z.array(z.string()) });

export interface AppInfo {
  appVersion: string;
  schemaVersion: number;
  dataDir: string;
  databaseFile: string;
  logFile: string;
  counts: { branchesActive: number; branchesArchived: number };
}

export const api = {
  'app.info': method(z.object({})).returns<AppInfo>(),

  'branches.list': method(
    z.object({ query: z.string().trim().max(100).default(''), includeArchived: z.boolean().default(false) }),
  ).returns<Branch[]>(),
  'branches.create': method(BranchFields).returns<Branch>(),
  'branches.update': method(z.object({ id: BranchId, fields: BranchFields })).returns<Branch>(),
  'branches.setArchived': method(z.object({ id: BranchId, archived: z.boolean() })).returns<Branch>(),
  'branches.previewImport': method(z.object({ path: FilePath })).returns<BranchImportPreview>(),
  'branches.import': method(z.object({ path: FilePath })).returns<BranchImportResult>(),
  'branches.writeTemplate': method(z.object({ path: FilePath })).returns<{ path: string }>(),

  // Native dialogs and the shell: the main process owns them.
  'dialog.openFile': method(
    z.object({ title: z.string().optional(), filters: z.array(FileFilter).default([]) }),
  ).returns<string | null>(),
  'dialog.saveFile': method(
    z.object({ title: z.string().optional(), defaultName: z.string(), filters: z.array(FileFilter).default([]) }),
  ).returns<string | null>(),
  'shell.showInFolder': method(z.object({ path: FilePath })).returns<null>(),
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
/** What a caller passes (before defaults are applied). */
export type Input<M extends MethodName> = z.input<Api[M]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type Output<M extends MethodName> = Exclude<Api[M]['output'], undefined>;

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);

/** The single generic entry point both transports (Electron IPC, test harness) provide. */
export type Invoke = <M extends MethodName>(method: M, input: Input<M>) => Promise<Result<Output<M>>>;
