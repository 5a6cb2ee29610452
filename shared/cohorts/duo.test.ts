import { describe, expect, it } from 'vitest';
import { DUO, exportDecision, exportPlan } from './duo';

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

describe('DUO export rules (DATA-07)', () => {
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
});
