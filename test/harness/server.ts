/**
 * The browser test harness: serves the built renderer and the real services
 * (on a real database in a temporary folder) over HTTP on 127.0.0.1, so the
 * renderer runs in headless Chromium exactly as in the app, minus Electron.
 * Test-only: a random port, a random token every call must carry.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY, MIME_TYPES, resolveInside } from '../../electron/app-protocol';
import { createServices, type Services } from '../../electron/services';
import type { Desktop } from '../../electron/services/context';
import { dispatch } from '../../electron/services/dispatch';

export const TOKEN_HEADER = 'x-rongping-token';
const MAX_BODY = 10 * 1024 * 1024;

/**
 * Native dialogs stand-in: the test says beforehand what the user will pick.
 * The services record each answer as a grant (electron/services/grants.ts),
 * as in the app; a scripted save answer naming an existing file stands for
 * the user confirming “replace”.
 */
export class ScriptedDesktop implements Desktop {
  readonly opens: (string | null)[] = [];
  readonly saves: (string | null)[] = [];
  readonly folders: (string | null)[] = [];
  readonly shown: string[] = [];
  openFile() {
    return Promise.resolve(this.opens.shift() ?? null);
  }
  saveFile() {
    return Promise.resolve(this.saves.shift() ?? null);
  }
  openFolder() {
    return Promise.resolve(this.folders.shift() ?? null);
  }
  showInFolder(file: string) {
    this.shown.push(file);
    return Promise.resolve();
  }
}

export interface Harness {
  /** The page to open: carries the token. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  services: Services;
  desktop: ScriptedDesktop;
  close(): Promise<void>;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startHarness(options: { rendererDir: string; dataDir?: string }): Promise<Harness> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'rongping-harness-'));
  const desktop = new ScriptedDesktop();
  // Stands in for the app's renderer: files only where the (scripted) dialogs answered.
  const services = createServices({ dataDir, desktop, paths: 'dialog', dailyBackup: true });
  const token = randomBytes(24).toString('hex');

  const send = (res: http.ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'Content-Type': type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'Cache-Control': 'no-store' });
    res.end(body);
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'POST' && url.pathname === '/api/invoke') {
        if (req.headers[TOKEN_HEADER] !== token) {
          send(res, 403, 'application/json', JSON.stringify({ ok: false, error: { code: 'forbidden', message: 'bad token' } }));
          return;
        }
        let call: { method?: unknown; input?: unknown };
        try {
          call = JSON.parse(await readBody(req)) as typeof call;
        } catch {
          send(res, 400, 'application/json', JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'bad JSON' } }));
          return;
        }
        const result = await dispatch(services.ctx, call.method, call.input);
        send(res, 200, 'application/json', JSON.stringify(result));
        return;
      }
      if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed');
      const file = resolveInside(options.rendererDir, url.pathname);
      if (!file) return send(res, 404, 'text/plain', 'not found');
      try {
        send(res, 200, MIME_TYPES[path.extname(file)] ?? 'application/octet-stream', await readFile(file));
      } catch {
        send(res, 404, 'text/plain', 'not found');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/index.html?token=${token}`,
    origin,
    token,
    dataDir,
    services,
    desktop,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          services.close();
          resolve();
        });
      }),
  };
}
