import type { CasePreset, Region } from '../../../../shared/cases/filters';
import { CasePresetSchema, GeneSymbolSchema, RegionSchema } from '../../../../shared/cases/filters';
import type { z } from 'zod';
import type { SomaticPresetFile } from '../../../../shared/cancer/somaticPresets';
import { SomaticPresetFileSchema } from '../../../../shared/cancer/somaticPresets';
import type { Said } from '../../i18n/said';
import { presetNameHidden } from '../../../../shared/cases/presetName';
import { formatBytes } from '../../../../shared/i18n/format';
import { grch38Length } from '../../../../shared/vcf/assembly';
import { firstDuplicateKey } from '../../../../shared/json/duplicateKey';

/**
 * A file's content or the located reason it was refused (file, line): `said` in the reader's
 * words (issue 22), `message` the English for tests and the console.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; said: Said };

const refused = (said: Said, message: string): { ok: false; message: string; said: Said } => ({
  ok: false,
  message,
  said,
});

/** The most a BED file and a gene list may hold. */
const MAX_REGIONS = 20_000;
const MAX_GENES = 5000;

/**
 * The largest file of each kind the page reads (decision 0089): checked on the file's size before
 * a byte is read, so a 500 MB file chosen by mistake is refused at once instead of freezing the
 * page while it is read as text. Each is far above what the kind needs: 20,000 BED intervals with
 * names, 5,000 gene symbols with comments, a preset of a few KB.
 */
export const MAX_FILE_BYTES = { bed: 16_000_000, genes: 1_000_000, preset: 1_000_000 } as const;

/** A chosen file's text, or why it was not read (too large for its kind). */
export async function readChosenFile(
  file: { readonly name: string; readonly size: number; text(): Promise<string> },
  kind: keyof typeof MAX_FILE_BYTES,
  locale: string,
): Promise<Parsed<string>> {
  const max = MAX_FILE_BYTES[kind];
  if (file.size > max) {
    const size = formatBytes(max, locale);
    return refused(
      { key: 'fileTooLarge', params: { file: file.name, size } },
      `${file.name} is larger than ${size}; is it the right file?`,
    );
  }
  return { ok: true, value: await file.text() };
}

