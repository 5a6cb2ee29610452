import { describe, expect, it } from 'vitest';
import { VaultNoteCodedSchema } from '../../../shared/vault/vaultNote';
import type { SessionGrants } from '../auth/access/datasetGrants';
import type { Binding } from './binding';
import { ALLOWED, readability, type LocalCachePolicy } from './retention';

// Issue 22, decision 0064: every reason the vault keeps, locks or deletes a copy carries a code and
// values beside its English sentence (kept for the command line and the audit), so the Cohorts
// page words it in the reader's language.
describe('issue 22: the vault’s notes as codes', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');
  const visa = {
    jti: 'j',
    iss: 'https://aai',
    value: 'https://ega.example/FI-RD-01',
    source: 'https://dac.example',
    exp: now / 1000 + 1e6,
    asserted: 0,
  };
  const until = new Date(now + 1e9).toISOString();
  const binding: Binding = { datasetId: 'FI-RD-01', nodeId: 'FI', visa, expiresAt: until };
  const session = (s: Partial<Omit<SessionGrants, 'user'>>): Omit<SessionGrants, 'user'> => ({
    grants: [],
    knownNodes: [],
    nodeProblems: [],
    visas: [],
    ...s,
  });
  const judge = (
    s: Omit<SessionGrants, 'user'> | undefined,
    localCache: LocalCachePolicy = ALLOWED,
    b: Binding | undefined = binding,
  ) => readability(b, s, now, { localCache, confirmed: true, pulledAt: now - 10 * 86_400_000 });

  it('each branch names its code and values; English stays beside it', () => {
    const cases = [
      [
        readability(undefined, session({}), now, { localCache: ALLOWED, confirmed: true }),
        'corrupt',
        {},
      ],
      [
        judge(session({}), ALLOWED, { ...binding, expiresAt: new Date(now - 1).toISOString() }),
        'grant-expired',
        { dataset: 'FI-RD-01' },
      ],
      [
        judge(session({}), { allowed: true, managed: true, maxDays: 3, maxDaysManaged: true }),
        'max-days-policy',
        { dataset: 'FI-RD-01', days: 3 },
      ],
      [judge(session({}), { allowed: false, managed: true }), 'policy-no-cache', {}],
      [judge(session({}), { allowed: false, managed: false }), 'cache-off', { until }],
      [judge(undefined), 'sign-in', {}],
      [judge(session({ unverifiable: 'the broker did not answer' })), 'unverifiable-kept', {}],
      [judge(session({ visas: [visa], knownNodes: ['FI'] })), 'not-listed', { node: 'FI' }],
      [
        judge(session({ visas: [visa], nodeProblems: [{ nodeId: 'FI', message: 'x' }] })),
        'node-unreachable',
        { node: 'FI', until },
      ],
      [judge(session({ visas: [visa] })), 'node-absent', { node: 'FI' }],
      [judge(session({})), 'revoked', {}],
    ] as const;
    for (const [r, code, params] of cases) {
      expect(r.said?.code).toBe(code);
      expect(r.said?.params ?? {}).toMatchObject(params);
      expect(VaultNoteCodedSchema.safeParse(r.said).success).toBe(true);
      expect(r.readable ? r.note : r.message).toMatch(/\S/);
    }
  });

  it('the passport check’s own reason travels as a value, not worded', () => {
    const r = judge(session({ unverifiable: 'the broker did not answer' }));
    expect(r.said?.params).toEqual({
      dataset: 'FI-RD-01',
      until,
      why: 'the broker did not answer',
    });
  });

  it('issue 22: the federation directory’s problem travels as its code and values (decision 0076)', () => {
    const said = {
      code: 'unusable' as const,
      params: { url: 'https://dir.example/d.json', directoryCause: 'http', http: '503' },
    };
    const r = judge(
      session({ unverifiable: 'The federation directory … HTTP 503', unverifiableSaid: said }),
    );
    expect(r.said).toEqual({
      code: 'unverifiable-kept',
      params: {
        dataset: 'FI-RD-01',
        until,
        directory: 'unusable',
        url: 'https://dir.example/d.json',
        directoryCause: 'http',
        http: '503',
      },
    });
    expect(VaultNoteCodedSchema.safeParse(r.said).success).toBe(true);
    // The English beside it is unchanged for the audit and the command line.
    expect(r.readable ? r.note : '').toContain('HTTP 503');
  });
});
