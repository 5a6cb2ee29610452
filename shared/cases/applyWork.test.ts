import { describe, expect, it } from 'vitest';
import type { EvidenceSheet } from '../acmg/sheet';
import { applyWorkChange, emptyWork, WorkRefused } from './applyWork';
import type { CaseWork, VariantSnapshot, WorkChange } from './workChannels';

const variant: VariantSnapshot = {
  variantKey: '2-166000000-C-T',
  chrom: '2',
  pos: 166000000,
  ref: 'C',
  alt: 'T',
  gene: 'SCN1A',
  consequence: 'stop_gained',
  hgvs_c: 'NM_001165963.4:c.2134C>T',
  hgvs_p: 'NP_001159435.1:p.Arg712Ter',
  gt: '0/1',
  modes: ['de_novo'],
  pop_af: null,
  clinvar_sig: null,
};
const sheet: EvidenceSheet = {
  criteria: [
    {
      code: 'PM2',
      strength: 'supporting',
      status: 'suggested',
      reason: 'absent',
      source: 'VCF',
      suggested: true,
    },
    {
      code: 'PM6',
      strength: 'moderate',
      status: 'suggested',
      reason: 'de novo',
      source: 'trio',
      suggested: true,
    },
  ],
  confirmed: null,
};
const method = { filter: {} };

function run(changes: WorkChange[], start: CaseWork = emptyWork('new')): CaseWork {
  let w = start;
  changes.forEach((c, i) => {
    w = applyWorkChange(w, c, 'dr.lee', `2026-12-06T10:0${i}:00Z`).work;
  });
  return w;
}
const accepted: EvidenceSheet = {
  criteria: sheet.criteria.map((c) => ({ ...c, status: 'accepted' as const })),
  confirmed: null,
};

describe('case work changes (issue 18)', () => {
  it('records who changed what and when, per case and per variant', () => {
    const w = run([
      { kind: 'status', status: 'in-review' },
      { kind: 'tags', tags: ['epilepsy', 'trio', 'epilepsy'] },
      { kind: 'note', text: 'Parents consented to reanalysis.' },
      { kind: 'addVariant', variant, sheet },
      { kind: 'tags', variantKey: variant.variantKey, tags: ['candidate'] },
      { kind: 'note', variantKey: variant.variantKey, text: 'Sanger pending' },
    ]);
    expect(w.status).toBe('in-review');
    expect(w.tags).toEqual(['epilepsy', 'trio']);
    expect(w.notes).toEqual([
      { text: 'Parents consented to reanalysis.', by: 'dr.lee', at: '2026-12-06T10:02:00Z' },
    ]);
    expect(w.variants[0]?.tags).toEqual(['candidate']);
    expect(w.variants[0]?.notes[0]?.text).toBe('Sanger pending');
    expect(w.history.map((h) => [h.at, h.by, h.what])).toEqual([
      ['2026-12-06T10:00:00Z', 'dr.lee', 'status'],
      ['2026-12-06T10:01:00Z', 'dr.lee', 'tags'],
      ['2026-12-06T10:02:00Z', 'dr.lee', 'note'],
      ['2026-12-06T10:03:00Z', 'dr.lee', 'addVariant'],
      ['2026-12-06T10:04:00Z', 'dr.lee', 'tags'],
      ['2026-12-06T10:05:00Z', 'dr.lee', 'note'],
    ]);
    expect(w.history[0]?.detail).toBe('status new → in-review');
  });

  it('nothing is classified until the clinician decided every suggestion and confirmed', () => {
    const w = run([{ kind: 'addVariant', variant, sheet }]);
    expect(() =>
      applyWorkChange(w, { kind: 'confirm', variantKey: variant.variantKey }, 'x', 't'),
    ).toThrow('Accept or reject the 2 suggested criteria');
    expect(w.variants[0]?.sheet.confirmed).toBeNull();
    const done = run(
      [
        { kind: 'sheet', variantKey: variant.variantKey, sheet: accepted },
        { kind: 'confirm', variantKey: variant.variantKey },
      ],
      w,
    );
    // PM6 + PM2_Supporting: 2 + 1 = 3 points, no Richards rule met.
    expect(done.variants[0]?.sheet.confirmed).toEqual(
      expect.objectContaining({ cls: 'uncertain_significance', points: 3, by: 'dr.lee' }),
    );
    const edited = run(
      [
        {
          kind: 'sheet',
          variantKey: variant.variantKey,
          sheet: { ...accepted, criteria: accepted.criteria.slice(0, 1) },
        },
      ],
      done,
    );
    expect(edited.variants[0]?.sheet.confirmed).toBeNull();
  });

  it('refuses a sheet that arrives confirmed and a variant added twice', () => {
    const confirmed = {
      ...sheet,
      confirmed: { cls: 'pathogenic' as const, rule: 'x', points: 10, by: 'x', at: 't' },
    };
    expect(() => run([{ kind: 'addVariant', variant, sheet: confirmed }])).toThrow(WorkRefused);
    expect(() =>
      run([
        { kind: 'addVariant', variant, sheet },
        { kind: 'addVariant', variant, sheet },
      ]),
    ).toThrow('already under review');
  });

  it('sign-off needs every reported variant confirmed; a reported change withdraws it, a note does not', () => {
    const w = run([
      { kind: 'addVariant', variant, sheet },
      { kind: 'reported', variantKey: variant.variantKey, reported: true },
    ]);
    expect(() => run([{ kind: 'signOff', statement: 'ok', method }], w)).toThrow(
      'Confirm the class of every reported variant',
    );
    const signed = run(
      [
        { kind: 'sheet', variantKey: variant.variantKey, sheet: accepted },
        { kind: 'confirm', variantKey: variant.variantKey },
        { kind: 'signOff', statement: 'Reviewed.', method },
      ],
      w,
    );
    expect(signed.signOff).toEqual(
      expect.objectContaining({ by: 'dr.lee', statement: 'Reviewed.' }),
    );
    const noted = run(
      [
        { kind: 'note', text: 'Letter sent.' },
        { kind: 'status', status: 'solved' },
      ],
      signed,
    );
    expect(noted.signOff).not.toBeNull();
    const changed = run(
      [{ kind: 'diagnosis', diagnosis: { id: 'OMIM:607208', label: 'Dravet syndrome' } }],
      signed,
    );
    expect(changed.signOff).toBeNull();
    expect(changed.history.at(-1)?.detail).toContain(
      'sign-off withdrawn by: diagnosis OMIM:607208',
    );
  });
});
