import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

/** Fault injection for one node (applies to Beacon and htsget alike). */
export interface FaultConfig {
  latencyMs?: number | undefined;
  /** Probability in [0, 1] of answering 500 with an error envelope. */
  errorRate?: number | undefined;
  /** Node down: every connection is destroyed without a response. */
  down?: boolean | undefined;
  /** Body written in small chunks, one every slowDripMs. */
  slowDripMs?: number | undefined;
  /** JSON bodies are truncated (invalid JSON with a 200). */
  malformedJson?: boolean | undefined;
  /** Beacon pages hold at most this many records whatever `limit` asks (a server's own cap). */
  pageCap?: number | undefined;
  /** Records past the first N of a listing come back as empty pages while counts stay whole. */
  servedRecords?: number | undefined;
}

/** Applies pageCap and servedRecords to a parsed Beacon request (skip counts pages of the capped size). */
export function pagingFaults<T extends { skip: number; limit: number }>(req: T, f: FaultConfig): T {
  const limit =
    f.pageCap !== undefined && f.pageCap > 0 ? Math.min(req.limit, f.pageCap) : req.limit;
  const lost = f.servedRecords !== undefined && req.skip * limit >= f.servedRecords;
  // A page index far past any dataset: the node still counts everything but serves nothing.
  return { ...req, limit, skip: lost ? 1e9 : req.skip };
}

const DRIP_CHUNK = 64;

/** Waits the configured latency (a real delay the client must tolerate, not a test sleep). */
export async function applyLatency(f: FaultConfig): Promise<void> {
  if (f.latencyMs !== undefined && f.latencyMs > 0) await delay(f.latencyMs);
}

/** Whether this request should fail with a 500 (errorRate). */
export function shouldError(f: FaultConfig, random: () => number = Math.random): boolean {
  return f.errorRate !== undefined && f.errorRate > 0 && random() < f.errorRate;
}

/** Writes a response body honouring slowDrip and malformedJson. */
export async function writeBody(
  res: ServerResponse,
  body: string,
  f: FaultConfig,
  isJson: boolean,
): Promise<void> {
  const out =
    isJson && f.malformedJson
      ? body.slice(0, Math.max(1, Math.floor(body.length / 2))) + '{"'
      : body;
  const buf = Buffer.from(out, 'utf8');
  if (f.slowDripMs === undefined || f.slowDripMs <= 0) {
    res.end(buf);
    return;
  }
  for (let i = 0; i < buf.length; i += DRIP_CHUNK) {
    if (res.destroyed) return;
    res.write(buf.subarray(i, i + DRIP_CHUNK));
    await delay(f.slowDripMs);
  }
  res.end();
}
