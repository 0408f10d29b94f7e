import { describe, expect, it } from 'vitest';
import { bootstrapFit, samplePosterior, summarize, summarizeStream, type Progress } from '../../src/index.js';
import { cdnowSample } from '../helpers/datasets.js';

const summary = summarize(cdnowSample(), { observationEnd: '1997-09-30', unit: 'week' });

describe('progress and cancellation on the long computations', () => {
  it('samplePosterior reports about every 1 % up to chains × (warm-up + draws), and the draws do not change', () => {
    const seen: Progress[] = [];
    const options = { model: 'bg-nbd', draws: 200, warmup: 100, chains: 2, seed: 3 } as const;
    const a = samplePosterior(summary, { ...options, onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toEqual({ done: 600, total: 600 });
    expect(seen.length).toBe(100);
    expect(seen.every((p, i) => i === 0 || p.done > seen[i - 1]!.done)).toBe(true);
    expect(Array.from(a.draws.r!)).toEqual(Array.from(samplePosterior(summary, options).draws.r!));
  });

  it('stops samplePosterior, the hierarchical samplers and bootstrapFit when aborted from the callback, with the reason', () => {
    for (const model of ['pareto-nbd', 'pareto-nbd-hb'] as never[]) {
      const controller = new AbortController();
      let last = 0;
      const run = (): unknown => samplePosterior(summary, { model, draws: 100, warmup: 50, chains: 2, signal: controller.signal, onProgress: (p) => { last = p.done; if (p.done >= 60) controller.abort(new Error(`stop ${model}`)); } });
      expect(run).toThrow(`stop ${model}`);
      expect(last).toBeLessThan(70);
    }
    const controller = new AbortController();
    const seen: number[] = [];
    expect(() => bootstrapFit(summary, { model: 'bg-nbd', replicates: 50, signal: controller.signal, onProgress: (p) => { seen.push(p.done); if (p.done === 5) controller.abort(); } })).toThrow(/abort/i);
    expect(seen.at(-1)).toBe(5);
    expect(() => bootstrapFit(summary, { model: 'bg-nbd', replicates: 5, signal: AbortSignal.abort() })).toThrow(/abort/i);
  });

  it('refuses callbacks and signals that are not, naming the option', async () => {
    expect(() => bootstrapFit(summary, { model: 'bg-nbd', onProgress: 3 as never })).toThrow(/onProgress must be a function/);
    expect(() => samplePosterior(summary, { model: 'bg-nbd', signal: {} as never })).toThrow(/signal must be an AbortSignal/);
    await expect(summarizeStream([], { signal: 'x' as never })).rejects.toThrow(/signal must be an AbortSignal/);
  });
});
