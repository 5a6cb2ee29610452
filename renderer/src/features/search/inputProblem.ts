import type { TFunction } from 'i18next';
import { parseGenomic } from '../../../../shared/search/parseGenomic';
import { openQueryText } from '../../../../shared/search/savedQuery';
import type { CodedParams } from '../../../../shared/i18n/coded';
import { codedText } from '../../i18n/codedText';

/** A search-input problem's code, beside main's English (issue 22, decision 0064). */
export interface InputCoded {
  readonly code: string;
  readonly params: CodedParams;
}

/**
 * Why the typed gene, region or variant is refused, in the reader's language: the renderer parses
 * the same text with the same shared parser main used, so no English crosses for it. Text that
 * parses (edited since) or a refusal of another kind shows main's message.
 */
export function genomicInputText(t: TFunction, typed: string, english: string): string {
  const parsed = parseGenomic(typed);
  return parsed.ok ? english : codedText(t, 'searchInput', parsed, english);
}

/** A saved-query file's problem as a code, read from the same text main refused. */
export function queryFileCoded(text: string, fileName: string): InputCoded | undefined {
  const r = openQueryText(text, fileName);
  return r.ok ? undefined : { code: r.code, params: r.params };
}
