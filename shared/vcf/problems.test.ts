import { describe, expect, it } from 'vitest';
import { MAX_ONCE_KEYS, ProblemList, said } from './problems';

// Decision 0095: the set that tells a file's warnings apart is bounded. A hostile VCF whose every
// line raises a warning with words of its own (an INFO key, an allele number) must not grow it
// without end; the warnings are still counted.
describe('ProblemList: warnings told apart by a bounded set (decision 0095)', () => {
  it('keeps at most MAX_ONCE_KEYS keys for a million distinct warnings, and counts every one', () => {
    const list = new ProblemList('hostile.vcf');
    const n = 1_000_000;
    for (let i = 0; i < n; i++)
      list.warn({ line: i + 1 }, said('info-quoted', `warning ${String(i)}`), `INFO=K${String(i)}`);
    expect(MAX_ONCE_KEYS).toBe(4096);
    expect(list.onceKeys).toBe(4096);
    expect(list.warningCount).toBe(n);
    expect(list.warnings).toHaveLength(list.limit);
    expect(list.warnings[0]).toMatchObject({ file: 'hostile.vcf', line: 1, severity: 'warning' });
  });

  it('below the bound a repeated warning is still said and counted once', () => {
    const list = new ProblemList('ok.vcf');
    for (let i = 0; i < 1000; i++)
      list.warn({ line: i + 1 }, said('info-quoted', 'quoted'), 'INFO=DESC');
    expect(list.warningCount).toBe(1);
    expect(list.warnings).toHaveLength(1);
    expect(list.onceKeys).toBe(1);
  });
});
