import { cleanup, render } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { setApiClient } from '../api/client';
import { CaseList } from '../features/caseReview/CaseList';
import { ExportPanel } from '../features/cohorts/ExportPanel';
import { resetStore, useStore } from '../store';
import { installFakeMain } from '../store/testing/fakeMain';
import { VISA_REASON_CODES } from '../../../shared/auth/visaReason';
import { IgnoredVisas } from '../features/federation/IgnoredVisas';
import i18n, { SUPPORTED_LANGUAGES, setLanguage } from '.';

// Issue 22, decision 0071: views that showed main's English (the case list's owner, a refused
// cohort export) word it in the reader's language; the exports themselves stay as they are.

afterEach(cleanup);
afterAll(async () => {
  await setLanguage('en');
});

describe('issue 22: the case list of this computer’s account, in the reader’s language', () => {
  afterEach(() => resetStore());

  it('issue 22: the local owner is worded from the account, not main’s English label', async () => {
    await setLanguage('de');
    useStore.setState({
      caseList: {
        cases: [],
        locked: false,
        owner: { kind: 'local', label: 'this computer account (anna)', account: 'anna' },
      },
    });
    const { getByTestId } = render(<CaseList />);
    expect(getByTestId('case-list-empty').textContent).toBe(
      'Dieses Computerkonto (anna) hat noch keine Fälle. Wählen Sie Neuer Fall, um die VCF-Datei eines Patienten zu importieren.',
    );
  });
});

describe('issue 22: a cohort export main refuses, in the reader’s language', () => {
  afterEach(() => {
    setApiClient(undefined);
    resetStore();
  });

  it('issue 22: the Parquet writer’s refusal is worded from its key in German (was main’s English)', async () => {
    await setLanguage('de');
    installFakeMain({
      'cohorts:parquetBegin': { ok: true, value: { exportId: 'export-0001' } },
      'cohorts:parquetFinish': {
        ok: false,
        error: {
          code: 'NOT_ALLOWED',
          message: 'The Parquet file would be 900 MB; at most 512 MB.',
          key: 'parquetTooLarge',
          params: { mb: 900, maxMb: 512 },
        },
      },
    });
    useStore.setState({ cohortCache: { datasets: [], removed: [], locked: false } });
    expect(await useStore.getState().runExport('parquet')).toEqual([]);
    const { getByRole } = render(<ExportPanel />);
    expect(getByRole('alert').textContent).toBe(
      i18n.t('appError.parquetTooLarge', { mb: 900, maxMb: 512 }),
    );
    expect(getByRole('alert').textContent).toMatch(/^Die Parquet-Datei/);
  });
});

describe('issue 22: a visa the app did not use, its reason in the reader’s language', () => {
  it('issue 22: reasons worded from main’s codes in German; one without a code quoted as sent', async () => {
    await setLanguage('de');
    const { container } = render(
      <IgnoredVisas
        visas={[
          {
            type: 'ControlledAccessGrants',
            issuer: 'https://broker.example',
            value: 'https://dac.example/FI-RD-01',
            reason: 'granted by "self", not by a data access committee',
            said: { code: 'not-by-dac', params: { by: 'self' } },
          },
          { type: 'ResearcherStatus', issuer: 'https://broker.example', reason: 'expired' },
        ]}
      />,
    );
    const items = [...container.querySelectorAll('li')];
    expect(items[0]?.textContent).toBe(
      'ControlledAccessGrants https://dac.example/FI-RD-01 (https://broker.example): erteilt von „self“, nicht von einem Data Access Committee',
    );
    expect(items[1]?.querySelector('q[lang="en"]')?.textContent).toBe('expired');
  });

  it.each(SUPPORTED_LANGUAGES)('issue 22: %s words every visa reason', (lang) => {
    const missing = VISA_REASON_CODES.filter(
      (c) => typeof i18n.getResource(lang, 'translation', `coded.visa.${c}`) !== 'string',
    );
    expect(missing).toEqual([]);
  });
});
