import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parsePed } from '../../../shared/cases/pedigree';
import { readPhenopacket } from '../../../shared/cases/phenopacketInput';
import { resolveMembers } from '../../../shared/cases/members';
import { parseText } from '../../../shared/vcf/testing/parseText';
import type { VaultNote } from '../../../shared/vault/vault';
import { problemLines as lines } from '../features/caseReview/testing/problemLines';
import { genomicInputText, queryFileCoded } from '../features/search/inputProblem';
import { CASE_PROBLEM_CODES, CaseImportWhySchema } from '../../../shared/cases/caseProblem';
import { VCF_PROBLEM_CODES } from '../../../shared/vcf/channels';
import { ASSEMBLY_EVIDENCE_CODES } from '../../../shared/vcf/assembly';
import { VaultNoteCodedSchema } from '../../../shared/vault/vaultNote';
import i18n, { SUPPORTED_LANGUAGES, setLanguage } from '.';
import { codedText } from './codedText';

// Issue 22, decision 0064: what is wrong with the user's files, the search input and the vault's
// notes arrives as codes from shared code and main, and is worded in the reader's language, with
// its place (file, line, column, sample) in their words too; names, ids and values stay data.

afterEach(cleanup);
afterAll(async () => {
  await setLanguage('en');
});

describe('issue 22: the New-case dialog’s file problems in the reader’s language', () => {
  it('issue 22: a PED line with too few columns and a duplicate individual, located, in German', async () => {
    await setLanguage('de');
    const ped = parsePed('trio.ped', 'F1 KID 0 0 1\nF1 MUM 0 0 2 1\nF1 MUM 0 0 2 1\n');
    expect(lines(ped.problems)).toEqual([
      'trio.ped Zeile 1: eine PED-Zeile hat 6 Spalten (Familie, Individuum, Vater, Mutter, Geschlecht 1/2/0, Phänotyp 1/2/0); diese hat 5',
      'trio.ped Zeile 3: Individuum „MUM“ steht bereits in Zeile 2',
    ]);
  });

  it('issue 22: a parent of the wrong sex and the sample mapping, in Finnish', async () => {
    await setLanguage('fi');
    const ped = parsePed('perhe.ped', 'F KID DAD MUM 1 2\nF DAD 0 0 2 1\nF MUM 0 0 2 1\n');
    expect(lines(ped.problems)).toEqual([
      'perhe.ped rivi 2: ”DAD” on henkilön ”KID” (rivi 1) isä, mutta sukupuoleksi on merkitty nainen',
    ]);
    cleanup();
    const mapped = resolveMembers({
      samples: ['S1'],
      ped: { name: 'perhe.ped', members: ped.members },
      links: [{ sample: 'S2', member: 'KID' }],
      proband: 'KID',
      sex: 'unknown',
    });
    expect(lines(mapped.problems)).toEqual(['näyte ”S2”: ”S2” ei ole VCF-tiedoston näytesarake']);
  });

  it('issue 22: the VCF reader’s whole-file problems with line and column, in French', async () => {
    await setLanguage('fr');
    const bad = parseText('hello\n');
    expect(lines(bad.problems.map((p) => ({ ...p, file: 'x.vcf' })))).toEqual([
      'x.vcf ligne 1, colonne en-tête, champ fileformat : la première ligne doit être ##fileformat=VCFv4.x (4.1 à 4.5) ; trouvé : « hello »',
    ]);
    cleanup();
    const pp = readPhenopacket('p.json', '{"phenotypicFeatures":[{"type":{"id":"OMIM:1"}}]}');
    expect(lines(pp.problems)).toEqual([
      'p.json : phenotypicFeatures[0].type.id « OMIM:1 » n’est pas un terme HPO (HP:0000000) ; ignoré',
    ]);
  });

  it('decision 0106: a Phenopacket subject id with an escape, at its line, in German and Swedish', async () => {
    const text = '{\n  "subject": { "id": "P-7\\u001b[31m" },\n  "phenotypicFeatures": []\n}';
    const pp = readPhenopacket('fall.json', text);
    await setLanguage('de');
    expect(lines(pp.problems.filter((p) => p.code === 'phenopacket-subject-control'))).toEqual([
      'fall.json Zeile 2: subject.id enthält ein Steuerzeichen (U+001B an Zeichen 4: Zeilenumbruch, Tabulator oder Escape-Zeichen) und wird daher nicht als Patienten-ID übernommen, denn Berichte, Listen und Terminals würden es ausgeben. Geben Sie die Patienten-ID ein oder korrigieren Sie die Datei',
    ]);
    cleanup();
    await setLanguage('sv');
    expect(lines(pp.problems.filter((p) => p.code === 'phenopacket-subject-control'))).toEqual([
      'fall.json rad 2: subject.id innehåller ett styrtecken (U+001B vid tecken 4: radbrytning, tabb eller escape-tecken), så det används inte som patient-id: rapporter, listor och terminaler skulle skriva ut det. Skriv patient-id eller rätta filen',
    ]);
  });

  it('issue 22: an import’s end and a refusal, in German; English stays main’s sentence', async () => {
    await setLanguage('de');
    expect(
      lines([
        {
          message: 'x.vcf is on GRCh37 (…)',
          code: 'vcf-grch37',
          params: { file: 'x.vcf' },
        },
        { message: 'Import cancelled; nothing was kept.', code: 'import-cancelled' },
      ]),
    ).toEqual([
      'x.vcf liegt auf GRCh37; Cohort Desk, die Föderation und ihre Genomtabellen verwenden GRCh38. Übertragen Sie die Datei auf GRCh38 (z. B. mit bcftools +liftover oder Picard LiftoverVcf) und importieren Sie sie erneut.',
      'Import abgebrochen; nichts wurde behalten.',
    ]);
    cleanup();
    await setLanguage('en');
    const ped = parsePed('f.ped', 'F1 A 0 0 1 7\n');
    expect(lines(ped.problems)).toEqual([
      'f.ped line 1: phenotype "7" is not 1 (unaffected), 2 (affected) or 0/-9 (unknown)',
    ]);
    expect(ped.problems[0]?.message).toBe(
      'phenotype "7" is not 1 (unaffected), 2 (affected) or 0/-9 (unknown)',
    );
  });
});

