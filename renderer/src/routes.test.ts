import { describe, expect, it } from 'vitest';
import { PAGES, pageFromHash } from './routes';

describe('routes', () => {
  it('maps hashes to pages and falls back to the first page', () => {
    expect(pageFromHash('#/search')).toBe('search');
    expect(pageFromHash('#case-review')).toBe('case-review');
    expect(pageFromHash('')).toBe('federation');
    expect(pageFromHash('#/nope')).toBe('federation');
    expect(PAGES).toHaveLength(6);
  });
});
