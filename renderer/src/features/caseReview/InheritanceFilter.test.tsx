// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../../shared/cases/channels';
import '../../i18n';
import { InheritanceFilter } from './InheritanceFilter';

afterEach(cleanup);

const family = (sex: 'male' | 'female' | 'unknown'): CaseDetail['members'] => [
  { sampleIdx: 0, sample: 'P', member: 'P', role: 'proband', sex, affected: true },
  { sampleIdx: 1, sample: 'M', member: 'M', role: 'mother', sex: 'female', affected: false },
];

// Issue 16 (decision 0100): a proband of unknown sex gets X-linked fits as possible only; the
// filter says so beside the two X-linked modes, which stay selectable.
describe('issue 16: the X-linked modes say when the proband’s sex is unknown', () => {
  it('notes the two X-linked modes, and leaves them selectable', () => {
    render(
      <InheritanceFilter filter={{}} members={family('unknown')} onChange={() => undefined} />,
    );
    for (const m of ['x_linked_recessive', 'x_linked_dominant'] as const) {
      expect(screen.getByTestId(`filter-mode-note-${m}`).textContent).toBe(
        " (proband's sex unknown: possible fits only; a haploid X call is read as hemizygous)",
      );
      expect(screen.getByTestId<HTMLInputElement>(`filter-mode-${m}`).disabled).toBe(false);
    }
    expect(screen.queryByTestId('filter-mode-note-mitochondrial')).toBeNull();
  });

  it('says nothing when the sex is known', () => {
    render(<InheritanceFilter filter={{}} members={family('female')} onChange={() => undefined} />);
    expect(screen.queryByTestId('filter-mode-note-x_linked_recessive')).toBeNull();
  });
});
