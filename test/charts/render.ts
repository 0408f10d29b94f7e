import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { VegaLiteSpec } from '../../src/charts/index.js';

/** One mark of the rendered scene: its type, role and the data of its items. */
export interface RenderedMark {
  type: string;
  role: string;
  data: Array<Record<string, unknown>>;
  texts: string[];
}

/**
 * Compile a spec with vega-lite (warnings collected) and render it headless with vega (no
 * canvas: the SVG renderer), returning the SVG, the marks of the scene graph and the warnings.
 */
export async function render(spec: VegaLiteSpec): Promise<{ svg: string; marks: RenderedMark[]; warnings: string[] }> {
  const warnings: string[] = [];
  const logger = { level: () => logger, warn: (...m: unknown[]) => (warnings.push(m.join(' ')), logger), info: () => logger, debug: () => logger, error: (...m: unknown[]) => { throw new Error(m.join(' ')); } };
  const compiled = vl.compile(spec as never, { logger: logger as never }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Warn, logger: logger as never });
  await view.runAsync();
  const svg = await view.toSVG();
  const marks: RenderedMark[] = [];
  const walk = (node: { marktype?: string; role?: string; items?: unknown[] }): void => {
    if (node.marktype) {
      const items = (node.items ?? []) as Array<{ datum?: Record<string, unknown>; text?: unknown; items?: unknown[] }>;
      marks.push({ type: node.marktype, role: node.role ?? '', data: items.map((i) => i.datum ?? {}), texts: items.map((i) => String(i.text ?? '')) });
    }
    for (const item of (node.items ?? []) as Array<{ items?: unknown[] }>) walk(item as never);
  };
  walk((view.scenegraph() as unknown as { root: never }).root);
  view.finalize();
  return { svg, marks, warnings };
}

/** The data marks (not axes, legends or titles) of a type. */
export const dataMarks = (marks: RenderedMark[], type: string): RenderedMark[] => marks.filter((m) => m.type === type && m.role === 'mark');

/** All texts of the scene (titles, axis titles, labels). */
export const allTexts = (marks: RenderedMark[]): string[] => marks.flatMap((m) => m.texts).filter((t) => t !== '');
