import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// SoHoa Central's web console: a browser app Central serves at /console/ (src-server/http/console-files.ts).
export default defineConfig({
  root: 'src-console',
  base: '/console/',
  publicDir: resolve('assets/public'),
  plugins: [react()],
  build: {
    outDir: resolve('out/console'),
    emptyOutDir: true,
    // antd is one chunk of about 1.5 MB, fetched once over the province's network and cached.
    chunkSizeWarningLimit: 3000,
  },
});
