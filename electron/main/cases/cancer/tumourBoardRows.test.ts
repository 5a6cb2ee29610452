import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseHarness } from '../testing/caseHarness';
import { openCaseHarness } from '../testing/caseHarness';
import { csq, head } from './testing/somaticVcfs';

// Issue 19: a tumour with more somatic calls than the tumour-board report lists (500): the report
// says how many of how many it lists, and a call the oncologist tiered is never left out of it.
const CALLS = 620;
let h: CaseHarness;
const keyAt = (i: number): string => `17-${String(1_000_000 + i * 1000)}-C-T`;

function manyCalls(): string {
  const lines = head(
    ['##source=Mutect2', '##tumor_sample=T', '##normal_sample=N'],
    [
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
      '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fractions">',
      '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth">',
    ],
    ['N', 'T'],
  );
  for (let i = 0; i < CALLS; i++)
    lines.push(
      [
        'chr17',
        String(1_000_000 + i * 1000),
        '.',
        'C',
        'T',
        '.',
        'PASS',
        `CSQ=${csq('T', 'missense_variant', 'MODERATE', 'ABCA1', `ENSP0:p.Pro${String(i + 1)}Leu`)}`,
        'GT:AD:AF:DP',
        '0/0:40,0:0.01:40',
        '0/1:30,10:0.25:40',
      ].join('\t'),
    );
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  h = openCaseHarness();
  const end = await h.importCase({
    caseId: 'CA-MANY',
    patientId: 'P-MANY',
    sex: 'female',
    vcf: h.handle(h.file('many.vcf.gz', manyCalls(), { bgzf: true })),
    cancer: { tumour: 'T', normal: 'N', tumourType: 'SKCM' },
  });
  expect(end.phase, JSON.stringify(end.problems)).toBe('done');
}, 180_000);
afterAll(async () => {
  await h.close();
});

const report = async (): Promise<string> =>
  (await h.call('case:report', { caseId: 'CA-MANY', format: 'html', method: { filter: {} } })).body;

describe('issue 19: the tumour-board report of a tumour with many calls', () => {
  it('issue 19: says it lists 500 of the 620 calls, and lists a call the oncologist tiered beyond them', async () => {
    // The last call in the report's order (same tier, by position) is the one past the 500.
    const last = keyAt(CALLS - 1);
    const before = await report();
    expect(before).toContain('Somatic calls listed: 500 of 620');
    expect(before).not.toContain(`data-variant="${last}"`);
    await h.call('cancer:review', {
      caseId: 'CA-MANY',
      variantKey: last,
      tier: 'II',
      level: 'D',
      proposed: 'III',
      note: 'board',
    });
    const after = await report();
    expect(after).toContain(`data-variant="${last}"`);
    expect(after).toContain('Somatic calls listed: 501 of 620');
    const row = after.slice(after.indexOf(`data-variant="${last}"`));
    expect(row.slice(0, row.indexOf('</tr>'))).toContain('Tier II');
  }, 120_000);
});
