import { describe, expect, it } from 'vitest';
import { DUO, duoPermits, exportDecision, exportPlan } from './duoRules';

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

const t = (id: string) => ({ id, label: id });
const subject = (
  duo: string[],
  purpose: 'clinical-care' | 'research' = 'research',
  allowLocalCopies = true,
) => ({
  datasetId: 'X-01',
  duo: duo.map(t),
  purpose,
  allowLocalCopies,
});

describe('DATA-07 DUO export rules (the same table as pulls)', () => {
  it('allows research exports under GRU or HMB', () => {
    expect(exportDecision(subject([DUO.GRU]), false).allowed).toBe(true);
    expect(exportDecision(subject([DUO.HMB]), false).allowed).toBe(true);
  });
  it('clinical care needs CC', () => {
    expect(exportDecision(subject([DUO.CC, DUO.HMB], 'clinical-care'), false).allowed).toBe(true);
    const d = exportDecision(subject([DUO.GRU], 'clinical-care'), false);
    expect(d.allowed).toBe(false);
    expect(d.reasons[0]).toContain('DUO:0000043');
  });
  it('disease-specific needs a disease in the cohort', () => {
    expect(exportDecision(subject([DUO.DS]), false).allowed).toBe(false);
    expect(exportDecision(subject([DUO.DS]), true).allowed).toBe(true);
  });
  it('institution-specific and no-local-copy datasets are left out with the reason', () => {
    expect(exportDecision(subject([DUO.GRU, DUO.IS]), false).reasons.join()).toContain(
      'DUO:0000028',
    );
    expect(exportDecision(subject([DUO.GRU], 'research', false), false).allowed).toBe(false);
  });
  it('carries conditions such as not-for-profit into the note', () => {
    const d = exportDecision(subject([DUO.HMB, DUO.NPU]), false);
    expect(d.allowed).toBe(true);
    expect(d.conditions).toEqual(['X-01: not-for-profit use only (DUO:0000045)']);
  });
  it('plans a mixed export', () => {
    const plan = exportPlan(
      [subject([DUO.GRU]), { ...subject([DUO.CC], 'research'), datasetId: 'Y-02' }],
      false,
    );
    expect(plan.allowed).toEqual(['X-01']);
    expect(plan.decisions[1]?.allowed).toBe(false);
  });
  it('the pull table denies exports too: unknown codes, GS, and POA/NRES permit research', () => {
    const unknown = exportDecision(subject([DUO.GRU, 'DUO:9999999']), false);
    expect(unknown.allowed).toBe(false);
    expect(unknown.reasons[0]).toMatch(/^X-01: .*DUO:9999999/);
    expect(exportDecision(subject([DUO.HMB, DUO.GS]), false).reasons.join()).toContain(
      'DUO:0000022',
    );
    expect(exportDecision(subject(['DUO:0000004']), false).allowed).toBe(true);
    expect(
      duoPermits(
        [
          { id: DUO.GRU, label: 'GRU' },
          { id: DUO.GS, label: 'GS' },
        ],
        'research',
      ).allowed,
    ).toBe(false);
  });
});
