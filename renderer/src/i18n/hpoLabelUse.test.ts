import { describe, expect, it } from 'vitest';

/**
 * Issue 22: one place chooses an HPO term's label for a person (shared/i18n/hpoLabel.ts, through
 * useHpoLabel in views), so a translated label table reaches every view and the report at once.
 * A lint-like check over the sources: no view reads the ontology table's label itself, and every
 * view that shows HPO terms goes through the one function.
 */
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const report = import.meta.glob<string>('../../../shared/report/reportHtml.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Signs that a view shows HPO terms: the HPO search or term type, or term objects of the ranking and seen-before results. */
const SHOWS_HPO =
  /hpoSearch|HpoTerm\b|byPhenotype|diseaseTerm|sharedAncestor|\.terms\.map|searchDraft\.filters|option-label|phenotypes\.map|carrierPhenotypes/;
const USES_ONE_PLACE = /from '[^']*(i18n\/useHpoLabel|shared\/i18n\/hpoLabel)'/;

describe('issue 22: every view names HPO terms through hpoLabel', () => {
  it('reads the sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(100);
  });

  it('no renderer module takes a label from the ontology tables itself', () => {
    const direct = Object.entries(sources)
      .filter(([, text]) =>
        /import \{[^}]*\b(hpoLabel|termText|termLabel)\b[^}]*\} from '[^']*shared\/cohorts\/(hpo|ontologyLabels)'/.test(
          text,
        ),
      )
      .map(([file]) => file);
    expect(direct).toEqual([]);
  });

  it('every view that shows HPO terms goes through useHpoLabel or shared/i18n/hpoLabel', () => {
    const views = Object.entries(sources).filter(
      ([file, text]) => file.endsWith('.tsx') && SHOWS_HPO.test(text),
    );
    expect(views.length).toBeGreaterThanOrEqual(8);
    expect(views.filter(([, text]) => !USES_ONE_PLACE.test(text)).map(([f]) => f)).toEqual([]);
  });

  it('the report names HPO terms through the same function', () => {
    const [text] = Object.values(report);
    expect(text).toMatch(/from '\.\.\/i18n\/hpoLabel'/);
    expect(text).toMatch(/hpoLabel\(x\.id, c\.lang, x\.label\)/);
  });
});
