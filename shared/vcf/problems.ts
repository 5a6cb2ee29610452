import type { VcfProblem } from './types';

/** A problem's code and values beside its English (issue 22). */
export type ProblemCode = Pick<VcfProblem, 'code' | 'params'>;

/** Where a problem is, apart from the file (which the collector knows). */
export interface ProblemAt {
  readonly line: number;
  readonly column?: string;
  readonly field?: string;
}

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
  add(at: ProblemAt, message: string, coded?: ProblemCode): void {
    this.count++;
    if (this.items.length < this.limit)
      this.items.push({ ...this.make(at, message, 'error'), ...coded });
  }

  /** Records a warning; the same `once` key is warned about once per file. */
  warn(at: ProblemAt, message: string, once?: string): void {
    if (once !== undefined) {
      if (this.warned.has(once)) return;
      this.warned.add(once);
    }
    this.warningCount++;
    if (this.warnings.length < this.limit) this.warnings.push(this.make(at, message, 'warning'));
  }

  private make(at: ProblemAt, message: string, severity: VcfProblem['severity']): VcfProblem {
    const p: { -readonly [K in keyof VcfProblem]: VcfProblem[K] } = {
      file: this.file,
      line: at.line,
      message,
      severity,
    };
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

/** Shows a value in a message: quoted, shortened, control characters made visible. */
export function show(value: string, max = 60): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  // eslint-disable-next-line no-control-regex -- making control characters visible is the point
  return `"${cut.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}"`;
}
