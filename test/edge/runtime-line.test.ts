import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The runtime line, read from the source: only the Node entry side of server/runtime/ and the
 * SQLite driver may import Node's modules or Node-only packages. tsconfig.worker.json holds
 * the same line for the compiler; this also catches a Node-only package whose types would
 * quietly bring @types/node into the worker typecheck.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const nodeOnlyPackages = ['better-sqlite3', '@hono/node-server'];
const workerSide = [
  'server/runtime/worker.ts',
  'server/runtime/pending-work.ts',
  'server/runtime/scheduled.ts',
];
const mayUseNode = (file: string) =>
  (file.startsWith('server/runtime/') && !workerSide.includes(file)) ||
  file === 'server/store/sqlite.ts';

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found = text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g);
  return [...found].map((m) => m[1]!);
}

const isNode = (specifier: string) =>
  specifier.startsWith('node:') ||
  builtinModules.includes(specifier.split('/')[0]!) ||
  nodeOnlyPackages.some((p) => specifier === p || specifier.startsWith(`${p}/`));

describe('the runtime line', () => {
  it('keeps Node modules out of everything but the Node entry and the SQLite driver', () => {
    const files = [...sources('server'), ...sources('shared')];
    const crossings = files
      .filter((file) => !mayUseNode(relative(root, join(root, file))))
      .flatMap((file) =>
        imports(file)
          .filter(isNode)
          .map((specifier) => `${file} imports ${specifier}`),
      );

    expect(files.length).toBeGreaterThan(50);
    expect(crossings).toEqual([]);
  });

  it('sees a Node import where there is one', () => {
    expect(imports('server/runtime/node.ts').filter(isNode)).toEqual(
      expect.arrayContaining(['node:fs', '@hono/node-server']),
    );
    expect(imports('server/store/sqlite.ts')).toContain('better-sqlite3');
  });
});
