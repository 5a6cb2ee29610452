import { cleanup, render } from '@testing-library/react';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SomaticRow } from '../../../../../shared/cancer/channels';
import type { SeenAnswer } from '../../../../../shared/seen/channels';
import { setLanguage } from '../../../i18n';
import { resetStore, useStore } from '../../../store';
import { FederatedSomatic } from '../../cancer/FederatedSomatic';
import { SeenCell } from './SeenCell';
import { asOf } from './seenText';

// Issue 19 (review): the seen-before column and the cancer view's federated table show a node's
// stored failure with one component; the words are those each showed before, coded or as stored.

beforeEach(resetStore);
afterEach(cleanup);
afterAll(async () => {
  await setLanguage('en');
});

const row = {
  vid: 1,
  variant_key: '14-104780214-C-T',
  chrom: 'chr14',
  pos: 104780214,
  ref: 'C',
  alt: 'T',
  gene: 'AKT1',
  protein_change: 'p.E17K',
} as unknown as SomaticRow;
const at = '2026-12-06T12:00:00.000Z';
const coded: SeenAnswer = {
  key: '14-104780214-C-T',
  nodeId: 'IT',
  nodeName: 'Italy',
  country: 'IT',
  at,
  status: 'timeout',
  message: 'Node IT timed out after 5 s.',
  problem: { code: 'timeout', seconds: 5 },
};
/** An answer stored before codes (issue 22): its English message, no problem code. */
const uncoded: SeenAnswer = {
  key: coded.key,
  nodeId: 'SE',
  nodeName: 'Sweden',
  country: 'SE',
  at,
  status: 'error',
  message: 'Node SE answered 500.',
};
/** A failure with no message at all: its status alone. */
const bare: SeenAnswer = {
  key: coded.key,
  nodeId: 'SE',
  nodeName: 'Sweden',
  country: 'SE',
  at,
  status: 'error',
};

/** The failure's text in the federated table's row for `a` (its time in brackets after it). */
function federatedText(a: SeenAnswer): string | null {
  // The table shows once a tumour type was asked; the failure is the allele's own answer.
  const typed: SeenAnswer = { ...a, key: `${a.key}@SKCM`, status: 'ok', datasets: [] };
  useStore.setState({ seenAnswers: [a, typed] });
  const { getByTestId, unmount } = render(
    <FederatedSomatic row={row} geneRows={[row]} ownType={null} />,
  );
  const text = getByTestId('somatic-federated-failed').querySelector('td')?.textContent ?? null;
  unmount();
  return text;
}
function seenText(a: SeenAnswer): string | null {
  const { container, unmount } = render(<SeenCell answer={a} />);
  const text = container.querySelector('.form-error')?.textContent ?? null;
  unmount();
  return text;
}

describe('issue 19: a node’s stored failure, one component for seen-before and the cancer view', () => {
  it('issue 19: a coded problem reads the same in both, in the reader’s language', async () => {
    await setLanguage('de');
    const seen = seenText(coded);
    expect(seen).toMatch(/^Zeitüberschreitung: .*5 s/u);
    expect(federatedText(coded)).toBe(`${seen ?? ''} (Stand ${asOf(at)})`);
  });

  it('issue 19: an answer stored before codes is quoted as stored in both, and a bare status alone', async () => {
    await setLanguage('en');
    const seen = seenText(uncoded);
    expect(seen).toBe('Error: Saved by an earlier version, in its words: Node SE answered 500.');
    expect(federatedText(uncoded)?.startsWith(`${seen ?? ''} (`)).toBe(true);
    expect(seenText(bare)).toBe('Error');
    expect(federatedText(bare)?.startsWith('Error (')).toBe(true);
  });
});