describe('issue 22: search input in the reader’s language', () => {
  it('issue 22: a typed query the parser refuses, and a saved-query file, in Finnish and French', async () => {
    await setLanguage('fi');
    expect(genomicInputText(i18n.t, 'BRAF V600', 'main’s English')).toBe(
      '”V600” ei ole proteiinimuutos, kuten V600E tai p.Val600Glu.',
    );
    expect(genomicInputText(i18n.t, 'BRAF', 'main’s English')).toBe('main’s English');
    await setLanguage('fr');
    const coded = queryFileCoded('{"format":"cohort-desk.search-query","version":2}', 'q.json');
    expect(codedText(i18n.t, 'searchInput', coded ?? {}, 'English')).toBe(
      'q.json n’est pas une requête de recherche Cohort Desk (le champ « version » n’est pas valide).',
    );
  });
});

describe('issue 22: the vault’s notes in the reader’s language', () => {
  it('issue 22: a copy kept while its node is unreachable, with a local date, in German', async () => {
    await setLanguage('de');
    const note: VaultNote = {
      datasetId: 'FI-RD-01',
      readable: true,
      message: 'main’s English',
      said: {
        code: 'node-unreachable',
        params: { dataset: 'FI-RD-01', node: 'FI', until: '2027-01-31T12:00:00.000Z' },
      },
    };
    expect(codedText(i18n.t, 'vaultNote', note.said ?? {}, note.message)).toMatch(
      /^Knoten FI war nicht erreichbar, um die Berechtigung zu bestätigen; Ihr Passport enthält die Berechtigung für FI-RD-01 noch, daher bleibt die lokale Kopie lesbar und wird gelöscht, wenn ihre Berechtigung am 31\.01\.2027, \d\d:\d\d endet\.$/,
    );
  });
});

describe('issue 22: every code main may send has words in every language', () => {
  const codes: [string, readonly string[]][] = [
    ['fileProblem', CASE_PROBLEM_CODES],
    ['fileProblem', VCF_PROBLEM_CODES],
    ['fileProblem', CaseImportWhySchema.shape.code.options],
    ['vaultNote', VaultNoteCodedSchema.shape.code.options],
    ['vcfOrigin', ['declared', 'reserved', 'reserved-untyped', 'undeclared']],
    ['assemblyEvidence', ASSEMBLY_EVIDENCE_CODES],
    [
      'searchInput',
      [
        'region-order',
        'position',
        'protein-change',
        'not-understood',
        'query-not-json',
        'query-invalid',
        'query-not-query',
      ],
    ],
  ];
  // A counted sentence is worded by its plural forms (`_one`, `_other`) instead of one key.
  const worded = (lang: string, k: string): boolean =>
    typeof i18n.getResource(lang, 'translation', k) === 'string' ||
    (typeof i18n.getResource(lang, 'translation', `${k}_one`) === 'string' &&
      typeof i18n.getResource(lang, 'translation', `${k}_other`) === 'string');
  it.each(SUPPORTED_LANGUAGES)('issue 22: %s words them all', (lang) => {
    const missing = codes.flatMap(([tree, list]) =>
      list.map((c) => `coded.${tree}.${c}`).filter((k) => !worded(lang, k)),
    );
    expect(missing).toEqual([]);
  });

  it('issue 22: the VCF reader’s codes and the case codes do not share a key', () => {
    const vcf = new Set<string>(VCF_PROBLEM_CODES);
    const shared = [...CASE_PROBLEM_CODES, ...CaseImportWhySchema.shape.code.options].filter((c) =>
      vcf.has(c),
    );
    expect(shared).toEqual([]);
  });
});
