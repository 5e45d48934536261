import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One build for the three Electron targets. The main build also emits the CLI and the
// browser harness: both run the same services under plain Node (see README design notes).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src-main/index.ts'),
          cli: resolve('src-main/cli/index.ts'),
          harness: resolve('src-main/harness/index.ts'),
          // Builds and verifies PDFs off main's event loop (src-main/pdf/pdf-worker-client.ts).
          'pdf-worker': resolve('src-main/pdf/pdf-worker.ts'),
          // Reads barcodes and sheets on scanned pages (src-main/imaging/read-page-codes.ts).
          'codes-worker': resolve('src-main/imaging/codes-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing but 'electron': bundle everything else.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src-main/preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    publicDir: resolve('assets/public'),
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
    plugins: [react()],
  },
});
