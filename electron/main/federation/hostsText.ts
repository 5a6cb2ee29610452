import type { HostList } from '../../../shared/it/hosts';

const PURPOSE: Record<string, string> = {
  'federation-directory': 'federation directory',
  broker: 'sign-in broker',
  'visa-issuer-keys': 'visa issuer keys',
  beacon: 'node Beacon',
  htsget: 'node htsget',
  'update-feed': 'update feed',
  'external-link': 'external link',
};

/**
 * The host list as plain text for IT (`npm run cli -- hosts list` prints it): one line per host
 * and port, then why, then the caveats.
 */
export function formatHostList(list: HostList): string {
  const lines = [
    `# Hosts Cohort Desk may contact (directory: ${list.directorySource}). No other outbound request is made; no telemetry.`,
  ];
  for (const h of list.hosts) {
    lines.push(`${h.scheme}://${h.host}:${h.port}`);
    for (const r of h.reasons)
      lines.push(
        `  ${PURPOSE[r.purpose] ?? r.purpose}: ${r.detail}${r.by === 'browser' ? ' (system browser)' : ''}`,
      );
  }
  if (list.hosts.length === 0)
    lines.push('(none: no federation is configured and updates are off)');
  for (const note of list.notes) lines.push(`! ${note}`);
  if (!list.complete) lines.push('! Hosts may be missing from this list (see above).');
  return `${lines.join('\n')}\n`;
}
