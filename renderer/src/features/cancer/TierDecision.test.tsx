// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { TierReview } from '../../../../shared/cancer/cancerCase';
import { setLanguage } from '../../i18n';
import { TierDecision } from './TierPanel';

// Issue 22: the tier decision's time follows the reader's date/time format (it was the ISO string
// cut to "2026-12-07 09:05" in every language).

afterEach(cleanup);
afterAll(async () => {
  await setLanguage('en');
});

const review: TierReview = {
  variantKey: '7-140753336-A-T',
  tier: 'I',
  level: 'A',
  proposed: 'IIC',
  note: '',
  at: '2026-12-07T09:05:33.123Z',
};

describe('issue 22: the tier decision’s time in the reader’s format', () => {
  it('German', async () => {
    await setLanguage('de');
    render(<TierDecision review={review} />);
    expect(screen.getByTestId('tier-decision').textContent).toBe(
      'Entschieden: Tier IA (vorgeschlagen IIC), 07.12.2026, 09:05 UTC',
    );
  });

  it('Finnish', async () => {
    await setLanguage('fi');
    render(<TierDecision review={review} />);
    const text = screen.getByTestId('tier-decision').textContent;
    expect(text).toBe('Päätetty: Tier IA (ehdotettu IIC), 7.12.2026 klo 9.05 UTC');
    expect(text).not.toContain('2026-12-07');
  });
});
