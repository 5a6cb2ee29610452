import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditList, AuditListRequest, AuditVerdict } from '../../../shared/audit/auditLog';
import type { Logger } from '../logging/logger';
import { redact } from '../logging/redact';
import { writeFileAtomic } from '../settings/atomicWrite';
import type { VaultUser } from '../vault/datasetFolder';
import { scopeOf } from '../vault/datasetFolder';
import type { KeyDeriver } from '../vault/keyHierarchy';
import type { AuditEntry, AuditHead, AuditType, SealedFields } from './auditEntry';
import { AuditHeadZ, GENESIS, entryHash, entryMac, headMac } from './auditEntry';
import type { Viewer } from './auditView';
import { listAudit } from './auditView';
import { openRecipients } from './recipients';
import {
  INSTALLATION,
  boxBinding,
  publicHex,
  recipientPrivateKey,
  sealTo,
  splitFields,
} from './sealedFields';
import { quarantineTornTail } from './tornTail';
import type { ParsedLine } from './verifyChain';
import { AUDIT_FILE, AUDIT_HEAD_FILE, parseLines, verifyChain } from './verifyChain';

export type { AuditEntry, AuditType } from './auditEntry';
export { GENESIS } from './auditEntry';

export interface AuditLog {
  append(type: AuditType, fields?: Record<string, unknown>): AuditEntry;
  /** Recomputes the chain (and the seals, once the key is known); records a new break in the log. */
  verify(): AuditVerdict;
  /** Entries for the Settings & audit page, newest first, with the verification result. */
  list(request: AuditListRequest): AuditList;
  /** Who is signed in: their key seals the sensitive fields of what they do. */
  setUser(current: () => VaultUser | undefined): void;
  /** The vault's key derivation, once its master key is known: seals the chain from here on. */
  useKeys(derive: KeyDeriver): AuditVerdict;
  /** Called with each break found (at start, when the key arrives, on display); at once for an earlier one. */
  onBreak(listener: (verdict: Extract<AuditVerdict, { ok: false }>) => void): () => void;
  readonly file: string;
}

/**
 * An append-only, hash-chained JSON-lines audit log (DESIGN audit, DATA-08), keyed and sealed per
 * user (issue 12 items 6, 10, 11; docs/decisions/0016-audit-log-keys.md). Each line links to the previous
 * line's sha256; once the vault's master key is known each line also carries an HMAC under a key
 * derived from it, and the head record a sealed checkpoint, so an edited, removed, truncated or
 * rewritten chain is found and located. Sensitive fields are sealed to the signed-in user's key;
 * type, time, user and dataset ids stay readable. Tokens never enter it (AUTH-10).
 */
