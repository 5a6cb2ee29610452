/** Structured logger for the AAI: one JSON object per line on stderr (house rule: no console.log). */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  const env = process.env['AAI_LOG_LEVEL'];
  if (env === 'debug' || env === 'info' || env === 'warn' || env === 'error') return ORDER[env];
  // Tests start many brokers; keep them quiet unless something goes wrong.
  return process.env['VITEST'] === undefined ? ORDER.info : ORDER.warn;
}

/** Writes one structured log line. Never pass tokens, passwords or visas in `fields` (AUTH-10). */
export function log(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
  if (ORDER[level] < threshold()) return;
  const line = JSON.stringify({
    ts: new Date().toISOString(),
    level,
    component: 'aai',
    msg,
    ...fields,
  });
  process.stderr.write(`${line}\n`);
}
