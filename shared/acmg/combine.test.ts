import { describe, expect, it } from 'vitest';
import type { AcmgClass, AppliedCriterion } from './combine';
import { classifyRichards } from './combine';
import type { CriterionCode, Strength } from './criteria';
import { defaultStrength } from './criteria';

/** "PVS1 PS2 PM2:supporting" → applied criteria (default strength unless given). */
function parse(spec: string): AppliedCriterion[] {
  return spec
    .split(' ')
    .filter((s) => s !== '')
    .map((s) => {
      const [code, strength] = s.split(':') as [CriterionCode, Strength | undefined];
      return { code, strength: strength ?? defaultStrength(code) };
    });
}

const P: AcmgClass = 'pathogenic';
const LP: AcmgClass = 'likely_pathogenic';
const VUS: AcmgClass = 'uncertain_significance';
const LB: AcmgClass = 'likely_benign';
const B: AcmgClass = 'benign';

// Richards et al. 2015, Table 5, rule by rule: the least evidence that meets each rule, and the
// same evidence one criterion short (which must fall to the next rule down).
const TABLE: [string, AcmgClass, string][] = [
  ['PVS1 PS1', P, 'P(i)(a)'],
  ['PVS1 PS2 PS3', P, 'P(i)(a)'],
  ['PVS1 PM1 PM2', P, 'P(i)(b)'],
  ['PVS1 PM1 PP3', P, 'P(i)(c)'],
  ['PVS1 PP1 PP3', P, 'P(i)(d)'],
  ['PVS1 PP3', VUS, 'VUS(i)'],
  ['PVS1', VUS, 'VUS(i)'],
  ['PS1 PS3', P, 'P(ii)'],
  ['PS2 PM1 PM2 PM4', P, 'P(iii)(a)'],
  ['PS2 PM1 PM2 PP1 PP3', P, 'P(iii)(b)'],
  ['PS2 PM1 PP1 PP2 PP3 PP4', P, 'P(iii)(c)'],
  ['PVS1 PM2', LP, 'LP(i)'],
  ['PS3 PM1', LP, 'LP(ii)'],
  ['PS3 PM1 PM2', LP, 'LP(ii)'],
  ['PS2 PM1 PM2 PP1', LP, 'LP(ii)'],
  ['PS2 PM1 PP1 PP2 PP3', LP, 'LP(ii)'],
  ['PS3 PP1 PP3', LP, 'LP(iii)'],
  ['PS3 PP1', VUS, 'VUS(i)'],
  ['PS3', VUS, 'VUS(i)'],
  ['PM1 PM2 PM5', LP, 'LP(iv)'],
  ['PM1 PM2 PP1 PP3', LP, 'LP(v)'],
  ['PM1 PM2 PP1', VUS, 'VUS(i)'],
  ['PM1 PM2', VUS, 'VUS(i)'],
  ['PM1 PP1 PP2 PP3 PP4', LP, 'LP(vi)'],
  ['PM1 PP1 PP2 PP3', VUS, 'VUS(i)'],
  ['PP1 PP2 PP3 PP4 PP5', VUS, 'VUS(i)'],
  ['BA1', B, 'B(i)'],
  ['BS1 BS2', B, 'B(ii)'],
  ['BS1 BP4', LB, 'LB(i)'],
  ['BP4 BP7', LB, 'LB(ii)'],
  ['BS1', VUS, 'VUS(i)'],
  ['BP4', VUS, 'VUS(i)'],
  ['', VUS, 'VUS(i)'],
  // Contradictory: a pathogenic and a benign rule both met.
  ['PVS1 PS1 BA1', VUS, 'VUS(ii)'],
  ['PS1 PS3 BS1 BS2', VUS, 'VUS(ii)'],
  ['PVS1 PM2 BS1 BP4', VUS, 'VUS(ii)'],
  ['PM1 PM2 PM5 BP4 BP7', VUS, 'VUS(ii)'],
  // Evidence on one side that meets no rule does not cancel a rule met on the other.
  ['PVS1 PS1 BP4', P, 'P(i)(a)'],
  ['PM2 BS1 BS2', B, 'B(ii)'],
  ['PP3 BS1 BP4', LB, 'LB(i)'],
  // Applied at another strength: the applied strength counts.
  ['PVS1 PM2:supporting PP3', P, 'P(i)(d)'],
  ['PVS1 PM2:supporting', VUS, 'VUS(i)'],
  ['PS2:very_strong PVS1', P, 'P(i)(a)'],
  ['PS3:moderate PM1 PM2', LP, 'LP(iv)'],
  ['PP3:strong PM2', LP, 'LP(ii)'],
  ['PVS1:strong PS1', P, 'P(ii)'],
  ['BS1:supporting BP4', LB, 'LB(ii)'],
  ['BP4:strong BS1', B, 'B(ii)'],
];

describe('ACMG/AMP 2015 combining rules (Richards Table 5), issue 18', () => {
  it.each(TABLE)('%s → %s by %s', (spec, cls, rule) => {
    const r = classifyRichards(parse(spec));
    expect(r.cls).toBe(cls);
    expect(r.rule.startsWith(rule)).toBe(true);
    expect(r.conflicting).toBe(rule === 'VUS(ii)');
  });

  it('counts by applied strength', () => {
    expect(classifyRichards(parse('PVS1 PS2 PM2:supporting BS1:supporting')).counts).toEqual({
      pvs: 1,
      ps: 1,
      pm: 0,
      pp: 1,
      ba: 0,
      bs: 0,
      bp: 1,
    });
  });

  it('adding pathogenic evidence never lowers the class (every count up to 2 VS, 3 S, 4 M, 5 P)', () => {
    const order: AcmgClass[] = [VUS, LP, P];
    const cls = (vs: number, s: number, m: number, p: number): number => {
      const spec = [
        ...Array<string>(vs).fill('PVS1'),
        ...Array<string>(s).fill('PS1'),
        ...Array<string>(m).fill('PM1'),
        ...Array<string>(p).fill('PP1'),
      ].join(' ');
      return order.indexOf(classifyRichards(parse(spec)).cls);
    };
    for (let vs = 0; vs <= 2; vs++)
      for (let s = 0; s <= 3; s++)
        for (let m = 0; m <= 4; m++)
          for (let p = 0; p <= 5; p++) {
            const here = cls(vs, s, m, p);
            expect(here).toBeGreaterThanOrEqual(0);
            if (vs < 2) expect(cls(vs + 1, s, m, p)).toBeGreaterThanOrEqual(here);
            if (s < 3) expect(cls(vs, s + 1, m, p)).toBeGreaterThanOrEqual(here);
            if (m < 4) expect(cls(vs, s, m + 1, p)).toBeGreaterThanOrEqual(here);
            if (p < 5) expect(cls(vs, s, m, p + 1)).toBeGreaterThanOrEqual(here);
          }
  });
});
