import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, 'widget');

/** Where `vite` (the dev server) sends /api; the ERP Lens server on loopback by default. */
const apiTarget = process.env.ERP_LENS_API ?? 'http://127.0.0.1:8787';

/**
 * Builds the widget: the playground page (which plays the CRM host) and the embeddable
 * custom-element bundle. The server serves dist/widget/ as static files.
 */
export default defineConfig({
  root,
  base: './',
  server: {
    host: '127.0.0.1',
    proxy: { '/api': apiTarget },
  },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/widget'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        playground: resolve(root, 'index.html'),
        element: resolve(root, 'element.ts'),
      },
      output: {
        // A CRM page embeds the elements by a name that does not change between releases.
        entryFileNames: (chunk) => {
          return chunk.name === 'element' ? 'erp-lens.js' : 'assets/[name]-[hash].js';
        },
      },
    },
  },
});
