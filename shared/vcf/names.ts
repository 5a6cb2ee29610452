// Names the spec constrains: contigs (CHROM), INFO and FORMAT keys, URLs in ##assembly/##pedigreeDB.
import { said } from './problems';
import type { Said } from './problems';
import type { VersionRules } from './version';

/** SAM reference-name rule that VCF 4.3+ adopts for contigs (§1.4.7). */
const SAM_NAME = /^[0-9A-Za-z!#$%&+./:;?@^_|~-][0-9A-Za-z!#$%&*+./:;=?@^_|~-]*$/;
/** 4.3+ INFO keys; `1000G` is a legacy exception (§1.6.1). */
export const INFO_KEY_43 = /^(?:[A-Za-z_][0-9A-Za-z_.]*|1000G)$/;
/** FORMAT keys (§1.6.2). */
export const FORMAT_KEY = /^[A-Za-z_][0-9A-Za-z_.]*$/;

/**
 * Why a contig name (a CHROM value, a ##contig ID) breaks the version's rules, or undefined. The
 * message is the reason after the name; the caller puts the name before it and into the values.
 */
export function contigNameProblem(name: string, rules: VersionRules): Said | undefined {
  if (name === '') return said('name-empty', 'is empty');
  const bracketed = name.startsWith('<') && name.endsWith('>') && name.length > 2;
  const inner = bracketed ? name.slice(1, -1) : name;
  if (/\s/.test(inner)) return said('name-space', 'contains white space');
  if (inner.includes(',')) return said('name-comma', 'contains a comma');
  if (/[<>]/.test(inner)) {
    return said(
      'name-angle',
      'contains an angle bracket (only a whole <ID> naming an assembly contig may use them)',
    );
  }
  if (rules.chromNoColon && inner.includes(':')) {
    return said(
      'name-colon',
      'contains ":", which this VCF version forbids in chromosome names (breakend notation uses it)',
    );
  }
  if (rules.samContigNames && !SAM_NAME.test(inner)) {
    return said(
      'name-invalid',
      'is not a valid contig name: [0-9A-Za-z!#$%&+./:;?@^_|~-] first, then also * and =',
    );
  }
  if (rules.chromNoColon && rules.samContigNames && inner.includes('*')) {
    return said('name-star', 'contains "*", which VCFv4.3 keeps for symbolic alleles');
  }
  return undefined;
}

const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

/**
 * Why a URL (##assembly, ##pedigreeDB) is not one, or undefined: scheme://[user@]host[:port]/path
 * with a real host name or IPv4 address (a bare number is not a host), or file:///path.
 */
export function urlProblem(value: string): Said | undefined {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:[^@/\s]+@)?([^/:\s]*)(?::(\d+))?(\/\S*)?$/.exec(
    value,
  );
  if (m === null) return said('url-invalid', 'is not a URL (scheme://host/path)');
  const scheme = (m[1] ?? '').toLowerCase();
  const host = m[2] ?? '';
  if (host === '') return scheme === 'file' ? undefined : said('url-no-host', 'has no host');
  if (IPV4.test(host)) {
    return host.split('.').every((o) => Number(o) <= 255)
      ? undefined
      : said('url-ip', 'has an invalid IP address', { host });
  }
  const labels = host.split('.');
  if (!labels.every((l) => LABEL.test(l)))
    return said('url-host', `has an invalid host name "${host}"`, { host });
  if (labels.every((l) => /^\d+$/.test(l)))
    return said('url-number-host', `has a number, not a host name, as host "${host}"`, { host });
  return undefined;
}
