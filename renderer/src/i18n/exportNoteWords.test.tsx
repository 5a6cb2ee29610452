import { cleanup, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ExportRows } from '../../../shared/cohorts/exportFile';
import { exportNote, exportText, NothingToExportError } from '../../../shared/cohorts/exportFile';
import { CohortFiltersSchema } from '../../../shared/cohorts/definition';
import { PSEUDO_OPEN } from '../../../shared/i18n/pseudo';
import { DUO } from '../../../shared/vault/duoRules';
import { exportPlan, type ExportSubject } from '../../../shared/vault/exportRules';
import { ExportPanel } from '../features/cohorts/ExportPanel';
import { resetStore, useStore } from '../store';
import { pseudoI18n, unbracketed } from './testing/pseudoI18n';
import { setLanguage } from '.';

// Issue 22, decision 0077: the DUO reasons and conditions of a cohort export are worded in the
// window (the "nothing to export" refusal and the note under a finished export) from the codes
// the export rules give beside their English; the note written into the files stays English.

afterEach(() => {
  cleanup();
  resetStore();
});
afterAll(async () => {
  await setLanguage('en');
});

const subjects: ExportSubject[] = [
  // Pulled for clinical care from a node that forbids local copies, without clinical care use.
  {
    datasetId: 'IT-RD-01',
    duo: [{ id: DUO.GRU, label: 'GRU' }],
    purpose: 'clinical-care',
    allowLocalCopies: false,
  },
  // Disease specific only, and the cohort names no disease; a geographical restriction denies.
  {
    datasetId: 'SE-CA-01',
    duo: [
      { id: DUO.DS, label: 'DS' },
      { id: DUO.GS, label: 'GS' },
    ],
    purpose: 'research',
    allowLocalCopies: true,
  },
  // Allowed, with a publication obligation.
  {
    datasetId: 'FI-RD-01',
    duo: [
      { id: DUO.GRU, label: 'GRU' },
      { id: DUO.PUB, label: 'PUB' },
    ],
    purpose: 'research',
    allowLocalCopies: true,
  },
];
const plan = exportPlan(subjects, false);

/** The refusal as the export slice gets it: a Phenopacket Cohort without members. */
function refusal(): NothingToExportError {
  const e: ExportRows = {
    rows: [],
    individuals: 0,
    included: plan.allowed,
    decisions: plan.decisions,
    baseName: 'cohort-x',
  };
  try {
    exportText(e, 'phenopacket', CohortFiltersSchema.parse({}));
  } catch (error: unknown) {
    if (error instanceof NothingToExportError) return error;
  }
  throw new Error('no refusal');
}

function shown(): { alert: string; note: string[] } {
  const { getByRole, getByTestId } = render(<ExportPanel />);
  return {
    alert: getByRole('alert').textContent,
    note: [...getByTestId('export-note').querySelectorAll('li')].map((li) => li.textContent),
  };
}

const showBoth = (): void => {
  useStore.setState({
    exportProblem: { kind: 'nothing', decisions: refusal().decisions },
    exportOutcome: {
      fileName: 'cohort-x.csv',
      rows: 0,
      individuals: 0,
      included: plan.allowed,
      decisions: plan.decisions,
    },
  });
};

describe('issue 22: a cohort export’s DUO reasons and conditions in the reader’s language', () => {
  it('issue 22: every reason and condition carries its code beside the note’s English', () => {
    expect(plan.decisions.map((d) => d.said?.map((s) => s.code))).toEqual([
      ['export-no-copies', 'export-purpose-clinical-care'],
      ['export-ds-no-disease', 'duo-denied-GS'],
      [],
    ]);
    expect(plan.decisions.map((d) => d.conditionTerms)).toEqual([[], [], [{ id: DUO.PUB }]]);
    // The note of the files keeps its English (decision 0048).
    expect(exportNote(plan.decisions)).toContain(
      'IT-RD-01: the node does not permit local copies.',
    );
    expect(refusal().message).toContain('SE-CA-01: DUO:0000007 limits use to a disease');
  });

  it('issue 22: the refusal and the note in German', async () => {
    await setLanguage('de');
    showBoth();
    const { alert, note } = shown();
    expect(alert).toMatch(/^Kein Individuum dieser Kohorte darf exportiert werden/);
    expect(alert).toContain('IT-RD-01: der Knoten erlaubt keine lokalen Kopien.');
    expect(note).toEqual([
      'IT-RD-01: der Knoten erlaubt keine lokalen Kopien.',
      'IT-RD-01: abgerufen für die klinische Versorgung, doch seine Bedingungen enthalten DUO:0000043 (Nutzung in der klinischen Versorgung) nicht.',
      'SE-CA-01: DUO:0000007 beschränkt die Nutzung auf eine Erkrankung; fügen Sie die Erkrankung zuerst der Kohorte hinzu.',
      expect.stringMatching(/^SE-CA-01: Der Datennutzungsbegriff .*\(GS, DUO:0000022\)/),
      expect.stringMatching(/^FI-RD-01: .*\(PUB, DUO:0000019\)$/),
    ]);
    expect(note.join(' ')).not.toMatch(/permit|pulled|limits use|publication required/);
  });

  it('issue 22: the note in Finnish', async () => {
    await setLanguage('fi');
    showBoth();
    const { note } = shown();
    expect(note[0]).toBe('IT-RD-01: solmu ei salli paikallisia kopioita.');
    expect(note[2]).toBe(
      'SE-CA-01: DUO:0000007 rajaa käytön yhteen tautiin; lisää tauti ensin kohorttiin.',
    );
    expect(note.join(' ')).not.toMatch(/permit|pulled|limits use|publication required/);
  });

  it('issue 22: in the pseudo-locale the refusal and the note hold no English', async () => {
    showBoth();
    const pseudo = await pseudoI18n();
    const { getByRole, getByTestId } = render(
      <I18nextProvider i18n={pseudo}>
        <ExportPanel />
      </I18nextProvider>,
    );
    const lines = [
      getByRole('alert').textContent,
      ...[...getByTestId('export-note').querySelectorAll('li')].map((li) => li.textContent),
    ];
    expect(lines).toHaveLength(6);
    expect(lines.every((l) => l.includes(PSEUDO_OPEN))).toBe(true);
    expect(lines.flatMap((l) => unbracketed(l))).toEqual([]);
  });
});
