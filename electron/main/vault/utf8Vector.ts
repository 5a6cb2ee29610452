import type { Vector } from 'apache-arrow';
import { Utf8, makeData, makeVector } from 'apache-arrow';

/**
 * A Utf8 vector built from one native encode of the joined strings and one offset array: far
 * faster than apache-arrow's generic builder for millions of short strings
 * (bench/vault-pull.ts builds 5M-row genotype tables).
 */
export function utf8Vector(values: readonly (string | null)[]): Vector<Utf8> {
  const n = values.length;
  let nulls = 0;
  const validity = new Uint8Array(Math.ceil(n / 8));
  const offsets = new Int32Array(n + 1);
  let chars = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) nulls++;
    else {
      validity[i >> 3] = (validity[i >> 3] ?? 0) | (1 << (i & 7));
      chars += v.length;
    }
    offsets[i + 1] = chars;
  }
  // One native encode of the joined text; when every string is ASCII, UTF-16 lengths are byte offsets.
  const joined = values.map((v) => v ?? '').join('');
  let data = encoder.encode(joined);
  if (data.length !== joined.length) {
    const parts = values.map((v) => encoder.encode(v ?? ''));
    for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i] ?? 0) + (parts[i]?.length ?? 0);
    data = new Uint8Array(Buffer.concat(parts));
  }
  return makeVector(
    makeData({
      type: new Utf8(),
      length: n,
      nullCount: nulls,
      ...(nulls === 0 ? {} : { nullBitmap: validity }),
      valueOffsets: offsets,
      data,
    }),
  );
}

const encoder = new TextEncoder();

/** n copies of one string as a Utf8 vector (dataset_id, node_id). */
export function constantUtf8(n: number, value: string): Vector<Utf8> {
  const data = encoder.encode(value.repeat(n));
  const width = data.length / Math.max(1, n);
  const offsets = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) offsets[i] = i * width;
  return makeVector(
    makeData({ type: new Utf8(), length: n, nullCount: 0, valueOffsets: offsets, data }),
  );
}