export function openAuditLog(opts: { dir: string; now?: () => Date; logger?: Logger }): AuditLog {
  const now = opts.now ?? (() => new Date());
  mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
  const file = join(opts.dir, AUDIT_FILE);
  const headFile = join(opts.dir, AUDIT_HEAD_FILE);
  const recipients = openRecipients(join(opts.dir, 'recipients.json'));
  const breakListeners = new Set<(v: Extract<AuditVerdict, { ok: false }>) => void>();
  let user: () => VaultUser | undefined = () => undefined;
  let keys: { mac: Buffer; derive: KeyDeriver } | undefined;
  let opened: Viewer | undefined;
  /** Public keys derived since the keys arrived (deriving one per append costs an X25519 export). */
  const derivedPublic = new Map<string, string>();
  /** The last listing's parse and verification, reused while neither file changed (ctime, size). */
  let snapshot: { stamp: string; lines: ParsedLine[]; verdict: AuditVerdict } | undefined;
  let lastBreak: Extract<AuditVerdict, { ok: false }> | undefined;

  const torn = quarantineTornTail(file, now());
  let { last, mark } = readEnds();

  function readLinesNow(): ParsedLine[] {
    return parseLines(existsSync(file) ? readFileSync(file, 'utf8') : '');
  }
  function readHead(): AuditHead | undefined {
    try {
      return existsSync(headFile)
        ? AuditHeadZ.parse(JSON.parse(readFileSync(headFile, 'utf8')))
        : undefined;
    } catch {
      return undefined;
    }
  }
  /** The last entry to chain from, and the sealed checkpoint to keep while the vault is locked. */
  function readEnds(): { last: { seq: number; hash: string }; mark: AuditHead['sealed'] } {
    const lines = readLinesNow();
    const head = readHead();
    const tail = lines.findLast((l) => 'entry' in l);
    const lastEntry = tail !== undefined && 'entry' in tail ? tail.entry : undefined;
    // A crash between writing a line and the head leaves the head one behind: complete it. This
    // adds no trust (the head's top is unkeyed); only the sealed checkpoint and the seals are.
    if (head !== undefined && lastEntry?.seq === head.seq + 1 && lastEntry.prev === head.hash)
      writeHead({ seq: lastEntry.seq, hash: lastEntry.hash }, head.sealed);
    return {
      last: lastEntry === undefined ? { seq: 0, hash: GENESIS } : lastEntry,
      mark: head?.sealed,
    };
  }
  function writeHead(top: { seq: number; hash: string }, sealed: AuditHead['sealed']): void {
    const head: AuditHead = { v: 2, ...top, ...(sealed === undefined ? {} : { sealed }) };
    writeFileAtomic(headFile, JSON.stringify(head));
  }

  /** The public key to seal to: the user's, else the installation's, else none yet. */
  function recipient(to: string): { to: string; publicKey: string } | undefined {
    if (keys !== undefined) {
      let publicKey = derivedPublic.get(to);
      if (publicKey === undefined) {
        publicKey = publicHex(recipientPrivateKey(keys.derive, to));
        recipients.put(to, publicKey, keys.mac);
        derivedPublic.set(to, publicKey);
      }
      return { to, publicKey };
    }
    const cached = recipients.get(to);
    return cached === undefined ? undefined : { to, publicKey: cached };
  }
  function seal(
    sensitive: Record<string, unknown>,
    meta: { seq: number; t: string; type: string },
  ): SealedFields {
    const u = user();
    const r = (u === undefined ? undefined : recipient(scopeOf(u))) ?? recipient(INSTALLATION);
    if (r === undefined) return { withheld: Object.keys(sensitive) };
    return sealTo(r, sensitive, boxBinding({ ...meta, to: r.to }));
  }

  /** Changes whenever either file is written (ctime cannot be set back from user space) or keyed. */
  function stampOf(): string {
    const files = [file, headFile].map((f) => {
      const st = statSync(f, { bigint: true, throwIfNoEntry: false });
      return st === undefined ? '-' : `${st.ino}:${st.size}:${st.ctimeNs}`;
    });
    return `${files.join('|')}|${keys === undefined ? 'unkeyed' : 'keyed'}`;
  }

  function check(lines: ParsedLine[]): AuditVerdict {
    const verdict = verifyChain({
      lines,
      headText: existsSync(headFile) ? readFileSync(headFile, 'utf8') : undefined,
      macKey: keys?.mac,
    });
    if (verdict.ok) return verdict;
    opts.logger?.warn('audit.break', { line: verdict.line, reason: verdict.reason });
    const known = lines.some(
      (l) =>
        'entry' in l &&
        l.entry.type === 'audit.break_found' &&
        l.entry.fields.line === verdict.line &&
        l.entry.fields.reason === verdict.reason,
    );
    if (!known) log.append('audit.break_found', { line: verdict.line, reason: verdict.reason });
    lastBreak = verdict;
    for (const listener of breakListeners) listener(verdict);
    return verdict;
  }

  const log: AuditLog = {
    file,
    append(type, fields = {}) {
      const { readable, sensitive } = splitFields(redact(fields) as Record<string, unknown>);
      const meta = { seq: last.seq + 1, t: now().toISOString(), type };
      const body: Record<string, unknown> = {
        ...meta,
        fields: readable,
        ...(sensitive === undefined ? {} : { sealed: seal(sensitive, meta) }),
        prev: last.hash,
      };
      const hash = entryHash(body);
      const mac = keys === undefined ? undefined : entryMac(keys.mac, hash);
      const entry = { ...body, hash, ...(mac === undefined ? {} : { mac }) } as AuditEntry;
      appendFileSync(file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
      if (keys !== undefined)
        mark = { seq: meta.seq, hash, mac: headMac(keys.mac, meta.seq, hash) };
      writeHead({ seq: meta.seq, hash }, mark);
      last = { seq: meta.seq, hash };
      return entry;
    },
    verify: () => check(readLinesNow()),
    list(request) {
      const stamp = stampOf();
      if (snapshot?.stamp !== stamp) {
        const lines = readLinesNow();
        snapshot = { stamp, lines, verdict: check(lines) };
      }
      const { lines, verdict } = snapshot;
      const u = user();
      const scope = u === undefined ? undefined : scopeOf(u);
      if (opened?.scope !== scope)
        opened = scope === undefined ? undefined : { scope, fields: new Map() };
      return listAudit({ lines, verdict, request, file, viewer: opened, derive: keys?.derive });
    },
    setUser(current) {
      user = current;
    },
    useKeys(derive) {
      const everSealed = mark !== undefined;
      const mac = derive('audit-chain');
      keys = { mac, derive };
      derivedPublic.clear();
      const replaced = recipients
        .known()
        .filter((to) => recipients.put(to, publicHex(recipientPrivateKey(derive, to)), mac));
      // Cache the public keys now, so entries can still be sealed after a restart while locked.
      recipient(INSTALLATION);
      const u = user();
      if (u !== undefined) recipient(scopeOf(u));
      const verdict = log.verify();
      if (replaced.length > 0)
        log.append('audit.break_found', { reason: 'recipient-key-replaced', to: replaced });
      if (verdict.ok && verdict.sealedThrough < verdict.entries)
        log.append('audit.sealed', {
          from: verdict.sealedThrough + 1,
          to: verdict.entries,
          reason: everSealed ? 'written-while-locked' : 'written-before-keying',
        });
      return verdict;
    },
    onBreak(listener) {
      breakListeners.add(listener);
      if (lastBreak !== undefined) listener(lastBreak);
      return () => breakListeners.delete(listener);
    },
  };

  if (torn !== undefined) log.append('audit.recovered', { ...torn });
  log.verify();
  return log;
}
