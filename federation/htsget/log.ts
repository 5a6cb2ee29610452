/** Structured logging for the htsget handler: JSON lines on stderr, never tokens or ticket URLs (HTS-06). */

/** Writes one JSON log line to stderr. */
export function logEvent(
  level: 'info' | 'warn' | 'error',
  event: string,
  fields: Record<string, unknown> = {},
): void {
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), level, component: 'htsget', event, ...fields })}\n`,
  );
}
