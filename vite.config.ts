/** Builds the web app (src/web) into dist/web; the `chronicle serve` process serves it. */
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  base: './',
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 2000, sourcemap: false },
  logLevel: 'warn',
});
