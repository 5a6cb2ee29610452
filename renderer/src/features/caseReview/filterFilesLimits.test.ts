import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, parseBed, readChosenFile } from './filterFiles';

describe('issue 16: hostile BED files', () => {
  it('refuses coordinates that are not plain decimal integers, with the line', () => {
    for (const [line, n] of [
      ['chr1\t0x10\t0x20', 2],
      ['chr1\t1e3\t2e3', 2],
      ['chr1\t10.0\t20', 2],
      ['chr1\t-5\t10', 2],
      ['chr1\t100\t50', 2],
      ['chr1\t1\tabc', 2],
    ] as const) {
      const r = parseBed('x.bed', `chr2\t1\t2\r\n${line}\r\n`);
      expect(r.ok ? undefined : r.said).toEqual({
        key: 'bedLine',
        params: { file: 'x.bed', line: String(n), found: line },
      });
    }
    expect(parseBed('w.bed', 'track x\r\nchr2\t1\t2\r\n\r\nX 5 6')).toEqual({
      ok: true,
      value: [
        { chrom: 'chr2', start: 1, end: 2 },
        { chrom: 'X', start: 5, end: 6 },
      ],
    });
  });

  it('stops reading past 20,000 intervals and says how many the file holds', () => {
    // The bad last line is never reached: reading stopped at the limit (before, the whole file
    // was parsed first, and this file was refused for its last line).
    const text = `# header\n${'chr1\t1\t2\n'.repeat(20_001)}chr1\tbad\n`;
    const r = parseBed('big.bed', text);
    expect(r.ok ? undefined : r.said).toEqual({
      key: 'bedTooMany',
      params: { file: 'big.bed', intervals: 20_002, max: 20_000 },
    });
    expect(parseBed('full.bed', 'chr1\t1\t2\n'.repeat(20_000))).toMatchObject({ ok: true });
  });
});

describe('decision 0089: a chosen file too large for its kind is refused before it is read', () => {
  it('names the file and the limit for a BED, a gene list and a preset file, and reads one within it', async () => {
    // Before: the page read any size with file.text() (a 500 MB "preset" froze it while read).
    let reads = 0;
    const file = (name: string, size: number) => ({
      name,
      size,
      text: () => {
        reads += 1;
        return Promise.resolve('x');
      },
    });
    for (const [kind, max] of Object.entries(MAX_FILE_BYTES) as [
      keyof typeof MAX_FILE_BYTES,
      number,
    ][]) {
      const r = await readChosenFile(file(`big.${kind}`, max + 1), kind, 'en');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.said).toEqual({
          key: 'fileTooLarge',
          params: { file: `big.${kind}`, size: r.message.match(/than (.*);/)?.[1] },
        });
        expect(r.message).toMatch(
          new RegExp(`^big\\.${kind} is larger than \\d+ MB; is it the right file\\?$`),
        );
      }
      expect(await readChosenFile(file(`ok.${kind}`, max), kind, 'en')).toEqual({
        ok: true,
        value: 'x',
      });
    }
    expect(reads).toBe(3);
    expect(MAX_FILE_BYTES).toEqual({ bed: 16_000_000, genes: 1_000_000, preset: 1_000_000 });
  });

  it('a BED with a million intervals, one past a chromosome, or reversed, is refused with its line', () => {
    // Guards: a million lines stop at the limit; reversed and negative intervals name their line.
    const million = Array.from(
      { length: 1_000_000 },
      (_, i) => `chr1\t${String(i)}\t${String(i + 1)}`,
    ).join('\n');
    const many = parseBed('m.bed', million);
    expect(many.ok ? '' : many.message).toBe('m.bed holds 1000000 intervals; at most 20,000.');
    const reversed = parseBed('r.bed', 'chr1\t200\t100\n');
    expect(reversed.ok ? '' : reversed.message).toMatch(/^r\.bed line 1: /);
    const negative = parseBed('n.bed', 'chr1\t-5\t100\n');
    expect(negative.ok ? '' : negative.message).toMatch(/^n\.bed line 1: /);
  });

  it("refuses an interval past the chromosome's GRCh38 end (a billion-base interval) with its line", () => {
    // Before: "chr1 0 1000000000" was taken as a region, standing for all of chromosome 1.
    const r = parseBed('huge.bed', '# panel\nchr2\t10\t20\nchr1\t0\t1000000000\n');
    expect(r.ok ? '' : r.message).toBe(
      'huge.bed line 3: the interval ends at 1000000000, past the end of chr1 on GRCh38 (248956422).',
    );
    expect(r.ok ? undefined : r.said).toEqual({
      key: 'bedPastEnd',
      params: {
        file: 'huge.bed',
        line: '3',
        chrom: 'chr1',
        length: 248_956_422,
        end: 1_000_000_000,
      },
    });
    // The last base of chromosome 1 is still accepted.
    expect(parseBed('end.bed', 'chr1\t248956421\t248956422\n').ok).toBe(true);
  });
});
