import { describe, expect, it } from 'vitest';
import type { SessionGrants } from '../auth/access/datasetGrants';
import type { Binding } from './binding';
import { ALLOWED, readability } from './retention';

// Issue 23, decision 0050: a command line command that reads only the cache checks the passport
// but asks no node; the vault then judges a copy by the passport's visas alone.
describe('issue 23: the retention rule after a passport-only check', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');
  const visa = {
    jti: 'j',
    iss: 'https://aai',
    value: 'https://ega.example/FI-RD-01',
    source: 'https://dac.example',
    exp: now / 1000 + 1e6,
    asserted: 0,
  };
  const binding: Binding = {
    datasetId: 'FI-RD-01',
    nodeId: 'FI',
    visa,
    expiresAt: new Date(now + 1e9).toISOString(),
  };
  const session = (s: Partial<Omit<SessionGrants, 'user'>>): Omit<SessionGrants, 'user'> => ({
    grants: [],
    knownNodes: [],
    nodeProblems: [],
    visas: [],
    ...s,
  });
  const judge = (s: Omit<SessionGrants, 'user'>) =>
    readability(binding, s, now, { localCache: ALLOWED, confirmed: false });

  it('the passport still holds the visa: readable, with a note that the node was not asked (so not a confirmation)', () => {
    const r = judge(session({ visas: [visa], passportOnly: true }));
    expect(r.readable).toBe(true);
    expect(r.note).toBe(
      `Checked against your passport, which still holds the grant for FI-RD-01; node FI was not asked by this command. It is deleted when its grant ends on ${binding.expiresAt}.`,
    );
  });

  it('the passport no longer holds it: deleted as revoked, exactly as after a full check', () => {
    const light = judge(session({ passportOnly: true }));
    const full = judge(session({ knownNodes: ['FI'] }));
    expect(light).toEqual(full);
    expect(light).toMatchObject({ readable: false, purge: 'visa-revoked' });
  });
});
