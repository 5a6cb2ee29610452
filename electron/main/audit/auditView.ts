import type { KeyObject } from 'node:crypto';
import type {
  AuditList,
  AuditListRequest,
  AuditPrivate,
  AuditRow,
  AuditVerdict,
} from '../../../shared/audit/auditLog';
import type { KeyDeriver } from '../vault/keyHierarchy';
import type { AuditEntry } from './auditEntry';
import {
  INSTALLATION,
  boxBinding,
  openSealed,
  publicHex,
  recipientPrivateKey,
} from './sealedFields';
import type { ParsedLine } from './verifyChain';

const DEFAULT_LIMIT = 1000;

/** The signed-in user's scope, their key once derived, and their fields already opened (by hash). */
export interface Viewer {
  readonly scope: string;
  readonly fields: Map<string, Record<string, unknown>>;
  key?: { privateKey: KeyObject; publicKey: string };
}

/** The sensitive fields of an entry as the viewer may see them: their own, opened; others', named. */
function privateOf(
  entry: AuditEntry,
  viewer: Viewer | undefined,
  derive: KeyDeriver | undefined,
): AuditPrivate | undefined {
  const sealed = entry.sealed;
  if (sealed === undefined) return undefined;
  if ('withheld' in sealed) return { state: 'withheld', names: sealed.withheld };
  if (sealed.to === INSTALLATION) return { state: 'installation' };
  if (viewer === undefined || sealed.to !== viewer.scope) return { state: 'other-user' };
  const cached = viewer.fields.get(entry.hash);
  if (cached !== undefined) return { state: 'open', fields: cached };
  if (derive === undefined) return { state: 'locked' };
  try {
    if (viewer.key === undefined) {
      const privateKey = recipientPrivateKey(derive, viewer.scope);
      viewer.key = { privateKey, publicKey: publicHex(privateKey) };
    }
    const fields = openSealed(
      sealed,
      viewer.key,
      boxBinding({ seq: entry.seq, t: entry.t, type: entry.type, to: sealed.to }),
    );
    viewer.fields.set(entry.hash, fields);
    return { state: 'open', fields };
  } catch {
    return { state: 'unreadable' };
  }
}

function inRange(entry: AuditEntry, request: AuditListRequest): boolean {
  if (
    request.types !== undefined &&
    request.types.length > 0 &&
    !request.types.includes(entry.type)
  )
    return false;
  const at = Date.parse(entry.t);
  if (request.from !== undefined && at < Date.parse(request.from)) return false;
  return request.to === undefined || at < Date.parse(request.to);
}

function hasText(row: AuditRow, text: string | undefined): boolean {
  if (text === undefined) return true;
  const opened = row.private?.state === 'open' ? JSON.stringify(row.private.fields) : '';
  return `${row.type} ${JSON.stringify(row.fields)} ${opened}`.toLowerCase().includes(text);
}

/**
 * The Settings & audit page's view of the log (issue 13): newest first, filtered by type, time and
 * text (the text also searches the viewer's own sealed fields, never anyone else's), at most
 * `limit` rows, with the verification result and every break the log recorded.
 */
export function listAudit(opts: {
  lines: readonly ParsedLine[];
  verdict: AuditVerdict;
  request: AuditListRequest;
  file: string;
  viewer: Viewer | undefined;
  derive: KeyDeriver | undefined;
}): AuditList {
  const { request, verdict } = opts;
  const text = request.text?.trim().toLowerCase() || undefined;
  const limit = request.limit ?? DEFAULT_LIMIT;
  const types = new Set<string>();
  const breaks: AuditList['breaks'] = [];
  const rows: AuditRow[] = [];
  let matched = 0;
  let total = 0;
  for (let i = opts.lines.length - 1; i >= 0; i -= 1) {
    const parsed = opts.lines[i];
    if (parsed === undefined || !('entry' in parsed)) continue;
    const { entry } = parsed;
    total += 1;
    types.add(entry.type);
    if (entry.type === 'audit.break_found') {
      const line = entry.fields.line;
      breaks.push({
        seq: entry.seq,
        t: entry.t,
        reason: String(entry.fields.reason),
        ...(typeof line === 'number' && line > 0 ? { line } : {}),
      });
    }
    if (!inRange(entry, request)) continue;
    const privateFields = privateOf(entry, opts.viewer, opts.derive);
    const row: AuditRow = {
      line: parsed.line,
      seq: entry.seq,
      t: entry.t,
      type: entry.type,
      fields: entry.fields,
      ...(privateFields === undefined ? {} : { private: privateFields }),
      sealed: verdict.keyChecked && parsed.line <= verdict.sealedThrough,
    };
    if (!hasText(row, text)) continue;
    matched += 1;
    if (rows.length < limit) rows.push(row);
  }
  return { verdict, file: opts.file, rows, matched, total, types: [...types].sort(), breaks };
}
