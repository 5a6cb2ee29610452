import { params as defined } from '../i18n/codedParams';
import type { CodedParams } from '../i18n/codedParams';
import type { VcfProblemCode } from './channels';
import type { VcfProblem } from './types';

/**
 * A problem's English (what `vcf check` prints) with its code and values, which the renderer words
 * in the reader's language (issue 22, decisions 0064 and 0069). Every problem the reader raises
 * has one: `ProblemList` takes nothing else.
 */
export interface Said {
  readonly message: string;
  readonly code: VcfProblemCode;
  readonly params?: CodedParams | undefined;
}

/** A `Said`; values that are undefined are left out. */
export function said(
  code: VcfProblemCode,
  message: string,
  values?: Readonly<Record<string, string | number | undefined>>,
): Said {
  return values === undefined ? { message, code } : { message, code, params: defined(values) };
}

/** The same problem with more values (the place or value the caller knows). */
export function withValues(
  s: Said,
  message: string,
  values: Readonly<Record<string, string | number | undefined>>,
): Said {
  return { message, code: s.code, params: { ...s.params, ...defined(values) } };
}

/** Where a problem is, apart from the file (which the collector knows). */
export interface ProblemAt {
  readonly line: number;
  readonly column?: string;
  readonly field?: string;
}

/**
 * How many distinct `once` keys a file's warnings are told apart by (decision 0095). A key holds
 * an INFO or FORMAT key and the problem's words, so a hostile file inventing a key or a value on
 * every line would grow the set without end; past this bound a warning is counted each time it
 * occurs (the list shown is full long before: `limit` is far below it).
 */
export const MAX_ONCE_KEYS = 4096;

/**
 * Collects problems for one file, keeping the first `limit` (a broken file can have a problem on
 * every line; a person reads the first ones) and counting the rest.
 */
export class ProblemList {
  /** Errors, up to the limit. */
  readonly items: VcfProblem[] = [];
  readonly warnings: VcfProblem[] = [];
  /** How many errors were found, including the ones past the limit. */
  count = 0;
  warningCount = 0;
  private readonly warned = new Set<string>();

  constructor(
    readonly file: string,
    readonly limit = 100,
  ) {}

  /** Records one error at a place. */
  add(at: ProblemAt, what: Said): void {
    this.count++;
    if (this.items.length < this.limit) this.items.push(this.make(at, what, 'error'));
  }

  /** How many distinct `once` keys are remembered (at most MAX_ONCE_KEYS). */
  get onceKeys(): number {
    return this.warned.size;
  }

  /**
   * Records a warning; the same `once` key is warned about once per file while fewer than
   * MAX_ONCE_KEYS keys have been seen, and counted at each occurrence past that.
   */
  warn(at: ProblemAt, what: Said, once?: string): void {
    if (once !== undefined) {
      if (this.warned.has(once)) return;
      if (this.warned.size < MAX_ONCE_KEYS) this.warned.add(once);
    }
    this.warningCount++;
    if (this.warnings.length < this.limit) this.warnings.push(this.make(at, what, 'warning'));
  }

  private make(at: ProblemAt, what: Said, severity: VcfProblem['severity']): VcfProblem {
    const p: { -readonly [K in keyof VcfProblem]: VcfProblem[K] } = {
      file: this.file,
      line: at.line,
      message: what.message,
      severity,
      code: what.code,
    };
    if (what.params !== undefined && Object.keys(what.params).length > 0) p.params = what.params;
    if (at.column !== undefined && at.column !== '') p.column = at.column;
    if (at.field !== undefined) p.field = at.field;
    return p;
  }
}

/** `FILE:LINE: COLUMN FIELD: message`, the form `vcf check` prints (one problem per line). */
export function formatProblem(
  p: Pick<VcfProblem, 'file' | 'line' | 'message' | 'severity'> & {
    column?: string | undefined;
    field?: string | undefined;
  },
): string {
  const where = [p.column, p.field].filter((s): s is string => s !== undefined && s !== '');
  const prefix = where.length === 0 ? '' : `${where.join(' ')}: `;
  const severity = p.severity === 'warning' ? 'warning: ' : '';
  return `${p.file}:${String(p.line)}: ${severity}${prefix}${p.message}`;
}

// eslint-disable-next-line no-control-regex -- making control characters visible is the point
const CONTROL = /[\x00-\x1f\x7f]/g;

/** A value as a problem's params carry it: shortened, control characters made visible. */
export function cut(value: string, max = 60): string {
  const short = value.length > max ? `${value.slice(0, max)}…` : value;
  return short.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Shows a value in a message: quoted, shortened, control characters made visible. */
export function show(value: string, max = 60): string {
  return `"${cut(value, max)}"`;
}
