import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENESIS, openAuditLog } from './auditLog';
import { canonicalJson } from './canonicalJson';

const fresh = () => openAuditLog({ dir: mkdtempSync(join(tmpdir(), 'audit-')) });
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
    expect(log.verify()).toEqual({ ok: true, entries: 2 });
    // A reopened log continues the chain.
    const again = openAuditLog({ dir: join(log.file, '..') });
    expect(again.append('auth.sign_in', {}).prev).toBe(second.hash);
    expect(again.verify()).toEqual({ ok: true, entries: 3 });
  });

  it('detects an edited line', () => {
    const log = fresh();
    log.append('auth.sign_in', { sub: 'clinician' });
    log.append('auth.sign_out', { sub: 'clinician' });
    const edited = lines(log.file).map((l, i) => (i === 0 ? l.replace('clinician', 'mallory') : l));
    writeFileSync(log.file, `${edited.join('\n')}\n`);
    expect(log.verify()).toEqual({ ok: false, line: 1, reason: 'hash mismatch' });
  });

  it('detects a removed line in the middle and at the end', () => {
    const log = fresh();
    for (const sub of ['a', 'b', 'c']) log.append('auth.sign_in', { sub });
    const all = lines(log.file);
    writeFileSync(log.file, `${[all[0], all[2]].join('\n')}\n`);
    expect(log.verify()).toMatchObject({ ok: false, line: 2, reason: 'chain broken' });
    writeFileSync(log.file, `${[all[0], all[1]].join('\n')}\n`);
    expect(log.verify()).toMatchObject({ ok: false, reason: 'entries missing at the end' });
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
