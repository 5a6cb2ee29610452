import { describe, expect, it } from 'vitest';
import { duoPermits } from './duoRules';

const CC = { id: 'DUO:0000043', label: 'clinical care use' };
const HMB = { id: 'DUO:0000006', label: 'health or medical or biomedical research' };
const GRU = { id: 'DUO:0000042', label: 'general research use' };
const DS = { id: 'DUO:0000007', label: 'disease specific research' };
const NPU = { id: 'DUO:0000045', label: 'not for profit use only' };

describe('DATA-07 DUO rule table', () => {
  it('clinical care needs CC', () => {
    expect(duoPermits([CC, HMB], 'clinical-care').allowed).toBe(true);
    expect(duoPermits([CC, DS], 'clinical-care').allowed).toBe(true);
    const v = duoPermits([HMB], 'clinical-care');
    expect(v.allowed).toBe(false);
    expect(v.reasons[0]).toMatch(/DUO:0000043.*has DUO:0000006/);
  });
  it('research needs GRU, HMB or DS; CC alone is not a research permission', () => {
    expect(duoPermits([GRU], 'research').allowed).toBe(true);
    expect(duoPermits([HMB], 'research').allowed).toBe(true);
    expect(duoPermits([CC, DS], 'research').allowed).toBe(true);
    expect(duoPermits([CC], 'research').allowed).toBe(false);
    expect(duoPermits([], 'research').allowed).toBe(false);
  });
  it('obligations become notes; unknown codes and unenforceable modifiers deny', () => {
    const v = duoPermits([HMB, NPU], 'research');
    expect(v).toMatchObject({ allowed: true, reasons: [] });
    expect(v.notes[0]).toMatch(/not-for-profit/);
    expect(duoPermits([GRU, { id: 'DUO:9999999', label: 'x' }], 'research')).toMatchObject({
      allowed: false,
    });
    expect(duoPermits([GRU, { id: 'DUO:0000026', label: 'US' }], 'research').reasons[0]).toMatch(
      /user specific/,
    );
  });
});
