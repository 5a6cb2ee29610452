import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '../logging/redact';
import { writeFileAtomic } from '../settings/atomicWrite';
import { canonicalJson } from './canonicalJson';

/** What the audit log records (DESIGN audit: sign-ins, queries, pulls, exports, purges). */
export type AuditType =
  | 'auth.sign_in'
  | 'auth.sign_in_failed'
  | 'auth.refresh_failed'
  | 'auth.sign_out'
  | 'auth.visa_rejected'
  | 'search.run'
  | 'vault.write'
  | 'vault.purge'
  | 'vault.unlock_failed'
  | 'vault.check_deferred'
  | 'pull.start'
  | 'pull.refused'
  | 'pull.failed'
  | 'pull.cancelled'
  | 'pull.staging_purged'
  | 'cohort.save'
  | 'cohort.export';

export interface AuditEntry {
  readonly seq: number;
  readonly t: string;
  readonly type: string;
  readonly fields: Record<string, unknown>;
  /** Hash of the previous entry (GENESIS for the first). */
  readonly prev: string;
  /** sha256 over the canonical JSON of every other member. */
  readonly hash: string;
}

export type AuditVerdict =
  { ok: true; entries: number } | { ok: false; line: number; reason: string };

export interface AuditLog {
  append(type: AuditType, fields?: Record<string, unknown>): AuditEntry;
  /** Re-reads the file and checks every hash and link, and the head record (a removed last line). */
  verify(): AuditVerdict;
  readonly file: string;
}

export const GENESIS = '0'.repeat(64);

const hashOf = (entry: Omit<AuditEntry, 'hash'>): string =>
  createHash('sha256').update(canonicalJson(entry)).digest('hex');

/**
 * An append-only, hash-chained JSON-lines audit log (DESIGN audit). Each line carries the previous
 * line's hash and its own sha256 over canonical JSON, so an edited or removed line breaks the chain;
 * a small head file (seq + hash of the last line) catches a truncated tail. Fields are redacted: no
 * tokens, codes or visas ever enter it (AUTH-10).
 */
export function openAuditLog(opts: { dir: string; now?: () => Date }): AuditLog {
  const now = opts.now ?? (() => new Date());
  mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
  const file = join(opts.dir, 'audit.jsonl');
  const headFile = join(opts.dir, 'audit.head.json');
  let last = readLast();

  function readLines(): string[] {
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line !== '');
  }

  function readLast(): { seq: number; hash: string } {
    const lines = readLines();
    const tail = lines.at(-1);
    if (tail === undefined) return { seq: 0, hash: GENESIS };
    const entry = JSON.parse(tail) as AuditEntry;
    return { seq: entry.seq, hash: entry.hash };
  }

  return {
    file,
    append(type, fields = {}) {
      const body = {
        seq: last.seq + 1,
        t: now().toISOString(),
        type,
        fields: redact(fields) as Record<string, unknown>,
        prev: last.hash,
      };
      const entry: AuditEntry = { ...body, hash: hashOf(body) };
      appendFileSync(file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
      writeFileAtomic(headFile, JSON.stringify({ seq: entry.seq, hash: entry.hash }));
      last = { seq: entry.seq, hash: entry.hash };
      return entry;
    },
    verify() {
      const lines = readLines();
      let prev = GENESIS;
      let seq = 0;
      for (const [i, line] of lines.entries()) {
        let entry: AuditEntry;
        try {
          entry = JSON.parse(line) as AuditEntry;
        } catch {
          return { ok: false, line: i + 1, reason: 'not JSON' };
        }
        const { hash, ...body } = entry;
        if (entry.prev !== prev) return { ok: false, line: i + 1, reason: 'chain broken' };
        if (entry.seq !== seq + 1) return { ok: false, line: i + 1, reason: 'sequence gap' };
        if (hashOf(body) !== hash) return { ok: false, line: i + 1, reason: 'hash mismatch' };
        prev = hash;
        seq = entry.seq;
      }
      if (existsSync(headFile)) {
        const head = JSON.parse(readFileSync(headFile, 'utf8')) as { seq: number; hash: string };
        if (head.seq !== seq || head.hash !== prev)
          return { ok: false, line: lines.length, reason: 'entries missing at the end' };
      }
      return { ok: true, entries: lines.length };
    },
  };
}
