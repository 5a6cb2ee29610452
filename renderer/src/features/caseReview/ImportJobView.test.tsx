// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseProgress } from '../../../../shared/cases/channels';
import i18next from 'i18next';
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

// Issue 16: the progress line said "0 byte of 40.8 MB" (Intl's short unit for bytes does not
// agree with the count in English, and says "1 bytes" in Portuguese): under a kilobyte the
// count is worded by each language's catalogue.
describe('issue 16: the bytes read agree with their count in every language', () => {
  const at = (bytesRead: number): CaseProgress => ({
    ...job('reading'),
    records: 0,
    variants: 0,
    bytesRead,
    totalBytes: 40_800_000,
  });
  it.each([
    ['en', 0, '0 bytes of 40.8 MB'],
    ['en', 1, '1 byte of 40.8 MB'],
    ['de', 0, '0 Byte von 40,8 MB'],
    ['fr', 1, '1 octet sur 40,8 Mo'],
    ['fr', 2, '2 octets sur 40,8 Mo'],
    ['es', 0, '0 bytes de 40,8 MB'],
    ['pt', 1, '1 byte de 40,8 MB'],
    ['fi', 0, '0 tavua/40,8 Mt'],
    ['fi', 1, '1 tavu/40,8 Mt'],
  ] as const)('%s, %d bytes read', async (lang, read, said) => {
    await i18next.changeLanguage(lang);
    try {
      render(<ImportJobView job={at(read)} onOpen={noop} onClose={noop} />);
      // Intl separates a number from its unit with a no-break space in some languages.
      const text = screen.getByRole('status').textContent.replace(/\s/gu, ' ');
      expect(text).toContain(said);
      // Nor is a time left guessed from a few bytes ("about 11,333 h left").
      const left = i18next.t('caseReview.import.left', { time: '@' }).split('@');
      expect(text).not.toContain(left[0]?.trim() || left[1]?.trim());
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
