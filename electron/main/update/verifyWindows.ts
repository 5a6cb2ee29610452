import { execFile } from 'node:child_process';
import { normalize } from 'node:path';
import { parse } from 'yaml';

/**
 * The publisher identities pinned in the installed app's app-update.yml (electron-builder writes it
 * from win.signtoolOptions / azureSignOptions publisherName). electron-updater 6.8 skips the
 * Windows signature check when this is absent (STANDARDS §0.3, verified in 6.8.10's NsisUpdater):
 * we refuse instead.
 */
export function pinnedPublishers(appUpdateYml: string | undefined): string[] {
  if (appUpdateYml === undefined) return [];
  const config = parse(appUpdateYml) as { publisherName?: unknown } | null;
  const names = config?.publisherName;
  const list = Array.isArray(names) ? names : names === undefined || names === null ? [] : [names];
  return list.filter((n): n is string => typeof n === 'string' && n.trim() !== '');
}

/** A distinguished name as attribute → value (`CN=Cohort Desk, O=Cohort Desk, C=NL`). */
function parseDn(dn: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of dn.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
    const at = part.indexOf('=');
    if (at > 0)
      out.set(
        part.slice(0, at).trim().toUpperCase(),
        part
          .slice(at + 1)
          .trim()
          .replace(/^"|"$/g, ''),
      );
  }
  return out;
}

/**
 * Our decision on `Get-AuthenticodeSignature -LiteralPath <file> | ConvertTo-Json` output: null when
 * the signature is valid (Status 0), for this very file, by a pinned publisher (every attribute of
 * a pinned DN must match; a bare name must equal the CN). Otherwise the reason for refusing.
 * Unlike electron-updater 6.8, nothing fails open: no pin, bad JSON or an old PowerShell all refuse.
 */
export function authenticodeVerdict(
  powershellJson: string,
  file: string,
  publishers: readonly string[],
): string | null {
  if (publishers.length === 0)
    return 'this build pins no publisher (app-update.yml has no publisherName), so no update can be verified';
  let data: { Status?: unknown; Path?: unknown; SignerCertificate?: { Subject?: unknown } | null };
  try {
    data = JSON.parse(powershellJson) as typeof data;
  } catch {
    return 'the signature check gave no readable answer';
  }
  if (data.Status !== 0)
    return `the update's signature is not valid (status ${String(data.Status)})`;
  if (typeof data.Path !== 'string' || normalize(data.Path) !== normalize(file))
    return 'the signature check answered for another file';
  const subjectText = data.SignerCertificate?.Subject;
  if (typeof subjectText !== 'string') return 'the update has no signer certificate';
  const subject = parseDn(subjectText);
  const match = publishers.some((name) => {
    const dn = parseDn(name);
    return dn.size > 0
      ? [...dn.entries()].every(([k, v]) => subject.get(k) === v)
      : subject.get('CN') === name;
  });
  return match ? null : `the update is signed by ${subjectText}, not by ${publishers.join(' or ')}`;
}

/**
 * electron-updater's `verifyUpdateCodeSignature` replacement (Windows only): runs PowerShell like
 * electron-updater does (the path single-quoted with quotes doubled) and decides with
 * authenticodeVerdict. Any failure to run is a refusal.
 */
export function verifyAuthenticode(publishers: readonly string[]) {
  return (_namesFromUpdater: string[], file: string): Promise<string | null> =>
    new Promise((resolve) => {
      const literal = file.replace(/'/g, "''");
      execFile(
        'powershell.exe',
        [
          '-NoProfile',
          '-NonInteractive',
          '-InputFormat',
          'None',
          '-Command',
          `Get-AuthenticodeSignature -LiteralPath '${literal}' | ConvertTo-Json -Compress -Depth 3`,
        ],
        { timeout: 20_000, windowsHide: true },
        (error, stdout) => {
          if (error !== null) resolve(`the signature could not be checked: ${error.message}`);
          else resolve(authenticodeVerdict(stdout, file, publishers));
        },
      );
    });
}
