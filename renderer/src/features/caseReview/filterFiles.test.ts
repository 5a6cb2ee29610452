import { describe, expect, it } from 'vitest';
import { BUILT_IN_PRESETS } from '../../../../shared/cases/presets';
import { DEFAULT_SOMATIC_FILTER } from '../../../../shared/cancer/somaticFilter';
import { BUILT_IN_SOMATIC_PRESET_FILES } from '../../../../shared/cancer/somaticPresets';
import {
  importedName,
  parseBed,
  parseGenes,
  parsePresetFile,
  presetFileName,
  parseSomaticPresetFile,
  presetFileText,
} from './filterFiles';

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
    expect(parsePresetFile('x.json', '')).toEqual({
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

  it('issue 19: a file that stops being JSON is refused with its line and column (decision 0079)', () => {
    expect(parsePresetFile('x.json', '{')).toEqual({
      ok: false,
      message: 'x.json is not JSON (line 1, column 2).',
      said: { key: 'presetNotJsonAt', params: { file: 'x.json', line: 1, column: 2 } },
    });
    const text =
      '{\n  "kind": "cohort-desk.somatic-filter-preset",\n  "version": 1\n  "name": "x"\n}';
    expect(parseSomaticPresetFile('board.json', text)).toMatchObject({
      ok: false,
      said: { key: 'presetNotJsonAt', params: { file: 'board.json', line: 4, column: 3 } },
    });
  });
});

describe('decision 0095: a preset file that names a key twice in one object', () => {
  it('is refused at the repeat with its line, column and JSON path, both kinds (JSON.parse kept the last)', () => {
    const preset = BUILT_IN_PRESETS[0];
    if (preset === undefined) throw new Error('no built-in preset');
    const text = presetFileText(preset).replace(
      /\n\}\s*$/,
      ',\n  "filter": {"maxPopAf": 0.5}\n}\n',
    );
    expect(JSON.parse(text)).toMatchObject({ filter: { maxPopAf: 0.5 } });
    const line = text.split('\n').findIndex((l) => l.includes('"maxPopAf": 0.5')) + 1;
    expect(parsePresetFile('two-filters.json', text)).toEqual({
      ok: false,
      message: `two-filters.json names the key "filter" twice in one object (filter, line ${String(line)}, column 3).`,
      said: {
        key: 'presetDuplicateKey',
        params: { file: 'two-filters.json', line, column: 3, key: 'filter', path: 'filter' },
      },
    });
    const somatic = BUILT_IN_SOMATIC_PRESET_FILES[0];
    if (somatic === undefined) throw new Error('no somatic preset');
    // A second name at the top: which of the two would be saved is not the reader's to guess.
    const twice = presetFileText(somatic).replace(/^\{\n/, '{\n  "name": "Tier I only",\n');
    expect(parseSomaticPresetFile('board.json', twice)).toMatchObject({
      ok: false,
      said: {
        key: 'presetDuplicateKey',
        params: { file: 'board.json', key: 'name', path: 'name', column: 3 },
      },
    });
  });
});

describe('issue 16: a preset name with control, text-direction or invisible characters', () => {
  it('is refused on import with the file, the code point and the character it is at, both kinds', () => {
    const preset = BUILT_IN_PRESETS[0];
    if (preset === undefined) throw new Error('no built-in preset');
    for (const [given, codePoint, at] of [
      ['trio \u202Egnp', 'U+202E', 6],
      ['\u2067trio', 'U+2067', 1],
      ['tr\u200Dio', 'U+200D', 3],
      ['a\u0007b', 'U+0007', 2],
      ['ab\u2028cd', 'U+2028', 3],
    ] as const) {
      const germline = parsePresetFile('p.json', JSON.stringify({ ...preset, name: given }));
      expect(germline).toEqual({
        ok: false,
        message: `p.json: the preset's name holds ${codePoint} at character ${String(at)}, a control, text-direction or invisible character.`,
        said: { key: 'presetNameHidden', params: { file: 'p.json', codePoint, at } },
      });
      const somatic = parseSomaticPresetFile(
        's.json',
        presetFileText({ ...BUILT_IN_SOMATIC_PRESET_FILES[0]!, name: given }),
      );
      expect(somatic.ok ? undefined : somatic.said.key).toBe('presetNameHidden');
    }
    // Accents, other scripts and emoji are names, not hidden characters.
    for (const fine of ['Épilepsie – panel', 'Häkkinen ÄÖ', 'trio 🧬', 'Ελληνικά'])
      expect(parsePresetFile('p.json', JSON.stringify({ ...preset, name: fine })).ok).toBe(true);
  });
});

