import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditBreakReason, AuditVerdict } from '../../../shared/audit/auditLog';
import type { AuditEntry, AuditHead } from './auditEntry';
import {
  AuditEntryZ,
  AuditHeadZ,
  GENESIS,
  entryHash,
  entryMac,
  headMac,
  sameHex,
} from './auditEntry';

/** One line of the log file, parsed as far as it goes. */
export type ParsedLine =
  | { line: number; entry: AuditEntry; raw: Record<string, unknown> }
  | { line: number; error: 'torn' | 'not-json' | 'not-an-entry' };

/** The lines of audit.jsonl; a last line without its newline is torn (a crash mid-append). */
export function parseLines(text: string): ParsedLine[] {
  const parts = text.split('\n');
  const torn = parts.at(-1) !== '';
  if (!torn) parts.pop();
  return parts.map((part, i): ParsedLine => {
    const line = i + 1;
    if (torn && i === parts.length - 1) return { line, error: 'torn' };
    let raw: unknown;
    try {
      raw = JSON.parse(part);
    } catch {
      return { line, error: 'not-json' };
    }
    const entry = AuditEntryZ.safeParse(raw);
    if (!entry.success) return { line, error: 'not-an-entry' };
    return { line, entry: entry.data, raw: raw as Record<string, unknown> };
  });
}

const LINE_PROBLEM: Record<'torn' | 'not-json' | 'not-an-entry', string> = {
  torn: 'is incomplete: Cohort Desk stopped while writing it',
  'not-json': 'is not readable JSON',
  'not-an-entry': 'is not an audit entry',
};

interface Walked {
  prev: string;
  seq: number;
  anySeal: boolean;
  sealedThrough: number;
  /** Entry hashes in order (index = seq - 1), to find the sealed checkpoint's entry. */
  hashes: string[];
}
type BreakDetail = NonNullable<Extract<AuditVerdict, { ok: false }>['detail']>;
type Broken = (
  line: number,
  reason: AuditBreakReason,
  message: string,
  detail?: BreakDetail,
) => AuditVerdict;

/**
 * Recomputes the hash chain of an audit log and, with the key, every seal (issue 12 item 10;
 * `cli audit verify` of issue 23 calls this). Stops at the first break and says where: an edited
 * line fails its hash, a removed, inserted or reordered one its link, a chain rewritten with fresh
 * hashes its seal (or the sealed head checkpoint), a truncated tail the head record.
 */
export function verifyChain(input: {
  lines: readonly ParsedLine[];
  headText: string | undefined;
  macKey?: Uint8Array | undefined;
}): AuditVerdict {
  const { lines, macKey } = input;
  const state: Walked = { prev: GENESIS, seq: 0, anySeal: false, sealedThrough: 0, hashes: [] };
  const broken: Broken = (line, reason, message, detail) => ({
    ok: false,
    entries: lines.length,
    sealedThrough: state.sealedThrough,
    keyChecked: macKey !== undefined,
    line,
    reason,
    message,
    ...(detail === undefined ? {} : { detail }),
  });
  for (const parsed of lines) {
    const problem = walk(parsed, state, macKey, broken);
    if (problem !== undefined) return problem;
  }
  return (
    checkHead(input.headText, lines.length, state, macKey, broken) ?? {
      ok: true,
      entries: lines.length,
      sealedThrough: state.sealedThrough,
      keyChecked: macKey !== undefined,
    }
  );
}

function walk(
  parsed: ParsedLine,
  state: Walked,
  macKey: Uint8Array | undefined,
  broken: Broken,
): AuditVerdict | undefined {
  const { line } = parsed;
  if ('error' in parsed)
    return broken(line, parsed.error, `Line ${line} ${LINE_PROBLEM[parsed.error]}.`);
  const { entry, raw } = parsed;
  if (entry.prev !== state.prev)
    return broken(
      line,
      'chain-broken',
      `Line ${line} does not follow line ${line - 1}: an entry was removed, inserted or moved here.`,
    );
  if (entry.seq !== state.seq + 1)
    return broken(
      line,
      'sequence-gap',
      `Line ${line} is entry ${entry.seq}, not ${state.seq + 1}.`,
      { entry: entry.seq, expected: state.seq + 1 },
    );
  if (!sameHex(entryHash(raw), entry.hash))
    return broken(
      line,
      'hash-mismatch',
      `Line ${line} was changed after it was written: its content no longer matches its hash.`,
    );
  if (entry.mac !== undefined) state.anySeal = true;
  if (macKey !== undefined && entry.mac !== undefined) {
    if (!sameHex(entryMac(macKey, entry.hash), entry.mac)) {
      const from = state.sealedThrough + 1;
      return broken(
        from,
        'seal-mismatch',
        `${span(from, line)} rewritten: the seal of line ${line} does not match this installation's audit key (or the log comes from another installation).`,
        { to: line },
      );
    }
    state.sealedThrough = line;
  }
  state.prev = entry.hash;
  state.seq = entry.seq;
  state.hashes.push(entry.hash);
  return undefined;
}

