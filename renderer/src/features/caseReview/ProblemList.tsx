import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodedParams } from '../../../../shared/i18n/coded';
import type { VcfProblemSchema } from '../../../../shared/vcf/channels';
import type { z } from 'zod';
import { codedText } from '../../i18n/codedText';

/** A located problem: the case's own (PED, mapping), the VCF reader's, or an import's. */
export interface LocatedProblem {
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly sample?: string | undefined;
  readonly member?: string | undefined;
  readonly column?: string | undefined;
  readonly field?: string | undefined;
  readonly message: string;
  /** Worded from `coded.fileProblem` (issue 22); without one, `message` is shown as main wrote it. */
  readonly code?: string | undefined;
  readonly params?: CodedParams | undefined;
}

/** A VCF reader's problem as the dialog lists it: its place, English and code kept (issue 22). */
export const locatedVcfProblem = (p: z.infer<typeof VcfProblemSchema>): LocatedProblem => ({
  file: p.file,
  line: p.line,
  column: p.column,
  field: p.field,
  message: p.message,
  code: p.code,
  params: p.params,
});

/** Where a problem is, in the reader's words: `family.ped Zeile 4`, `Probe „NA12878“`. */
export function problemPlace(t: TFunction, p: Omit<LocatedProblem, 'message'>): string {
  const parts: string[] = [];
  const line = p.line === undefined ? undefined : String(p.line);
  if (p.file !== undefined)
    parts.push(line === undefined ? p.file : t('coded.place.fileLine', { file: p.file, line }));
  else if (line !== undefined) parts.push(t('coded.place.line', { line }));
  if (p.column !== undefined) parts.push(columnPlace(t, p.column));
  if (p.field !== undefined) parts.push(t('coded.place.field', { field: p.field }));
  if (p.sample !== undefined && p.file === undefined)
    parts.push(t('coded.place.sample', { sample: p.sample }));
  return parts.join(', ');
}

/**
 * The VCF column a problem is in: `header` (the meta-information and #CHROM lines), a sample's
 * column (`sample NA12878`, as the reader names it for the command line), or a VCF column name.
 */
function columnPlace(t: TFunction, column: string): string {
  if (column === 'header') return t('coded.place.column', { column: t('coded.place.header') });
  if (column.startsWith('sample '))
    return t('coded.place.sampleColumn', { sample: column.slice('sample '.length) });
  return t('coded.place.column', { column });
}

/** One problem as a person reads it: its place, then what is wrong in their language. */
export function problemLine(t: TFunction, p: LocatedProblem): string {
  const place = problemPlace(t, p);
  if (p.code !== undefined) {
    const text = codedText(t, 'fileProblem', p, p.message);
    return place === '' ? text : t('coded.place.at', { place, text });
  }
  // Main's English (a record's problem): its own place words when it starts with them.
  const english = problemPlaceEnglish(p);
  return place === '' || (english !== '' && p.message.startsWith(english))
    ? p.message
    : t('coded.place.at', { place, text: p.message });
}

/** The place as main's English messages write it (a few begin with it: then it is not repeated). */
function problemPlaceEnglish(p: LocatedProblem): string {
  const parts: string[] = [];
  if (p.file !== undefined)
    parts.push(p.line === undefined ? p.file : `${p.file} line ${String(p.line)}`);
  else if (p.line !== undefined) parts.push(`line ${String(p.line)}`);
  if (p.column !== undefined) parts.push(`column ${p.column}`);
  if (p.field !== undefined) parts.push(`field ${p.field}`);
  if (p.sample !== undefined && p.file === undefined) parts.push(`sample "${p.sample}"`);
  return parts.join(', ');
}

/** Marks where another program's words go in a worded sentence (never in a catalogue). */
const DETAIL_MARK = '\u2063detail\u2063';

/**
 * One problem as an element: a coded problem's `detail` (an import's unexpected failure: the
 * engine's own English) is quoted as written and marked as English data inside the sentence in
 * the reader's language (issue 22, decision 0071).
 */
function problemNode(t: TFunction, p: LocatedProblem): ReactNode {
  const detail = p.code === undefined ? undefined : p.params?.detail;
  if (typeof detail !== 'string') return problemLine(t, p);
  const marked = problemLine(t, { ...p, params: { ...p.params, detail: DETAIL_MARK } });
  // A sentence that leaves the detail out (the Phenopacket's JSON error) is shown without it.
  if (!marked.includes(DETAIL_MARK)) return marked;
  const [before = '', after = ''] = marked.split(DETAIL_MARK);
  return (
    <>
      {before}
      <q lang="en" translate="no">
        {detail}
      </q>
      {after}
    </>
  );
}

/** Located problems (file, line, column or field; sample or member), plainly listed. */
export function ProblemList(props: {
  readonly problems: readonly LocatedProblem[];
  readonly label: string;
  readonly testId: string;
  readonly tone: 'error' | 'warning';
}) {
  const { t } = useTranslation();
  if (props.problems.length === 0) return null;
  return (
    <div
      className={props.tone === 'error' ? 'problems form-error' : 'problems hint'}
      role={props.tone === 'error' ? 'alert' : 'status'}
      data-testid={props.testId}
    >
      <p>{props.label}</p>
      <ul>
        {props.problems.map((p, i) => {
          const place = problemPlace(t, p);
          return (
            <li key={`${place}-${String(i)}`} data-place={place} data-code={p.code}>
              {problemNode(t, p)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
