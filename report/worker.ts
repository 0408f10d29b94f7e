/// <reference lib="webworker" />
/**
 * The report's worker: runs the library on the file's text off the page's thread, renders
 * the charts to SVG with vega (headless, no DOM) and posts progress, then the result.
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { analyze, type ReportInput } from './analysis.js';

const post = (message: unknown): void => (self as unknown as { postMessage(m: unknown): void }).postMessage(message);

self.onmessage = async (event: MessageEvent<ReportInput>) => {
  try {
    const out = analyze(event.data, (share, step) => post({ type: 'progress', share, step }));
    const svgs: Record<string, string> = {};
    for (const [name, spec] of Object.entries(out.charts)) {
      const view = new vega.View(vega.parse(vl.compile(spec as never).spec), { renderer: 'none' });
      svgs[name] = await view.toSVG();
      view.finalize();
    }
    post({ type: 'progress', share: 1, step: 'done' });
    post({ type: 'result', result: { ...out, charts: undefined, svgs } });
  } catch (e) {
    post({ type: 'error', message: (e as Error).message ?? String(e) });
  }
};
