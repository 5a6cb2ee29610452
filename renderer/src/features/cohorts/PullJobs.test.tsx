// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PullJob } from '../../../../shared/vault/vault';
import { setLanguage } from '../../i18n';
import { resetStore, useStore } from '../../store';
import { PullJobs } from './PullJobs';

afterEach(() => {
  cleanup();
  resetStore();
});

const job = (patch: Partial<PullJob>): PullJob => ({
  jobId: 'j1',
  nodeId: 'FI',
  datasetId: 'FI-RD-01',
  state: 'running',
  records: 400,
  bytes: 3_000_000,
  totalRecords: 1553,
  ...patch,
});

describe('pull job labels say what is true (issue 13)', () => {
  it('issue 13: a finished pull shows its records and size, never "about — left"', () => {
    useStore.setState({ pullJobs: [job({ state: 'done', records: 1553 })] });
    render(<PullJobs />);
    expect(screen.getByTestId('pull-job-detail-FI-RD-01').textContent).toBe('1,553 records, 3 MB');
    expect(screen.getByTestId('pull-jobs').textContent).not.toMatch(/left|—/);
  });

  it('a running pull shows its ETA only once it is known; a paused one offers resume and cancel', () => {
    useStore.setState({
      pullJobs: [
        job({ etaSeconds: 12.2 }),
        job({ jobId: 'j2', datasetId: 'SE-CA-01', totalRecords: undefined }),
        job({ jobId: 'j3', datasetId: 'IT-CA-01', state: 'paused', message: 'Interrupted.' }),
      ],
    });
    render(<PullJobs />);
    expect(screen.getByTestId('pull-job-detail-FI-RD-01').textContent).toBe(
      '400 of 1,553 records, 3 MB, about 13 sec left',
    );
    expect(screen.getByTestId('pull-job-detail-SE-CA-01').textContent).toBe(
      '400 records so far, 3 MB',
    );
    const paused = screen.getByTestId('pull-job-IT-CA-01');
    expect(paused.textContent).not.toMatch(/left/);
    expect([...paused.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Resume',
      'Cancel',
    ]);
  });

  it('issue 22: a job’s message is worded from main’s code in the language shown (decision 0063)', async () => {
    await setLanguage('de');
    useStore.setState({
      pullJobs: [
        job({ state: 'paused', message: 'Paused.', said: { key: 'paused' } }),
        job({
          jobId: 'j2',
          datasetId: 'DE-RD-01',
          state: 'done',
          message: '2 variants from DE have no GRCh38 position and are not in the cache (a; b).',
          said: { key: 'unplaced', params: { count: 2, node: 'DE', shown: 'a; b' } },
        }),
        job({ jobId: 'j3', datasetId: 'IT-CA-01', state: 'failed', message: 'Older main.' }),
      ],
    });
    render(<PullJobs />);
    expect(screen.getByTestId('pull-job-message-FI-RD-01').textContent).toBe('Angehalten.');
    expect(screen.getByTestId('pull-job-message-DE-RD-01').textContent).toBe(
      '2 Varianten von DE haben keine GRCh38-Position und sind nicht im Cache (a; b).',
    );
    expect(screen.getByTestId('pull-job-message-IT-CA-01').textContent).toBe('Older main.');
    await setLanguage('en');
  });

  it('issue 22: the time left is a duration in the language shown, not "N s" by hand', async () => {
    useStore.setState({ pullJobs: [job({ etaSeconds: 3724.2 })] });
    await setLanguage('de');
    const { unmount } = render(<PullJobs />);
    expect(screen.getByTestId('pull-job-detail-FI-RD-01').textContent).toBe(
      '400 von 1.553 Einträgen, 3 MB, noch etwa 1 Std., 2 Min. und 5 Sek.',
    );
    unmount();
    await setLanguage('fi');
    render(<PullJobs />);
    expect(screen.getByTestId('pull-job-detail-FI-RD-01').textContent).toMatch(
      /, noin 1 t, 2 min, 5 s jäljellä$/,
    );
    await setLanguage('en');
  });
});
