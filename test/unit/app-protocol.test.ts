import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAppUrl, resolveAppFile } from '../../electron/app-protocol';

const root = path.resolve('/opt/rongping/dist/renderer');

describe('app:// protocol path guard', () => {
  it('serves the app’s own files', () => {
    expect(resolveAppFile(root, 'app://rongping/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://rongping/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://rongping/assets/index-abc.js?v=1')).toBe(path.join(root, 'assets', 'index-abc.js'));
  });

  it('clamps dot segments at the root, as URLs do', () => {
    expect(resolveAppFile(root, 'app://rongping/../secret.txt')).toBe(path.join(root, 'secret.txt'));
    expect(resolveAppFile(root, 'app://rongping/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
  });

  it.each([
    'app://rongping/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://rongping/..%5c..%5cwindows%5cwin.ini',
    'app://rongping/%00.html',
    'app://rongping/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://rongping/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it('recognises only the app’s origin', () => {
    expect(isAppUrl('app://rongping/index.html#/branches')).toBe(true);
    expect(isAppUrl('app://rongping.evil/index.html')).toBe(false);
    expect(isAppUrl('https://example.com/')).toBe(false);
  });

  it('allows only the app’s own scripts and connections', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:/);
  });
});
