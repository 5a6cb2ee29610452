import { describe, expect, it } from 'vitest';
import { suggestGenes } from './genes';
import { SearchQuerySchema } from './query';
import { openQueryText, saveQueryText } from './savedQuery';

describe('saved query files', () => {
  const query = SearchQuerySchema.parse({
    genomic: 'BRCA1',
    filters: [{ id: 'HP:0003002', includeDescendantTerms: false }],
    sex: 'female',
  });

  it('round-trips a query', () => {
    expect(openQueryText(saveQueryText(query), 'q.json')).toEqual({ ok: true, query });
  });

  it('names the file when it is not JSON', () => {
    expect(openQueryText('{nope', 'mine.json')).toMatchObject({ ok: false, where: 'mine.json' });
  });

  it('names the file and the field when a field is wrong', () => {
    const bad = JSON.parse(saveQueryText(query)) as { query: { filters: { id: string }[] } };
    bad.query.filters[0]!.id = 'not a curie';
    const r = openQueryText(JSON.stringify(bad), 'mine.json');
    expect(r).toMatchObject({ ok: false, where: 'mine.json: query.filters.0.id' });
    if (!r.ok) expect(r.message).toContain('mine.json');
  });

  it('refuses other JSON documents', () => {
    expect(openQueryText('{"format":"other"}', 'x.json')).toMatchObject({
      ok: false,
      where: 'x.json: format',
    });
  });
});

describe('gene autocomplete from the committed table', () => {
  it('prefers prefix matches', () => {
    const s = suggestGenes('brc').map((g) => g.symbol);
    expect(s).toContain('BRCA1');
    expect(s).toContain('BRCA2');
    expect(suggestGenes('')).toEqual([]);
  });
});
