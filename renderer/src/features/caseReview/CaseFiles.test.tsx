// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseProgress } from '../../../../shared/cases/channels';
import '../../i18n';
import { resetStore } from '../../store';
import { CaseFiles } from './CaseFiles';
import { ImportProgress } from './ImportProgress';
import { transferStatus } from './transferStatus';
import { EMPTY_DRAFT } from './useNewCase';

afterEach(() => {
  cleanup();
  resetStore();
});

// Sizes are shown in SI units through Intl (issue 22): 1 MB = 1,000,000 bytes.
const MB = 1_000_000;
const noop = async (): Promise<void> => {};

describe('issue 16: browser-mode upload and import progress say MB and time left', () => {
  it('a progress event without a total (lengthComputable false) counts against the file size', () => {
    const s = transferStatus({ done: 25 * MB, reported: 0, size: 100 * MB, elapsedMs: 10_000 });
    expect(s).toEqual({
      doneBytes: 25 * MB,
      totalBytes: 100 * MB,
      percent: 25,
      etaMs: 30_000,
    });
    // Issue 16: no time left from the first bytes (one byte of 40.8 MB read "about 11,333 h").
    expect(
      transferStatus({ done: 1, reported: 40_800_000, elapsedMs: 1000 }).etaMs,
    ).toBeUndefined();
    expect(transferStatus({ done: 408_000, reported: 40_800_000, elapsedMs: 1000 }).etaMs).toBe(
      99_000,
    );
    expect(transferStatus({ done: 3 * MB, reported: 0, elapsedMs: 1000 })).toEqual({
      doneBytes: 3 * MB,
      totalBytes: undefined,
      percent: 0,
      etaMs: undefined,
    });
  });

  it('the upload line shows MB sent of the file size and the time left', () => {
    render(
      <CaseFiles
        draft={{
          ...EMPTY_DRAFT,
          upload: { sent: 50 * MB, reported: 0, size: 200 * MB, elapsedMs: 20_000 },
        }}
        chooseVcf={noop}
        cancelUpload={() => undefined}
        setPed={noop}
        setPhenopacket={noop}
        onError={() => undefined}
      />,
    );
    const status = screen.getByTestId('new-case-upload');
    expect(status.textContent).toContain('Sending 50 MB of 200 MB.');
    expect(status.textContent).toContain('About 1 min left.');
    expect(screen.getByRole('progressbar').getAttribute('value')).toBe('25');
  });

  it('an import without a known size still says the MB read, not records alone', () => {
    const job: CaseProgress = {
      jobId: 'j1',
      caseId: 'C-1',
      phase: 'reading',
      records: 1000,
      variants: 900,
      bytesRead: 3 * MB,
      totalBytes: 0,
      elapsedMs: 2000,
      etaMs: null,
      problems: [],
    };
    render(<ImportProgress job={job} />);
    expect(screen.getByRole('status').textContent).toContain(
      '1,000 records, 900 alleles, 3 MB read.',
    );
  });
});

describe('issue 19: the VCF’s upload can be cancelled (decision 0079)', () => {
  it('the upload line has a Cancel button that stops the upload', () => {
    const cancelUpload = vi.fn();
    render(
      <CaseFiles
        draft={{
          ...EMPTY_DRAFT,
          busy: 'choosing',
          upload: { sent: 5 * MB, reported: 0, size: 200 * MB, elapsedMs: 2_000 },
        }}
        chooseVcf={noop}
        cancelUpload={cancelUpload}
        setPed={noop}
        setPhenopacket={noop}
        onError={() => undefined}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel the upload' }));
    expect(cancelUpload).toHaveBeenCalledOnce();
  });
});
