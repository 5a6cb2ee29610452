// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseProgress } from '../../../../shared/cases/channels';
import '../../i18n';
import { resetStore } from '../../store';
import { ImportJobView } from './ImportJobView';

afterEach(() => {
  cleanup();
  resetStore();
});

const job = (phase: CaseProgress['phase']): CaseProgress => ({
  jobId: 'j1',
  caseId: 'c-1',
  phase,
  records: 10,
  variants: 10,
  bytesRead: 100,
  totalBytes: 1000,
  elapsedMs: 1000,
  etaMs: null,
  problems: [],
});
const noop = (): void => undefined;

// Issue 16: pressing Import replaced the form (and the focused Import button) with the import's
// progress, and the end of the import removed Cancel: the keyboard focus fell to the page's body
// behind the modal dialog, and a keyboard user had to find their way back.
describe('issue 16: the keyboard focus follows New case from the form to the import', () => {
  it('goes to Cancel while the import runs, to Open case when it is done', () => {
    const { rerender } = render(
      <ImportJobView job={job('reading')} onOpen={noop} onClose={noop} />,
    );
    expect(document.activeElement).toBe(screen.getByTestId('import-cancel-c-1'));
    rerender(<ImportJobView job={job('done')} onOpen={noop} onClose={noop} />);
    expect(document.activeElement).toBe(screen.getByTestId('new-case-open'));
  });

  it('goes to Close when the import ends otherwise, and stays where the person put it', () => {
    const { rerender } = render(
      <ImportJobView job={job('reading')} onOpen={noop} onClose={noop} />,
    );
    screen.getByTestId('new-case-close').focus();
    rerender(<ImportJobView job={job('sealing')} onOpen={noop} onClose={noop} />);
    expect(document.activeElement).toBe(screen.getByTestId('new-case-close'));
    rerender(<ImportJobView job={job('cancelled')} onOpen={noop} onClose={noop} />);
    expect(document.activeElement).toBe(screen.getByTestId('new-case-close'));
    cleanup();
    render(<ImportJobView job={job('failed')} onOpen={noop} onClose={noop} />);
    expect(document.activeElement).toBe(screen.getByTestId('new-case-close'));
  });
});
