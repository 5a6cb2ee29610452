/**
 * What a person reads while a VCF is sent (browser mode) or imported: MB done of the total, the
 * share, and the time left at the rate so far (issue 16). The total is the file's own size when the
 * browser's progress event has none (`lengthComputable` false reports 0), so the line never falls
 * back to counts alone.
 */
export interface TransferStatus {
  /** Bytes done; shown through the locale's size format (issue 22). */
  readonly doneBytes: number;
  /** Undefined when no total is known at all. */
  readonly totalBytes: number | undefined;
  readonly percent: number;
  /** Undefined until something was transferred, or without a total. */
  readonly etaMs: number | undefined;
}

export function transferStatus(opts: {
  readonly done: number;
  /** The total the progress event reported (0 or less: unknown). */
  readonly reported: number;
  /** The size known from elsewhere (the File's size), used when none was reported. */
  readonly size?: number;
  readonly elapsedMs: number;
}): TransferStatus {
  const total = opts.reported > 0 ? opts.reported : (opts.size ?? 0);
  if (total <= 0)
    return { doneBytes: opts.done, totalBytes: undefined, percent: 0, etaMs: undefined };
  const done = Math.min(opts.done, total);
  return {
    doneBytes: done,
    totalBytes: total,
    percent: Math.round((100 * done) / total),
    // Issue 16: a rate from the first bytes is no rate ("about 11,333 h left" after one byte of
    // 40.8 MB): the time left is said once a hundredth of the file is done.
    etaMs:
      done > 0 && done * 100 >= total && opts.elapsedMs > 0
        ? Math.max(0, (opts.elapsedMs * (total - done)) / done)
        : undefined,
  };
}
