import { appendFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENESIS, openAuditLog } from './auditLog';
import { canonicalJson } from './canonicalJson';
import { verifyAuditDir } from './verifyChain';

const freshDir = () => mkdtempSync(join(tmpdir(), 'audit-'));
const fresh = () => openAuditLog({ dir: freshDir() });
const lines = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n');

describe('audit log: hash chain (DESIGN audit, AUTH-10)', () => {
  it('canonical JSON sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,"x"]},"b":1}',
    );
  });

  it('chains entries from the genesis hash and verifies', () => {
    const log = fresh();
    const first = log.append('auth.sign_in', { sub: 'clinician' });
    const second = log.append('auth.sign_out', { sub: 'clinician' });
    expect(first.prev).toBe(GENESIS);
    expect(second.prev).toBe(first.hash);
    expect(log.verify()).toMatchObject({ ok: true, entries: 2, keyChecked: false });
    // A reopened log continues the chain.
    const again = openAuditLog({ dir: join(log.file, '..') });
    expect(again.append('auth.sign_in', {}).prev).toBe(second.hash);
    expect(again.verify()).toMatchObject({ ok: true, entries: 3 });
  });

  it('detects an edited line', () => {
    const log = fresh();
    log.append('auth.sign_in', { sub: 'clinician' });
    log.append('auth.sign_out', { sub: 'clinician' });
    const edited = lines(log.file).map((l, i) => (i === 0 ? l.replace('clinician', 'mallory') : l));
    writeFileSync(log.file, `${edited.join('\n')}\n`);
    expect(log.verify()).toMatchObject({ ok: false, line: 1, reason: 'hash-mismatch' });
  });

  it('detects a removed line in the middle and at the end', () => {
    const dir = freshDir();
    const log = openAuditLog({ dir });
    for (const sub of ['a', 'b', 'c']) log.append('auth.sign_in', { sub });
    const all = lines(log.file);
    writeFileSync(log.file, `${[all[0], all[2]].join('\n')}\n`);
    expect(verifyAuditDir(dir)).toMatchObject({ ok: false, line: 2, reason: 'chain-broken' });
    writeFileSync(log.file, `${[all[0], all[1]].join('\n')}\n`);
    expect(verifyAuditDir(dir)).toMatchObject({ ok: false, line: 3, reason: 'truncated' });
  });

  it('reads a log written by 0.1 (no seals, head without a version) and continues it', () => {
    const dir = freshDir();
    const legacy = openAuditLog({ dir });
    legacy.append('auth.sign_in', { sub: 'a' });
    const [line] = lines(legacy.file);
    const entry = JSON.parse(line!) as { seq: number; hash: string };
    writeFileSync(join(dir, 'audit.head.json'), JSON.stringify({ seq: 1, hash: entry.hash }));
    const log = openAuditLog({ dir });
    log.append('auth.sign_out', { sub: 'a' });
    expect(log.verify()).toMatchObject({ ok: true, entries: 2, sealedThrough: 0 });
  });

  it('AUTH-10: never stores tokens, even when a caller passes one', () => {
    const log = fresh();
    log.append('auth.visa_rejected', {
      reason: 'bad eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln',
      refresh_token: 'opaque-secret',
    });
    const text = readFileSync(log.file, 'utf8');
    expect(text).not.toContain('eyJ');
    expect(text).not.toContain('opaque-secret');
    expect(log.verify().ok).toBe(true);
  });
});

describe('audit log: a crash mid-append (issue 12 item 6)', () => {
  it('issue 12: a torn last line no longer stops the app: the valid prefix is kept, the torn tail quarantined and recorded', () => {
    const dir = freshDir();
    const before = openAuditLog({ dir });
    before.append('auth.sign_in', { sub: 'clinician' });
    before.append('search.run', { queryId: 'q1', nodes: ['FI'] });
    const intact = readFileSync(before.file, 'utf8');
    const torn = '{"seq":3,"t":"2026-12-06T10:00:00.000Z","type":"auth.sign_o';
    appendFileSync(before.file, torn);

    const log = openAuditLog({ dir, now: () => new Date('2026-12-06T10:00:01.000Z') });

    const quarantined = readdirSync(dir).filter((n) => n.startsWith('audit.torn-'));
    expect(quarantined).toEqual(['audit.torn-2026-12-06T10-00-01-000Z.jsonl']);
    expect(readFileSync(join(dir, quarantined[0]!), 'utf8')).toBe(torn);
    const now = lines(log.file);
    expect(readFileSync(log.file, 'utf8').startsWith(intact)).toBe(true);
    expect(now).toHaveLength(3);
    expect(JSON.parse(now[2]!)).toMatchObject({
      seq: 3,
      type: 'audit.recovered',
      fields: { quarantined: quarantined[0], bytes: torn.length, line: 3 },
    });
    expect(log.verify()).toMatchObject({ ok: true, entries: 3 });
    // And the next start finds nothing to recover.
    openAuditLog({ dir });
    expect(readdirSync(dir).filter((n) => n.startsWith('audit.torn-'))).toHaveLength(1);
  });

  it('completes a head left one entry behind by a crash between the line and the head', () => {
    const dir = freshDir();
    const log = openAuditLog({ dir });
    const first = log.append('auth.sign_in', { sub: 'a' });
    const head = readFileSync(join(dir, 'audit.head.json'), 'utf8');
    log.append('auth.sign_out', { sub: 'a' });
    writeFileSync(join(dir, 'audit.head.json'), head);
    expect(JSON.parse(head)).toMatchObject({ seq: 1, hash: first.hash });
    expect(openAuditLog({ dir }).verify()).toMatchObject({ ok: true, entries: 2 });
  });

  it('verifies at start and reports a break to whoever listens, once recorded in the log', () => {
    const dir = freshDir();
    const before = openAuditLog({ dir });
    before.append('auth.sign_in', { sub: 'clinician' });
    before.append('auth.sign_out', { sub: 'clinician' });
    writeFileSync(before.file, readFileSync(before.file, 'utf8').replace('clinician', 'mallory'));
    const log = openAuditLog({ dir });
    const seen: unknown[] = [];
    log.onBreak((v) => seen.push(v));
    expect(seen).toMatchObject([{ ok: false, line: 1, reason: 'hash-mismatch' }]);
    expect(JSON.parse(lines(log.file).at(-1)!)).toMatchObject({
      type: 'audit.break_found',
      fields: { line: 1, reason: 'hash-mismatch' },
    });
    // Verifying again does not record the same break twice.
    openAuditLog({ dir }).verify();
    expect(lines(log.file).filter((l) => l.includes('audit.break_found'))).toHaveLength(1);
  });
});
