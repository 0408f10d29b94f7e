/**
 * A progress bar on a terminal's standard error; nothing when it is not a terminal (CI,
 * pipes), so logs stay plain.
 * @internal
 */
export interface Bar {
  update(done: number, total: number, rows: number): void;
  end(): void;
}

const MB = 1024 * 1024;

export function progressBar(stream: NodeJS.WriteStream, quiet: boolean): Bar {
  if (quiet || !stream.isTTY) return { update() {}, end() {} };
  let last = 0;
  let shown = false;
  return {
    update(done, total, rows) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      shown = true;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const width = 30;
      const filled = Math.round(share * width);
      stream.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(100 * share).toFixed(0).padStart(3)}%  ${(done / MB).toFixed(1)}/${(total / MB).toFixed(1)} MB  ${rows.toLocaleString('en')} rows`);
    },
    end() {
      if (shown) stream.write('\n');
    },
  };
}
