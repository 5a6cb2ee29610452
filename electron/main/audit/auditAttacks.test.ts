import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KeyDeriver } from '../vault/keyHierarchy';
import { deriveKey } from '../vault/keyHierarchy';
import { openAuditLog } from './auditLog';
import { canonicalJson } from './canonicalJson';
import { breakParams, verifyAuditDir } from './verifyChain';

/**
 * Issue 12 item 10: the chain used to be unkeyed, so anyone who could write the file could rewrite it
 * with fresh sha256 hashes and it verified. These attacks edit the files the way a person with write
 * access to the data folder would; each must be found and located.
 */
const masterKey = randomBytes(32);
const derive: KeyDeriver = (purpose, scope) => deriveKey(masterKey, purpose, scope);
const macKey = derive('audit-chain');

function keyedLog(entries = 5) {
  const dir = mkdtempSync(join(tmpdir(), 'audit-attack-'));
  const log = openAuditLog({ dir });
  log.useKeys(derive);
  for (let i = 1; i <= entries; i += 1)
    log.append('vault.write', { datasetId: `DS-${i}`, rows: i });
  const file = join(dir, 'audit.jsonl');
  const read = (): Record<string, unknown>[] =>
    readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const write = (entries: Record<string, unknown>[]): void =>
    writeFileSync(file, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
  return { dir, log, file, read, write };
}

/** What an attacker without the key can compute: a valid unkeyed chain over edited entries. */
function rechain(entries: Record<string, unknown>[], keepMacs: boolean): Record<string, unknown>[] {
  let prev = '0'.repeat(64);
  return entries.map((e, i) => {
    const body: Record<string, unknown> = { ...e, seq: i + 1, prev };
    delete body.hash;
    delete body.mac;
    const hash = createHash('sha256').update(canonicalJson(body)).digest('hex');
    prev = hash;
    return { ...body, hash, ...(keepMacs && e.mac !== undefined ? { mac: e.mac } : {}) };
  });
}

describe('issue 12: audit chain attacks (keyed chain, DATA-08)', () => {
  it('an intact keyed log verifies with every entry sealed', () => {
    const { dir } = keyedLog();
    expect(verifyAuditDir(dir, macKey)).toEqual({
      ok: true,
      entries: 5,
      sealedThrough: 5,
      keyChecked: true,
    });
  });

  it('issue 12: an edited entry is found at its line', () => {
    const { dir, read, write } = keyedLog();
    const entries = read();
    entries[2] = { ...entries[2], fields: { datasetId: 'DS-X', rows: 3 } };
    write(entries);
    expect(verifyAuditDir(dir, macKey)).toMatchObject({
      ok: false,
      line: 3,
      reason: 'hash-mismatch',
    });
  });

  it('issue 12: a deleted entry is found where it was', () => {
    const { dir, read, write } = keyedLog();
    const entries = read();
    write([...entries.slice(0, 3), ...entries.slice(4)]);
    expect(verifyAuditDir(dir, macKey)).toMatchObject({
      ok: false,
      line: 4,
      reason: 'chain-broken',
    });
  });

  it('issue 12: a truncated log is found at the first missing line, even with the head rewritten to match', () => {
    const { dir, read, write } = keyedLog();
    const entries = read().slice(0, 3);
    write(entries);
    expect(verifyAuditDir(dir, macKey)).toMatchObject({ ok: false, line: 4, reason: 'truncated' });
    const last = entries[2]!;
    const head = JSON.parse(readFileSync(join(dir, 'audit.head.json'), 'utf8')) as object;
    writeFileSync(
      join(dir, 'audit.head.json'),
      JSON.stringify({ ...head, seq: last.seq, hash: last.hash }),
    );
    expect(verifyAuditDir(dir, macKey)).toMatchObject({ ok: false, line: 4, reason: 'truncated' });
  });

  it('issue 12: a whole chain rewritten with fresh unkeyed hashes (seals kept) is found at line 1', () => {
    const { dir, read, write } = keyedLog();
    const forged = rechain(
      read().map((e) => ({ ...e, fields: { ...(e.fields as object), rows: 0 } })),
      true,
    );
    write(forged);
    const last = forged.at(-1)!;
    const head = JSON.parse(readFileSync(join(dir, 'audit.head.json'), 'utf8')) as object;
    writeFileSync(
      join(dir, 'audit.head.json'),
      JSON.stringify({ ...head, seq: last.seq, hash: last.hash }),
    );
    // Without the key the chain itself looks intact, which is what 0.1 reported as verified.
    expect(verifyAuditDir(dir, undefined)).toMatchObject({ ok: false, reason: 'rewritten' });
    expect(verifyAuditDir(dir, macKey)).toMatchObject({
      ok: false,
      line: 1,
      reason: 'seal-mismatch',
    });
  });

  it('issue 12: a chain rewritten from line 3 with the seals stripped is found at line 3 by the sealed head', () => {
    const { dir, read, write } = keyedLog();
    const entries = read();
    const edited = entries.map((e, i) =>
      i >= 2 ? { ...e, fields: { ...(e.fields as object), rows: 99 } } : e,
    );
    const forged = [...entries.slice(0, 2), ...rechain(edited, false).slice(2)];
    write(forged);
    const last = forged.at(-1)!;
    const head = JSON.parse(readFileSync(join(dir, 'audit.head.json'), 'utf8')) as object;
    writeFileSync(
      join(dir, 'audit.head.json'),
      JSON.stringify({ ...head, seq: last.seq, hash: last.hash }),
    );
    expect(verifyAuditDir(dir, macKey)).toMatchObject({ ok: false, line: 3, reason: 'rewritten' });
  });

  it('issue 12: a head record forged without the key, or with its seal removed, is found', () => {
    const { dir, read } = keyedLog();
    const last = read().at(-1)!;
    const headFile = join(dir, 'audit.head.json');
    const forgedMac = createHash('sha256').update('guess').digest('hex');
    writeFileSync(
      headFile,
      JSON.stringify({
        v: 2,
        seq: last.seq,
        hash: last.hash,
        sealed: { seq: last.seq, hash: last.hash, mac: forgedMac },
      }),
    );
    expect(verifyAuditDir(dir, macKey)).toMatchObject({
      ok: false,
      line: 5,
      reason: 'head-seal-mismatch',
    });
    writeFileSync(headFile, JSON.stringify({ v: 2, seq: last.seq, hash: last.hash }));
    expect(verifyAuditDir(dir, macKey)).toMatchObject({
      ok: false,
      line: 5,
      reason: 'head-seal-missing',
    });
  });

  it('a chain rewritten with every seal and the head checkpoint removed is never reported as sealed: entries 1-5 carry no seal (the residual case, decision 0016-audit-log-keys)', () => {
    const { dir, read, write } = keyedLog();
    const forged = rechain(read(), false);
    write(forged);
    const last = forged.at(-1)!;
    writeFileSync(
      join(dir, 'audit.head.json'),
      JSON.stringify({ v: 2, seq: last.seq, hash: last.hash }),
    );
    expect(verifyAuditDir(dir, macKey)).toEqual({
      ok: true,
      entries: 5,
      sealedThrough: 0,
      keyChecked: true,
    });
  });

  it('issue 22: a break carries the numbers its words need, beside main’s English', () => {
    const { dir, read, write } = keyedLog();
    write(read().slice(0, 3));
    const cut = verifyAuditDir(dir, macKey);
    expect(cut).toMatchObject({
      ok: false,
      line: 4,
      reason: 'truncated',
      message:
        'The log ends at line 3, but Cohort Desk last wrote entry 5: lines 4–5 were removed.',
      detail: { to: 5, entry: 5 },
    });
    if (!cut.ok)
      expect(breakParams(cut)).toMatchObject({ reason: 'truncated', line: '4', to: '5' });
    const other = verifyAuditDir(keyedLog(2).dir, randomBytes(32));
    expect(other).toMatchObject({ ok: false, line: 1, reason: 'seal-mismatch', detail: { to: 1 } });
  });

  it('issue 12: a log sealed by another installation key does not verify here', () => {
    const { dir } = keyedLog();
    expect(verifyAuditDir(dir, randomBytes(32))).toMatchObject({
      ok: false,
      line: 1,
      reason: 'seal-mismatch',
    });
  });
});

describe('issue 12: entries written while the vault is locked', () => {
  it('are chained at once and sealed when the key arrives, with an entry that says which', () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-locked-'));
    const log = openAuditLog({ dir });
    log.useKeys(derive);
    log.append('auth.sign_in', { sub: 'a' });
    const locked = openAuditLog({ dir });
    locked.append('auth.sign_out', { sub: 'a' });
    locked.append('auth.sign_in', { sub: 'b' });
    expect(locked.verify()).toMatchObject({ ok: true, entries: 3, keyChecked: false });
    expect(verifyAuditDir(dir, macKey)).toMatchObject({ ok: true, entries: 3, sealedThrough: 1 });
    expect(locked.useKeys(derive)).toMatchObject({ ok: true, sealedThrough: 1 });
    expect(verifyAuditDir(dir, macKey)).toMatchObject({ ok: true, entries: 4, sealedThrough: 4 });
    const last = JSON.parse(
      readFileSync(locked.file, 'utf8').trimEnd().split('\n').at(-1)!,
    ) as unknown;
    expect(last).toMatchObject({
      type: 'audit.sealed',
      fields: { from: 2, to: 3, reason: 'written-while-locked' },
    });
  });

  it('a 0.1 log (never keyed) is sealed once, and the entry says it was written before keying', () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-legacy-'));
    openAuditLog({ dir }).append('auth.sign_in', { sub: 'a' });
    const log = openAuditLog({ dir });
    log.useKeys(derive);
    expect(verifyAuditDir(dir, macKey)).toMatchObject({ ok: true, entries: 2, sealedThrough: 2 });
    expect(readFileSync(log.file, 'utf8')).toContain('"reason":"written-before-keying"');
  });
});
