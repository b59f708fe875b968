import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, 'widget');

/**
 * Builds the widget: the playground page (which plays the CRM host) and the embeddable
 * custom-element bundle. The server serves dist/widget/ as static files.
 */
export default defineConfig({
  root,
  base: './',
  build: {
    outDir: resolve(import.meta.dirname, 'dist/widget'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        playground: resolve(root, 'index.html'),
      },
    },
  },
});
