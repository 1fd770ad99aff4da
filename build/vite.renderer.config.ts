import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer's sources sit in renderer/ beside this build folder.
const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'renderer');

export default defineConfig({
  root,
  // Relative asset URLs: the same build is served from app://rongping/ and by the test harness.
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(root, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    // Offline desktop app: one predictable set of files, no module preload polyfill fetches.
    modulePreload: false,
  },
});
