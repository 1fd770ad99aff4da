/** The desktop shell's side of the services: native dialogs and the file manager. */

export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * What the desktop shell provides: native dialogs and the file manager. The
 * Electron main process implements it with `dialog`/`shell`; the test harness
 * with answers the test scripted; the CLI has none. `createServices` wraps it
 * so that every path a dialog answers is recorded as a grant (grants.ts): the
 * only places the renderer may then read or write.
 */
export interface Desktop {
  openFile(options: { title?: string; filters: FileFilter[] }): Promise<string | null>;
  saveFile(options: { title?: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  /** A folder to write into (a batch of documents); null when cancelled. */
  openFolder(options: { title?: string }): Promise<string | null>;
  showInFolder(path: string): Promise<void>;
}
