import { describe, expect, it } from 'vitest';
import { diffReviewBasis, unchanged } from './reviewDiff';

describe('issue 18: what changed since the last review', () => {
  const then = {
    datasets: [
      { id: 'FI-RD-01', pulledAt: '2026-12-01T10:00:00Z' },
      { id: 'IT-RD-01', pulledAt: '2026-12-01T10:00:00Z' },
    ],
    nodes: ['FI', 'IT'],
  };
  it('names datasets pulled, pulled again and gone, and nodes that joined or left', () => {
    const d = diffReviewBasis(then, {
      datasets: [
        { id: 'FI-RD-01', pulledAt: '2026-12-05T09:00:00Z' },
        { id: 'SE-CA-01', pulledAt: '2026-12-05T09:30:00Z' },
      ],
      nodes: ['FI', 'SE'],
    });
    expect(d).toEqual({
      pulled: [
        { id: 'FI-RD-01', pulledAt: '2026-12-05T09:00:00Z' },
        { id: 'SE-CA-01', pulledAt: '2026-12-05T09:30:00Z' },
      ],
      removed: ['IT-RD-01'],
      newNodes: ['SE'],
      goneNodes: ['IT'],
    });
    expect(unchanged(d)).toBe(false);
  });
  it('nothing changed', () => {
    expect(unchanged(diffReviewBasis(then, then))).toBe(true);
  });
});
