import { cleanup, render } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { NodeProblem } from '../../../shared/search/results';
import i18n, { setLanguage } from '.';
import { NodeProblemLine } from './nodeProblem';
import { clinvarReviewText } from './terms';

// Issue 22, decision 0058: the node messages main built without a code, and ClinVar's review
// statuses, are worded in the user's language; assemblies, places and counts stay as data.

afterEach(cleanup);
afterAll(async () => {
  await setLanguage('en');
});

const line = (node: string, problem: NodeProblem): string | null =>
  render(<NodeProblemLine t={i18n.t} node={node} problem={problem} message="main’s English" />)
    .container.textContent;

describe('issue 22: node messages main once sent only in English', () => {
  it('issue 22: coordinates answered in another assembly, in German', async () => {
    await setLanguage('de');
    expect(line('DE', { code: 'other-assembly', assembly: 'GRCh37', askedIn: 'GRCh38' })).toBe(
      'Knoten DE hat auf eine Abfrage in GRCh38-Koordinaten mit GRCh37-Koordinaten geantwortet; seine Treffer werden daher nicht als Übereinstimmungen angezeigt. Fragen Sie erneut: Cohort Desk rechnet die Koordinaten für diesen Knoten jetzt um.',
    );
  });

  it('issue 22: a query the node’s assembly cannot take, with the liftover’s reason, in Finnish', async () => {
    await setLanguage('fi');
    expect(line('T2', { code: 'no-conversion', assembly: 'T2T-CHM13' })).toBe(
      'Solmu T2 säilyttää tietonsa kokoonpanossa T2T-CHM13, johon Cohort Desk ei osaa muuntaa GRCh38-koordinaatteja; solmulta ei kysytty.',
    );
    expect(
      line('DE', { code: 'region-unplaced', where: '1:2-5', assembly: 'GRCh37', lift: 'unmapped' }),
    ).toBe(
      'Alueella 1:2-5 ei ole yksiselitteistä paikkaa kokoonpanossa GRCh37 (sijainti on kaikkien ketjun linjattujen lohkojen ulkopuolella); solmulta DE ei kysytty.',
    );
    await setLanguage('en');
    // English reads as main wrote it.
    expect(
      line('DE', { code: 'variant-unplaced', where: '1-2-A-T', assembly: 'GRCh37', lift: 'split' }),
    ).toBe(
      'The variant 1-2-A-T has no place on GRCh37 (the two ends map to different places); node DE was not asked.',
    );
  });

  it('issue 22: records left out for not following the Beacon model, with plural forms', async () => {
    await setLanguage('fr');
    expect(line('IT', { code: 'rejected', count: 1 })).toBe(
      '1 enregistrement du nœud IT ne suivait pas le modèle Beacon et a été écarté.',
    );
    cleanup();
    expect(line('IT', { code: 'rejected', count: 3 })).toBe(
      '3 enregistrements du nœud IT ne suivaient pas le modèle Beacon et ont été écartés.',
    );
  });
});

describe('decision 0101: a node that did not use part of the query, in the user’s language', () => {
  it('decision 0101: the filter and parameters named as data, the node’s warning as it wrote it', async () => {
    await setLanguage('de');
    expect(
      line('RI', {
        code: 'ignored-filter',
        where: 'HP:0001250',
        nodeText: 'Filter HP:0001250 is not supported',
      }),
    ).toBe(
      'Knoten RI hat den Filter HP:0001250 nicht angewendet (so steht es in seiner Antwort); seine Antwort gilt daher für eine breitere Abfrage und wird nicht angezeigt. Filter HP:0001250 is not supported',
    );
    cleanup();
    await setLanguage('sv');
    expect(line('RI', { code: 'ignored-parameter', where: 'variantType, end' })).toBe(
      'Nod RI använde inte variantType, end i frågan (det står i dess svar), så dess svar gäller en bredare fråga och visas inte.',
    );
    cleanup();
    await setLanguage('en');
    expect(line('RI', { code: 'ignored-filter', where: 'HP:0001250' })).toBe(
      'Node RI did not apply the filter HP:0001250 (its answer says so), so its answer is for a broader query and is not shown.',
    );
    cleanup();
    expect(line('RI', { code: 'ignored-page' })).toBe(
      'Node RI returned another page of records than the one asked for (it did not use skip), so they are not shown as that page.',
    );
  });
});

describe('issue 22: ClinVar review statuses in the user’s language', () => {
  it('issue 22: as ClinVar’s table and its VCF write them; an unknown status as written', async () => {
    await setLanguage('de');
    expect(clinvarReviewText(i18n.t, 'criteria provided, single submitter')).toBe(
      'Kriterien angegeben, ein Einreicher',
    );
    expect(clinvarReviewText(i18n.t, 'criteria_provided,_multiple_submitters,_no_conflicts')).toBe(
      'Kriterien angegeben, mehrere Einreicher, keine Widersprüche',
    );
    expect(clinvarReviewText(i18n.t, 'reviewed by expert panel')).toBe(
      'von einem Expertengremium geprüft',
    );
    expect(clinvarReviewText(i18n.t, 'some_new_status')).toBe('some new status');
    expect(clinvarReviewText(i18n.t, null)).toBe('—');
    await setLanguage('en');
    expect(clinvarReviewText(i18n.t, 'no_assertion_criteria_provided')).toBe(
      'no assertion criteria provided',
    );
  });
});
