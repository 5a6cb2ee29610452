import { describe, expect, it } from 'vitest';
import { diseaseCheck } from './diseaseCheck';
import { DUO, duoName, duoPermits } from './duoRules';
import { exportDecision, exportPlan } from './exportRules';
import { readDuoTerms } from './duoTerms';

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
    // Issue 13: terms are named by label and code, not raw codes.
    expect(v.reasons[0]).toBe(
      "The dataset's data use conditions do not permit clinical care: it needs clinical care use (DUO:0000043); the dataset has health or medical or biomedical research (DUO:0000006).",
    );
  });
  it('research needs GRU, HMB or DS; CC alone is not a research permission', () => {
    expect(duoPermits([GRU], 'research').allowed).toBe(true);
    expect(duoPermits([HMB], 'research').allowed).toBe(true);
    expect(duoPermits([CC, DS], 'research').allowed).toBe(true);
    expect(duoPermits([CC], 'research').allowed).toBe(false);
    expect(duoPermits([CC], 'research').reasons[0]).toMatch(
      /the dataset has clinical care use \(DUO:0000043\)\.$/,
    );
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

const NEOPLASM_DS = { ...DS, modifiers: [{ id: 'HP:0002664', label: 'Neoplasm' }] };

describe('issue 13: DUO disease-specific research needs a disease within its modifiers (HPO)', () => {
  it('refuses research that names no disease, or one outside the modifier, with label and code', () => {
    expect(duoPermits([CC, NEOPLASM_DS], 'research', diseaseCheck(undefined)).reasons).toEqual([
      'disease specific research (DUO:0000007) limits research to Neoplasm (HP:0002664): name the disease your research is about.',
    ]);
    const seizure = duoPermits([NEOPLASM_DS], 'research', diseaseCheck({ id: 'HP:0001250' }));
    expect(seizure.allowed).toBe(false);
    expect(seizure.reasons[0]).toMatch(
      /HP:0001250 is not within it in the Human Phenotype Ontology/,
    );
  });

  it('permits a descendant of the modifier (Breast carcinoma under Neoplasm) or the term itself', () => {
    expect(duoPermits([NEOPLASM_DS], 'research', diseaseCheck({ id: 'HP:0003002' })).allowed).toBe(
      true,
    );
    expect(duoPermits([NEOPLASM_DS], 'research', diseaseCheck({ id: 'HP:0002664' })).allowed).toBe(
      true,
    );
  });

  it('matches modifiers outside the app’s ontology by id only, and refuses DS without any', () => {
    const mondo = { ...DS, modifiers: [{ id: 'MONDO:0007254', label: 'breast cancer' }] };
    expect(duoPermits([mondo], 'research', diseaseCheck({ id: 'MONDO:0007254' })).allowed).toBe(
      true,
    );
    expect(duoPermits([mondo], 'research', diseaseCheck({ id: 'HP:0003002' })).allowed).toBe(false);
    expect(duoPermits([DS], 'research', diseaseCheck({ id: 'HP:0003002' })).reasons[0]).toMatch(
      /names no disease/,
    );
    // Another research permission (GRU) permits without the DS check.
    expect(duoPermits([GRU, NEOPLASM_DS], 'research', diseaseCheck(undefined)).allowed).toBe(true);
  });
});

describe('issue 15 item 5: malformed DUO ids are unknown terms, never a crash or a grant', () => {
  it('reads whatever dataUseConditions a node sends', () => {
    expect(readDuoTerms(undefined)).toEqual([]);
    expect(readDuoTerms({ duoDataUse: 'GRU' })).toEqual([]);
    expect(
      readDuoTerms({
        duoDataUse: [{ id: 'DUO_0000042', label: 'general research use' }, { label: 'x' }, 7, null],
      }).map((t) => t.id),
    ).toEqual([
      'DUO_0000042',
      '(a term without an id)',
      '(a term without an id)',
      '(a term without an id)',
    ]);
  });

  it('denies the use for a term that is not a DUO CURIE, even next to a permission', () => {
    const terms = readDuoTerms({
      duoDataUse: [{ id: 'DUO_0000042', label: 'general research use' }],
    });
    const v = duoPermits([GRU, ...terms], 'research');
    expect(v.allowed).toBe(false);
    expect(v.reasons).toEqual([
      'The dataset\'s data use term "DUO_0000042" (general research use) is not a DUO term id (DUO:0000000), so it is an unknown term, which forbids the use.',
    ]);
    expect(duoName({ id: 'DUO:0000042', label: 'DUO:0000042' })).toBe(
      'general research use (DUO:0000042)',
    );
  });
});

describe('issue 22: every DUO reason as a code beside its English, one per reason (decision 0070)', () => {
  it('the purpose not permitted names the terms the dataset has, or none', () => {
    expect(duoPermits([HMB], 'clinical-care').said).toEqual([
      { code: 'purpose-clinical-care', terms: [HMB] },
    ]);
    expect(duoPermits([], 'research').said).toEqual([{ code: 'purpose-research-none' }]);
  });

  it('disease specific research: the term, its diseases and the disease named', () => {
    const named = duoPermits([NEOPLASM_DS], 'research', diseaseCheck(undefined));
    expect(named.said).toEqual([
      {
        code: 'ds-name-disease',
        terms: [{ id: 'DUO:0000007', label: 'disease specific research' }],
        within: [{ id: 'HP:0002664', label: 'Neoplasm' }],
      },
    ]);
    const outside = duoPermits(
      [NEOPLASM_DS],
      'research',
      diseaseCheck({ id: 'HP:0001250', label: 'Seizure' }),
    );
    expect(outside.said[0]).toMatchObject({
      code: 'ds-not-within',
      params: {
        disease: 'HP:0001250',
        diseaseLabel: 'Seizure',
        release: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown,
      },
    });
    expect(duoPermits([DS], 'research', diseaseCheck({ id: 'HP:0003002' })).said).toEqual([
      { code: 'ds-no-disease', terms: [{ id: 'DUO:0000007', label: 'disease specific research' }] },
    ]);
  });

  it('terms that deny, terms the app cannot enforce and ids that are not DUO', () => {
    const v = duoPermits(
      [
        GRU,
        { id: DUO.GS, label: 'geographical restriction' },
        { id: 'DUO:9999999', label: 'x' },
        { id: 'DUO_0000042', label: 'general research use' },
        { id: 'local-term', label: 'local-term' },
      ],
      'research',
    );
    expect(v.said).toEqual([
      { code: 'duo-denied-GS', terms: [{ id: DUO.GS, label: 'geographical restriction' }] },
      { code: 'duo-unenforceable', terms: [{ id: 'DUO:9999999', label: 'x' }] },
      {
        code: 'duo-not-id-labelled',
        params: { term: 'DUO_0000042', label: 'general research use' },
      },
      { code: 'duo-not-id', params: { term: 'local-term' } },
    ]);
    expect(v.said).toHaveLength(v.reasons.length);
  });
});
