import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';

export const artifactsDir = resolve(import.meta.dirname, '../../test-artifacts/e2e');
mkdirSync(artifactsDir, { recursive: true });

/** A picture of one state, for a person to look at; the assertions live in the tests. */
export async function screenshot(target: Page | Locator, name: string): Promise<void> {
  await target.screenshot({ path: join(artifactsDir, `${name}.png`), animations: 'disabled' });
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core over the page (or only the elements `within` selects), open shadow roots
 * included, writes every finding to test-artifacts/e2e/<name>.axe.json and returns the
 * serious and critical ones.
 */
export async function seriousViolations(
  target: Page | Frame,
  name: string,
  within?: string,
): Promise<AxeFinding[]> {
  await target.addScriptTag({ content: axeSource });
  const findings = await target.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const context = selector ? { include: [[selector]] } : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => JSON.stringify(node.target)),
    }));
  }, within);

  writeFileSync(join(artifactsDir, `${name}.axe.json`), `${JSON.stringify(findings, null, 2)}\n`);
  return findings.filter(
    (finding) => finding.impact === 'serious' || finding.impact === 'critical',
  );
}
