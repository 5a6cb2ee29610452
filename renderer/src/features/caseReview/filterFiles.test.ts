import { describe, expect, it } from 'vitest';
import { BUILT_IN_PRESETS } from '../../../../shared/cases/presets';
import { parseBed, parseGenes, parsePresetFile, presetFileText } from './filterFiles';

describe('case filter files (issue 16)', () => {
  it('reads a BED file, skipping headers, and names the first bad line', () => {
    const bed = parseBed(
      'panel.bed',
      'track name=x\n# comment\nchr2\t165239413\t165392304\n17 100 200\n',
    );
    expect(bed).toEqual({
      ok: true,
      value: [
        { chrom: 'chr2', start: 165239413, end: 165392304 },
        { chrom: '17', start: 100, end: 200 },
      ],
    });
    const bad = parseBed('panel.bed', 'chr1\t10\t20\nchr1\t30\n');
    expect(bad).toMatchObject({ ok: false });
    expect(bad.ok ? '' : bad.message).toMatch(
      /^panel\.bed line 2: expected "chromosome start end"/,
    );
    // Issue 22: the reader's words come from the catalogue, with the file, line and text found.
    expect(bad.ok ? undefined : bad.said).toEqual({
      key: 'bedLine',
      params: { file: 'panel.bed', line: '2', found: 'chr1\t30' },
    });
    expect(parseBed('empty.bed', '# nothing\n')).toEqual({
      ok: false,
      message: 'empty.bed holds no intervals.',
      said: { key: 'bedEmpty', params: { file: 'empty.bed' } },
    });
  });

  it('reads gene symbols pasted or from a file with comment lines, once each', () => {
    expect(parseGenes('# epilepsy genes, 2024\nSCN1A, KCNQ2;STXBP1\nSCN1A\n')).toEqual({
      ok: true,
      value: ['SCN1A', 'KCNQ2', 'STXBP1'],
    });
    expect(parseGenes('SCN1A <script>')).toEqual({
      ok: false,
      message: '"<script>" is not a gene symbol.',
      said: { key: 'notGeneSymbol', params: { text: '<script>' } },
    });
  });

  it('a shared preset file round-trips; a wrong one is named with the field', () => {
    const preset = BUILT_IN_PRESETS[0];
    if (preset === undefined) throw new Error('no built-in preset');
    expect(parsePresetFile('trio.json', presetFileText(preset))).toEqual({
      ok: true,
      value: preset,
    });
    expect(parsePresetFile('x.json', '{')).toEqual({
      ok: false,
      message: 'x.json is not JSON.',
      said: { key: 'presetNotJson', params: { file: 'x.json' } },
    });
    const wrong = parsePresetFile(
      'y.json',
      JSON.stringify({ ...preset, filter: { ...preset.filter, maxPopAf: 2 } }),
    );
    expect(wrong.ok ? '' : wrong.message).toMatch(
      /^y\.json is not a Cohort Desk filter preset \(filter\.maxPopAf: /,
    );
    expect(wrong.ok ? undefined : wrong.said).toEqual({
      key: 'presetInvalid',
      params: { file: 'y.json', field: 'filter.maxPopAf' },
    });
  });
});
