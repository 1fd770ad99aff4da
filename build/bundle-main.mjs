// Bundles the main process, the preload and the CLI to dist/electron/*.cjs.
// Dependencies stay external: they ship in node_modules (better-sqlite3 and
// @napi-rs/canvas are native and unpacked from the asar by electron-builder).
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron'] }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'], sourcemap: false }),
  build({
    ...common,
    entryPoints: ['electron/cli.ts'],
    outfile: 'dist/electron/cli.cjs',
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
console.log('built dist/electron/main.cjs, preload.cjs, cli.cjs');
