import type { AppErrorParams, ErrorWords } from '../../../shared/appError';
import { words } from '../../../shared/appError';
import type { CodedParams } from '../../../shared/i18n/coded';

/** A coded file problem: a VCF reader's, a PED line's, the sample mapping's, a refusal's. */
export interface CodedFileProblem {
  readonly code?: string | undefined;
  readonly params?: CodedParams | undefined;
  readonly file?: string | undefined;
  readonly line?: number | undefined;
}

const PARAM_NAME = /^[a-z][A-Za-z0-9]{0,31}$/u;

/**
 * A refused case file as an `appError` key and values (decision 0063, 0100): the problem's code goes
 * as `fileProblem`, which the renderer words from its `coded.fileProblem` tree with the same values,
 * placed at the file and line when there is one; `germline` says it is a cancer case's germline VCF.
 * Undefined when the problem has no code (its English is all there is).
 */
export function fileRefusalWords(p: CodedFileProblem, germline = false): ErrorWords | undefined {
  if (p.code === undefined) return undefined;
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p.params ?? {}))
    if (PARAM_NAME.test(k) && Object.keys(values).length < 8) values[k] = v;
  const params: AppErrorParams = {
    ...values,
    fileProblem: p.code,
    ...(p.file === undefined ? {} : { file: p.file }),
    ...(p.line === undefined ? {} : { line: p.line }),
  };
  const atLine = p.file !== undefined && p.line !== undefined;
  if (germline) return words(atLine ? 'germlineRefusedAtLine' : 'germlineRefused', params);
  return words(atLine ? 'caseFileRefusedAtLine' : 'caseFileRefused', params);
}
