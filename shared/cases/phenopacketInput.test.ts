import { describe, expect, it } from 'vitest';
import { hpoLabel, hpoVersion } from '../cohorts/hpo';
import { readPhenopacket } from './phenopacketInput';

// Issue 16: a well-formed HPO id the app's table does not hold (obsolete, replaced or mistyped)
// was taken as it came: a term no picker, search or ranking knows, with no word. It is named with
// its place in the file and the table's release, and left out.
describe('issue 16: a Phenopacket term the HPO table does not hold', () => {
  const text = [
    '{',
    '  "id": "P1",',
    '  "subject": { "id": "P1", "sex": "FEMALE" },',
    '  "phenotypicFeatures": [',
    '    { "type": { "id": "HP:0001250", "label": "Seizure" } },',
    '    { "type": { "id": "HP:9999999", "label": "Not a term" } },',
    '    { "type": { "id": "HP:0001263" }, "excluded": true },',
    '    { "type": { "id": "HP:9999999" } }',
    '  ]',
    '}',
  ].join('\n');

  it('is left out with its path, line, id and the release; known terms are kept', () => {
    expect(hpoLabel('HP:9999999')).toBeUndefined();
    const r = readPhenopacket('p.json', text);
    expect(r.phenotype).toEqual({
      observed: [{ id: 'HP:0001250', label: 'Seizure' }],
      excluded: [{ id: 'HP:0001263' }],
    });
    expect(r.problems.map((p) => [p.code, p.line, p.params])).toEqual([
      [
        'phenopacket-unknown-hpo',
        6,
        { path: 'phenotypicFeatures[1].type.id', id: 'HP:9999999', release: hpoVersion() },
      ],
      [
        'phenopacket-unknown-hpo',
        8,
        { path: 'phenotypicFeatures[3].type.id', id: 'HP:9999999', release: hpoVersion() },
      ],
    ]);
    expect(r.problems[0]?.message).toBe(
      `phenotypicFeatures[1].type.id "HP:9999999" is not in the HPO table Cohort Desk ships (HPO release ${hpoVersion()}): obsolete, replaced or mistyped; left out. Check the term at the HPO and give its current id`,
    );
  });
});

// Decision 0095: JSON.parse keeps the last of two keys of one object without a word, so a
// Phenopacket with two "subject" objects was read as the second patient, and a term with two ids
// as its second id. Such a file is refused at the repeat, with its JSON path.
describe('decision 0095: a Phenopacket that names a key twice in one object', () => {
  it('is refused at the repeated key, with its line and path; nothing of it is read', () => {
    const text = [
      '{',
      '  "id": "P1",',
      '  "subject": { "id": "P1", "sex": "FEMALE" },',
      '  "phenotypicFeatures": [ { "type": { "id": "HP:0001250" } } ],',
      '  "subject": { "id": "P2", "sex": "MALE" }',
      '}',
    ].join('\n');
    const r = readPhenopacket('twice.json', text);
    expect(r.subjectId).toBeNull();
    expect(r.sex).toBe('unknown');
    expect(r.phenotype).toEqual({ observed: [], excluded: [] });
    expect(r.problems).toEqual([
      expect.objectContaining({
        file: 'twice.json',
        line: 5,
        code: 'phenopacket-duplicate-key',
        params: { key: 'subject', path: 'subject' },
      }),
    ]);
  });

  it('names a term with two ids by its place in the features', () => {
    const text =
      '{"phenotypicFeatures": [\n  {"type": {"id": "HP:0001250"}},\n  {"type": {"id": "HP:0001250", "id": "HP:0001263"}}\n]}';
    expect(readPhenopacket('t.json', text).problems[0]).toMatchObject({
      line: 3,
      code: 'phenopacket-duplicate-key',
      params: { key: 'id', path: 'phenotypicFeatures[1].type.id' },
    });
  });
});

// Decision 0100 refused a patient id with control characters at import (the schema), so a
// Phenopacket whose subject id held one filled the New case dialog's field, and the import was
// then refused as an invalid request, with no word of the file. Decision 0106: refused where it is.
describe('decision 0106: a Phenopacket subject id with control characters', () => {
  const text = (id: string) =>
    [
      '{',
      '  "id": "pp-1",',
      `  "subject": { "id": ${JSON.stringify(id)}, "sex": "MALE" },`,
      '  "phenotypicFeatures": [ { "type": { "id": "HP:0001250" } } ]',
      '}',
    ].join('\n');

  it('is not used as the patient id: refused at its line and path, with the character and where it is', () => {
    const r = readPhenopacket('esc.json', text('P-7\u001b[31m'));
    expect(r.subjectId).toBeNull();
    // The rest of the file is read: the id alone is refused.
    expect(r.sex).toBe('male');
    expect(r.phenotype.observed.map((t) => t.id)).toEqual(['HP:0001250']);
    expect(r.problems).toEqual([
      expect.objectContaining({
        file: 'esc.json',
        line: 3,
        code: 'phenopacket-subject-control',
        params: { path: 'subject.id', codePoint: 'U+001B', at: 4 },
      }),
    ]);
  });

  it('names a line break or tab inside the id; one only at its ends is trimmed, as the import trims it', () => {
    expect(readPhenopacket('nl.json', text('P\n7')).problems[0]?.params).toEqual({
      path: 'subject.id',
      codePoint: 'U+000A',
      at: 2,
    });
    expect(readPhenopacket('tab.json', text(' P\t7')).problems[0]?.params).toMatchObject({
      codePoint: 'U+0009',
      at: 3,
    });
    const ends = readPhenopacket('ends.json', text('P-7\n'));
    expect(ends.problems).toEqual([]);
    expect(ends.subjectId).toBe('P-7\n');
  });

  it('the top-level id used for a subject without one is checked too', () => {
    const r = readPhenopacket(
      'top.json',
      '{"id": "A\\u0007B", "phenotypicFeatures": [ { "type": { "id": "HP:0001250" } } ]}',
    );
    expect(r.subjectId).toBeNull();
    // Written as JSON writes it (\u0007), found once in the text: its line is named.
    expect(r.problems[0]).toMatchObject({
      code: 'phenopacket-subject-control',
      params: { path: 'id', codePoint: 'U+0007', at: 2 },
    });
    expect(r.problems[0]?.line).toBe(1);
  });
});