/** A BED coordinate: a plain decimal integer ("0x10", "1e3", "12.0" are not). */
const COORD = /^\d{1,10}$/;
/** A line that is an interval, not a header or a comment (for counting past the limit). */
const DATA_LINE = /^[ \t]*(?![ \t]*(?:#|track\b|browser\b))[^\s]/gm;

/**
 * A BED file's intervals (0-based start, exclusive end; track/browser/# lines skipped). Every bad
 * line is refused with its number: a silently shorter region list would hide variants. Lines are
 * read one at a time and reading stops past MAX_REGIONS (issue 16: a 50 MB file was split and
 * parsed whole on the page's thread before it was refused, freezing the page for seconds).
 */
export function parseBed(name: string, text: string): Parsed<Region[]> {
  const regions: Region[] = [];
  let from = 0;
  for (let i = 0; from <= text.length; i++) {
    const next = text.indexOf('\n', from);
    const to = next === -1 ? text.length : next;
    const line = text.slice(from, to).trim();
    from = to + 1;
    if (line === '' || /^(#|track\b|browser\b)/.test(line)) continue;
    if (regions.length === MAX_REGIONS) {
      const intervals = (text.match(DATA_LINE) ?? []).length;
      return refused(
        { key: 'bedTooMany', params: { file: name, intervals, max: MAX_REGIONS } },
        `${name} holds ${String(intervals)} intervals; at most 20,000.`,
      );
    }
    const [chrom = '', start = '', end = ''] = line.split(/\s+/);
    const parsed =
      COORD.test(start) && COORD.test(end)
        ? RegionSchema.safeParse({ chrom, start: Number(start), end: Number(end) })
        : undefined;
    if (parsed?.success !== true)
      return refused(
        { key: 'bedLine', params: { file: name, line: String(i + 1), found: line.slice(0, 80) } },
        `${name} line ${String(i + 1)}: expected "chromosome start end" on GRCh38 (1-22, X, Y, MT; start < end), found "${line.slice(0, 80)}"`,
      );
    // An interval past the chromosome's end is not GRCh38 (another assembly, or a broken file):
    // a billion-base "region" would silently stand for the whole chromosome (decision 0089).
    const length = grch38Length(parsed.data.chrom);
    if (length !== undefined && parsed.data.end > length)
      return refused(
        {
          key: 'bedPastEnd',
          params: { file: name, line: String(i + 1), chrom: chrom, length, end: parsed.data.end },
        },
        `${name} line ${String(i + 1)}: the interval ends at ${String(parsed.data.end)}, past the end of ${chrom} on GRCh38 (${String(length)}).`,
      );
    regions.push(parsed.data);
  }
  if (regions.length === 0)
    return refused({ key: 'bedEmpty', params: { file: name } }, `${name} holds no intervals.`);
  return { ok: true, value: regions };
}

/** Gene symbols from pasted text or a file: separated by spaces, commas, semicolons or lines. */
export function parseGenes(text: string): Parsed<string[]> {
  // A gene file may carry comment lines ("# epilepsy genes, 2024"): the whole line goes.
  const words = text
    .split(/\r?\n/)
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n')
    .split(/[\s,;]+/)
    .map((w) => w.trim())
    .filter((w) => w !== '');
  const bad = words.find((w) => !GeneSymbolSchema.safeParse(w).success);
  if (bad !== undefined)
    return refused(
      { key: 'notGeneSymbol', params: { text: bad.slice(0, 40) } },
      `"${bad.slice(0, 40)}" is not a gene symbol.`,
    );
  const genes = [...new Set(words)];
  if (genes.length > MAX_GENES)
    return refused(
      { key: 'genesTooMany', params: { genes: genes.length, max: MAX_GENES } },
      `${String(genes.length)} genes; at most 5,000.`,
    );
  return { ok: true, value: genes };
}

/** The preset files the app writes, and the words for one given to the other kind's view. */
const OTHER_KIND: Readonly<Record<string, 'presetIsGermline' | 'presetIsSomatic'>> = {
  'cohort-desk.case-filter-preset': 'presetIsGermline',
  'cohort-desk.somatic-filter-preset': 'presetIsSomatic',
};

/** Where JSON.parse stopped (V8 says "at position N"), as a line and column from 1. */
function jsonPlace(text: string, error: unknown): { line: number; column: number } | undefined {
  const at = error instanceof SyntaxError ? /position (\d+)/.exec(error.message) : null;
  if (at === null) return undefined;
  const before = text.slice(0, Number(at[1])).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * A shared preset file of one kind (the JSON object a saved preset is: the germline case filter's,
 * or the somatic filter's, decision 0079), checked before it is applied. A refusal is located:
 * the line and column where it stops being JSON, the field that is not valid, or the other kind.
 */
export function parsePresetFileOf<P extends { kind: string; name: string }>(
  name: string,
  text: string,
  schema: z.ZodType<P>,
  kind: P['kind'],
): Parsed<P> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error: unknown) {
    const place = jsonPlace(text, error);
    return place === undefined
      ? refused({ key: 'presetNotJson', params: { file: name } }, `${name} is not JSON.`)
      : refused(
          { key: 'presetNotJsonAt', params: { file: name, ...place } },
          `${name} is not JSON (line ${String(place.line)}, column ${String(place.column)}).`,
        );
  }
  // Decision 0095: a preset naming a key twice (two "filter" objects) is refused at the repeat,
  // not applied as whichever came last.
  const duplicate = firstDuplicateKey(text);
  if (duplicate !== undefined)
    return refused(
      {
        key: 'presetDuplicateKey',
        params: {
          file: name,
          line: duplicate.line,
          column: duplicate.column,
          key: duplicate.key.slice(0, 200),
          path: duplicate.path.slice(0, 400),
        },
      },
      `${name} names the key "${duplicate.key}" twice in one object (${duplicate.path}, line ${String(duplicate.line)}, column ${String(duplicate.column)}).`,
    );
  const other =
    typeof json === 'object' && json !== null && 'kind' in json && json.kind !== kind
      ? OTHER_KIND[String(json.kind)]
      : undefined;
  if (other !== undefined)
    return refused(
      { key: other, params: { file: name } },
      `${name} is a ${other === 'presetIsGermline' ? 'germline' : 'somatic'} filter preset, not a ${kind}.`,
    );
  const parsed = schema.safeParse(json);
  if (parsed.success) {
    // Issue 16: a text-direction override or invisible character in the name is refused where
    // it comes in, named by code point and place (main refuses it on save too: presetStore.ts).
    const hidden = presetNameHidden(parsed.data.name);
    if (hidden === undefined) return { ok: true, value: parsed.data };
    return refused(
      { key: 'presetNameHidden', params: { file: name, ...hidden } },
      `${name}: the preset's name holds ${hidden.codePoint} at character ${String(hidden.at)}, a control, text-direction or invisible character.`,
    );
  }
  const issue = parsed.error.issues[0];
  const where = issue === undefined ? '' : ` (${issue.path.join('.') || 'file'}: ${issue.message})`;
  // The reader is told which field is wrong; zod's own English stays in the message.
  const field = issue?.path.join('.') ?? '';
  return refused(
    field === ''
      ? { key: 'presetNotPreset', params: { file: name } }
      : { key: 'presetInvalid', params: { file: name, field } },
    `${name} is not a Cohort Desk filter preset${where}.`,
  );
}

/** A germline case filter's shared preset file (issue 16). */
export const parsePresetFile = (name: string, text: string): Parsed<CasePreset> =>
  parsePresetFileOf(name, text, CasePresetSchema, 'cohort-desk.case-filter-preset');

/** A somatic filter's shared preset file (issue 19, decision 0079). */
export const parseSomaticPresetFile = (name: string, text: string): Parsed<SomaticPresetFile> =>
  parsePresetFileOf(name, text, SomaticPresetFileSchema, 'cohort-desk.somatic-filter-preset');

/**
 * The file name a shared preset is saved under: its name, letters of any language kept (issue 16:
 * "Épilepsie stricte" was saved as "pilepsie-stricte", a Greek name as "preset"), and anything a
 * file system may refuse (separators, quotes, controls) as "-".
 */
export const presetFileName = (name: string, suffix: string): string =>
  `${
    name
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .replace(/^[-.]+|-+$/g, '') || 'preset'
  }.${suffix}.json`;

/** A preset as the file others import: exactly the saved object, pretty-printed. */
export const presetFileText = (preset: CasePreset | SomaticPresetFile): string =>
  `${JSON.stringify(preset, null, 2)}\n`;

const sameName = (a: string, b: string): boolean =>
  a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The name an imported preset is saved under (issue 16): its own, unless a preset of that name
 * (without regard to case, as main compares them) already exists with another filter; then the
 * first free "name (2)", "name (3)"… so that an import never replaces a preset the user saved,
 * nor is refused for a built-in's name. The same preset imported again keeps its name.
 */
export function importedName<P extends { name: string; filter: unknown }>(
  preset: P,
  existing: readonly P[],
): string {
  const clash = existing.find((p) => sameName(p.name, preset.name));
  if (clash === undefined) return preset.name;
  if (JSON.stringify(clash.filter) === JSON.stringify(preset.filter)) return clash.name;
  for (let n = 2; ; n++) {
    const suffix = ` (${String(n)})`;
    const name = `${preset.name.trim().slice(0, 100 - suffix.length)}${suffix}`;
    if (!existing.some((p) => sameName(p.name, name))) return name;
  }
}
