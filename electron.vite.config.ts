import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { METHOD_NAMES } from './shared/contract';

// The preload exposes one function per contract method without bundling the schema library: the names are written
// in at build time from the contract (vitest.config.ts uses the same define for the preload's tests).
export const preloadDefine = { __CONTRACT_METHODS__: JSON.stringify(METHOD_NAMES) };

// One build for the three pieces: the main process (Electron entry and the browser-mode host, both on the same
// core), the sandboxed preload (CommonJS, as sandboxing requires) and the renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/app/index.ts'),
          web: resolve(__dirname, 'main/web/cli.ts'),
        },
      },
    },
  },
  preload: {
    define: preloadDefine,
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // The initial bundle has a budget: the build prints compressed sizes, tests/bundle-size.mjs checks them.
      reportCompressedSize: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