describe('issue 19: somatic preset files (decision 0079)', () => {
  it('a somatic preset round-trips; a wrong field is named; the other kind is said as such', () => {
    const mine = {
      kind: 'cohort-desk.somatic-filter-preset' as const,
      version: 1 as const,
      name: 'Melanoma board',
      filter: { ...DEFAULT_SOMATIC_FILTER, tiers: ['I' as const, 'II' as const] },
    };
    expect(parseSomaticPresetFile('m.json', presetFileText(mine))).toEqual({
      ok: true,
      value: mine,
    });
    for (const p of BUILT_IN_SOMATIC_PRESET_FILES)
      expect(parseSomaticPresetFile('b.json', presetFileText(p))).toEqual({ ok: true, value: p });
    const wrong = parseSomaticPresetFile(
      'm.json',
      JSON.stringify({ ...mine, filter: { ...mine.filter, minTumourVaf: 5 } }),
    );
    expect(wrong.ok ? undefined : wrong.said).toEqual({
      key: 'presetInvalid',
      params: { file: 'm.json', field: 'filter.minTumourVaf' },
    });
    // A germline field in a somatic preset is named too.
    const germlineField = parseSomaticPresetFile(
      'm.json',
      JSON.stringify({ ...mine, filter: { ...mine.filter, maxPopAf: 0.01 } }),
    );
    expect(germlineField.ok ? undefined : germlineField.said.key).toBe('presetInvalid');
    // A germline preset given to the Somatic tab, and a somatic one to the variant table.
    const trio = BUILT_IN_PRESETS[0];
    if (trio === undefined) throw new Error('no built-in preset');
    expect(parseSomaticPresetFile('trio.json', presetFileText(trio))).toEqual({
      ok: false,
      message: 'trio.json is a germline filter preset, not a cohort-desk.somatic-filter-preset.',
      said: { key: 'presetIsGermline', params: { file: 'trio.json' } },
    });
    expect(parsePresetFile('m.json', presetFileText(mine))).toMatchObject({
      ok: false,
      said: { key: 'presetIsSomatic', params: { file: 'm.json' } },
    });
  });
});

describe('issue 16: an imported preset never replaces one already there', () => {
  const preset = (name: string, minGq: number) => ({ name, filter: { minGq } });
  it('keeps its name when free, or when the same preset is there already', () => {
    expect(importedName(preset('strict', 20), [preset('loose', 10)])).toBe('strict');
    expect(importedName(preset('Strict', 20), [preset('strict', 20)])).toBe('strict');
  });
  it('takes the first free "name (n)" when a preset of that name (any case) differs', () => {
    const mine = [preset('Strict', 30), preset('strict (2)', 40)];
    expect(importedName(preset('strict', 20), mine)).toBe('strict (3)');
    const builtIn = preset('rare disease trio', 99);
    expect(importedName(preset('Rare disease trio', 20), [builtIn])).toBe('Rare disease trio (2)');
    const long = 'x'.repeat(100);
    const named = importedName(preset(long, 20), [preset(long, 30)]);
    expect(named).toBe(`${'x'.repeat(96)} (2)`);
    expect(named.length).toBe(100);
  });
});

describe('issue 16: a shared preset file is named after its preset in any language', () => {
  it('keeps letters and digits of every script; separators, quotes and controls become "-"', () => {
    expect(presetFileName('Épilepsie stricte', 'case-filter')).toBe(
      'Épilepsie-stricte.case-filter.json',
    );
    expect(presetFileName('Lääkärin paneeli', 'case-filter')).toBe(
      'Lääkärin-paneeli.case-filter.json',
    );
    expect(presetFileName('Ελληνικά', 'somatic-filter')).toBe('Ελληνικά.somatic-filter.json');
    expect(presetFileName('../etc/passwd', 'case-filter')).toBe('etc-passwd.case-filter.json');
    expect(presetFileName('a"b:c\\d', 'case-filter')).toBe('a-b-c-d.case-filter.json');
    expect(presetFileName('***', 'case-filter')).toBe('preset.case-filter.json');
  });
});