const span = (from: number, to: number): string =>
  from === to ? `Line ${from} was` : `Lines ${from}–${to} were`;

function checkHead(
  headText: string | undefined,
  n: number,
  state: Walked,
  macKey: Uint8Array | undefined,
  broken: Broken,
): AuditVerdict | undefined {
  if (headText === undefined)
    return n === 0
      ? undefined
      : broken(
          n,
          'head-missing',
          `The head record (audit.head.json) is missing, so the end of the log cannot be checked: entries after line ${n} may have been removed.`,
        );
  let head: AuditHead;
  try {
    head = AuditHeadZ.parse(JSON.parse(headText));
  } catch {
    return broken(
      Math.max(n, 1),
      'head-unreadable',
      'The head record (audit.head.json) is not readable.',
    );
  }
  if (head.seq > n)
    return broken(
      n + 1,
      'truncated',
      `The log ends at line ${n}, but Cohort Desk last wrote entry ${head.seq}: ${span(n + 1, head.seq).toLowerCase()} removed.`,
      { to: head.seq, entry: head.seq },
    );
  if (head.seq < n)
    return broken(
      head.seq + 1,
      'appended',
      `${span(head.seq + 1, n)} added after the last entry Cohort Desk wrote (${head.seq}).`,
      { to: n, entry: head.seq },
    );
  if (n > 0 && !sameHex(head.hash, state.prev))
    return broken(n, 'head-mismatch', `Line ${n} is not the entry Cohort Desk last wrote.`);
  const mark = head.sealed;
  if (mark === undefined)
    return macKey !== undefined && state.anySeal
      ? broken(
          n,
          'head-seal-missing',
          'The sealed checkpoint of the head record is missing although entries are sealed: the end of the log may have been removed or rewritten.',
        )
      : undefined;
  if (macKey !== undefined && !sameHex(headMac(macKey, mark.seq, mark.hash), mark.mac))
    return broken(
      n,
      'head-seal-mismatch',
      "The head record's seal does not match this installation's audit key: the head record was replaced.",
    );
  if (mark.seq > n)
    return broken(
      n + 1,
      'truncated',
      `The log ends at line ${n}, but entry ${mark.seq} was sealed: ${span(n + 1, mark.seq).toLowerCase()} removed.`,
      { to: mark.seq, entry: mark.seq, sealed: true },
    );
  if (!sameHex(state.hashes[mark.seq - 1] ?? '', mark.hash)) {
    const from = state.sealedThrough + 1;
    return broken(
      from,
      'rewritten',
      `${span(from, mark.seq)} rewritten: they no longer lead to entry ${mark.seq} as it was sealed.`,
      { to: mark.seq, entry: mark.seq },
    );
  }
  if (macKey !== undefined) state.sealedThrough = Math.max(state.sealedThrough, mark.seq);
  return undefined;
}

/** Verifies the log in a folder (audit.jsonl and audit.head.json): the function `cli audit verify` calls. */
export function verifyAuditDir(dir: string, macKey?: Uint8Array): AuditVerdict {
  const file = join(dir, AUDIT_FILE);
  const head = join(dir, AUDIT_HEAD_FILE);
  return verifyChain({
    lines: parseLines(existsSync(file) ? readFileSync(file, 'utf8') : ''),
    headText: existsSync(head) ? readFileSync(head, 'utf8') : undefined,
    macKey,
  });
}

export const AUDIT_FILE = 'audit.jsonl';
export const AUDIT_HEAD_FILE = 'audit.head.json';

/** A break's codes as a notice's text parameters (the renderer words them, decision 0063). */
export function breakParams(verdict: Extract<AuditVerdict, { ok: false }>): Record<string, string> {
  const out: Record<string, string> = { reason: verdict.reason, line: String(verdict.line) };
  for (const [k, v] of Object.entries(verdict.detail ?? {})) out[k] = String(v);
  return out;
}
