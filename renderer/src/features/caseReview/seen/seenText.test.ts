import { describe, expect, it } from 'vitest';
import type { Count } from '../../../../../shared/search/results';
import i18n from '../../../i18n';
import { datasetText } from './seenText';

const t = i18n.t.bind(i18n);

describe('issue 18: a node’s answer shown at its granularity, never more exact than it is', () => {
  it('issue 18: yes/no, exact, rounded (said so, with its interval), "<N" as a range, records', () => {
    const ds = (granularity: 'boolean' | 'count' | 'record', exists: boolean, count?: Count) => ({
      id: 'IT-CA-01',
      exists,
      granularity,
      ...(count === undefined ? {} : { count }),
    });
    expect(datasetText(ds('boolean', true), t)).toBe('seen (yes/no only)');
    expect(datasetText(ds('boolean', false), t)).toBe('not seen');
    expect(datasetText(ds('count', true, { value: 6, precision: 'exact' }), t)).toBe('6 carriers');
    expect(datasetText(ds('count', false, { value: 0, precision: 'exact' }), t)).toBe('not seen');
    expect(
      datasetText(ds('count', true, { value: 10, precision: 'rounded', adjustedTo: 10 }), t),
    ).toBe('≈10 carriers (rounded to 10: 5–14)');
    expect(datasetText(ds('count', true, { value: 0, precision: 'range', adjustedTo: 5 }), t)).toBe(
      '<5 carriers (between 1–4)',
    );
    expect(datasetText(ds('record', true, { value: 6, precision: 'exact' }), t)).toBe(
      '6 carriers (records)',
    );
  });
});
