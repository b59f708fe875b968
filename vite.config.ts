import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const root = resolve(import.meta.dirname, 'widget');

/** Where `vite` (the dev server) sends /api; the ERP Lens server on loopback by default. */
const apiTarget = process.env.ERP_LENS_API ?? 'http://127.0.0.1:8787';

/**
 * Issue 7: a CRM page pays for the embeddable elements on every deal screen. Counted in
 * kB of 1,000 bytes like vite's own report, the stricter reading of "25 KB".
 */
const widgetBudgetBytes = 25_000;

/**
 * Prints the gzipped size of erp-lens.js and every chunk it imports, and fails the build
 * past the budget or when zod (the server's validator) has crept into it.
 */
function widgetSizeBudget(): Plugin {
  return {
    name: 'erp-lens-widget-size',
    apply: 'build',
    // After writing, so the figure is that of the files a CRM page downloads.
    writeBundle(options, bundle) {
      const seen = new Set<string>();
      const queue = ['erp-lens.js'];
      let bytes = 0;

      while (queue.length > 0) {
        const fileName = queue.pop()!;
        const chunk = bundle[fileName];
        if (seen.has(fileName) || chunk?.type !== 'chunk') continue;

        seen.add(fileName);
        bytes += gzipSync(readFileSync(resolve(options.dir!, fileName))).length;
        queue.push(...chunk.imports);
        const zod = Object.keys(chunk.modules).find((id) => id.includes('/node_modules/zod/'));
        if (zod) this.error(`the widget bundle includes zod (${zod}); import types only`);
      }

      const kb = (bytes / 1000).toFixed(1);
      const budget = `${widgetBudgetBytes / 1000} kB`;
      console.log(`\nwidget: erp-lens.js ${kb} kB gzipped (${seen.size} chunks), budget ${budget}`);
      if (bytes > widgetBudgetBytes) this.error(`the widget is ${kb} kB gzipped, over ${budget}`);
    },
  };
}

/**
 * Builds the widget: the playground page (which plays the CRM host), the iframe page for
 * CRMs that only embed iframes, and the embeddable custom-element bundle. The server
 * serves dist/widget/ as static files.
 */
export default defineConfig({
  root,
  base: './',
  plugins: [widgetSizeBudget()],
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
        frame: resolve(root, 'frame.html'),
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
