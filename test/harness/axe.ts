// Runs axe-core inside a page or a sidebar frame and returns its serious and critical violations.
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

interface AxeResult {
  violations: Array<{
    id: string;
    impact: string | null;
    help: string;
    nodes: Array<{ target: string[] }>;
  }>;
}

/** Serious and critical violations only: the ones that stop someone from using the page. */
export async function seriousViolations(target: Page | Frame): Promise<AxeProblem[]> {
  await target.evaluate(AXE_SOURCE);
  const result = (await target.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, opts: object): Promise<unknown> } }
    ).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  })) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}
