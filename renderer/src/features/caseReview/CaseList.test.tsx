// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../../shared/cases/channels';
import i18n from '../../i18n';
import { resetStore, useStore } from '../../store';
import { CaseList } from './CaseList';

afterEach(async () => {
  cleanup();
  resetStore();
  await i18n.changeLanguage('en');
});

const summary = (caseId: string, kind: Partial<CaseSummary>): CaseSummary => ({
  caseId,
  createdAt: '2026-12-01T10:00:00.000Z',
  patientId: `P-${caseId}`,
  sex: 'unknown',
  samples: 2,
  variants: 1200,
  phenotypes: 0,
  status: 'new',
  vcfName: `${caseId}.vcf.gz`,
  bytes: 1000,
  kind: 'germline',
  design: null,
  tumourType: null,
  ...kind,
});

function show(): void {
  useStore.setState({
    caseList: {
      cases: [
        summary('CA-TN', { kind: 'cancer', design: 'tumour-normal', tumourType: 'SKCM' }),
        summary('CA-TO', { kind: 'cancer', design: 'tumour-only', tumourType: null }),
        summary('TRIO', {}),
      ],
      locked: false,
      owner: { kind: 'local', label: 'this computer' },
    },
  });
  render(<CaseList />);
}

describe('issue 19: the case list says which cases are cancer cases', () => {
  it('issue 19: a Kind column: germline, or cancer with its OncoTree code and design', () => {
    show();
    const table = screen.getByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Kind' })).toBeDefined();
    expect(screen.getByTestId('case-kind-CA-TN').textContent).toBe(
      'Cancer: SKCM, tumour and normal',
    );
    expect(screen.getByTestId('case-kind-CA-TO').textContent).toBe(
      'Cancer: type not given, tumour only',
    );
    expect(screen.getByTestId('case-kind-TRIO').textContent).toBe('Germline');
    // The cell sits under its header in the row of its case (a screen reader reads both).
    const row = screen.getByTestId('case-row-CA-TN');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    const cells = [...row.children].map((c) => c.textContent);
    expect(cells[headers.indexOf('Kind')]).toBe('Cancer: SKCM, tumour and normal');
  });

  it('issue 19: worded in the chosen language', async () => {
    await i18n.changeLanguage('de');
    show();
    expect(screen.getByRole('columnheader', { name: 'Art' })).toBeDefined();
    expect(screen.getByTestId('case-kind-CA-TN').textContent).toBe('Krebs: SKCM, Tumor und Normal');
    expect(screen.getByTestId('case-kind-TRIO').textContent).toBe('Keimbahn');
  });
});
