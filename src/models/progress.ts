/**
 * Progress reports and cancellation for the long computations (posterior sampling, the
 * bootstrap). They run synchronously: the callback is called between iterations, and a
 * signal is checked there, so calling `abort()` in the callback (or before) stops the run.
 * @internal
 */
import * as z from 'zod/mini';

/** How far a long computation is: `done` of `total` iterations (or replicates). */
export interface Progress {
  readonly done: number;
  readonly total: number;
}

/** The options every long computation takes. */
export interface ProgressOptions {
  /** Called about every 1 % of the iterations and at the end. */
  onProgress?: ((progress: Progress) => void) | undefined;
  /** Checked between iterations: once aborted, the call throws the signal's reason. */
  signal?: AbortSignal | undefined;
}

/** zod shape of {@link ProgressOptions}. */
export const progressShape = {
  onProgress: z.optional(z.custom<(p: never) => void>((f) => typeof f === 'function', { error: 'must be a function' })),
  signal: z.optional(z.custom<AbortSignal>((s) => typeof s === 'object' && s !== null && typeof (s as AbortSignal).aborted === 'boolean' && typeof (s as AbortSignal).throwIfAborted === 'function', { error: 'must be an AbortSignal' })),
};

/** A tick to call once per iteration: reports about every 1 % and checks the signal. */
export function progressTicker(o: ProgressOptions, total: number): () => void {
  const { onProgress, signal } = o;
  signal?.throwIfAborted();
  if (!onProgress && !signal) return () => {};
  const step = Math.max(1, Math.floor(total / 100));
  let done = 0;
  let next = step;
  return () => {
    done++;
    if (done < next && done !== total) return;
    next += step;
    onProgress?.({ done, total });
    signal?.throwIfAborted();
  };
}
