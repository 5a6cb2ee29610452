import { describe, expect, it } from 'vitest';
import { reg2bins, splitVirtual, virtualOffset } from './tabix';

describe('tabix binning (SAM spec §5.3)', () => {
  it('reg2bins lists one bin per level for a small region', () => {
    // 0-based [0, 1): the first bin of every level.
    expect(reg2bins(0, 1)).toEqual([0, 1, 9, 73, 585, 4681]);
    // A region that crosses a 16 kbp boundary needs two leaf bins.
    expect(reg2bins(16_383, 16_385)).toEqual([0, 1, 9, 73, 585, 4681, 4682]);
  });

  it('virtual offsets split into block and in-block offsets', () => {
    const v = virtualOffset(123_456_789, 4321);
    expect(splitVirtual(v)).toEqual({ block: 123_456_789, within: 4321 });
  });
});
