// The ID, QUAL and FILTER columns of a data line (VCF §1.6.1 items 3, 6, 7), checked in place.
import type { Reporter } from './record';
import { cut, said, show } from './problems';
import { firstIndexes } from './scan';
import { isFloat, toFloat } from './values';

/** Checks ID: "." or unique, non-empty identifiers without white space, separated by ";". */
export function checkIds(r: Reporter, s: string, a: number, b: number): void {
  if (b - a === 1 && s.charCodeAt(a) === 46) return;
  let semi = false;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c === 59) semi = true;
    else if (c === 32) {
      r.report(
        'ID',
        said('id-space', `${show(s.slice(a, b))} contains white space`, {
          value: cut(s.slice(a, b)),
        }),
      );
      return;
    }
  }
  if (!semi) return;
  const ids = s.slice(a, b).split(';');
  const first = ids.length > 8 ? firstIndexes(ids) : undefined;
  for (const [k, id] of ids.entries()) {
    if (id === '')
      r.report(
        'ID',
        said(
          'id-empty',
          `${show(s.slice(a, b))} has an empty identifier (";" at an end, or ";;")`,
          {
            value: cut(s.slice(a, b)),
          },
        ),
      );
    else if ((first === undefined ? ids.indexOf(id) : first.get(id)) !== k)
      r.report('ID', said('id-twice', `${show(id)} is listed twice`, { value: cut(id) }));
  }
}

/** Checks QUAL: "." or a phred score ≥ 0. */
export function checkQual(r: Reporter, s: string, a: number, b: number): void {
  if (b - a === 1 && s.charCodeAt(a) === 46) return;
  if (!isFloat(s, a, b))
    r.report(
      'QUAL',
      said('qual-invalid', `${show(s.slice(a, b))} is not a number or "."`, {
        value: cut(s.slice(a, b)),
      }),
    );
  else if (s.charCodeAt(a) === 45 && toFloat(s.slice(a, b)) < 0)
    r.report(
      'QUAL',
      said('qual-negative', `${s.slice(a, b)} is negative; QUAL is a phred score ≥ 0`, {
        value: cut(s.slice(a, b)),
      }),
    );
}

/** Checks FILTER: PASS, "." or unique filter names separated by ";". */
export function checkFilters(r: Reporter, s: string, a: number, b: number): void {
  if (b - a === 1 && s.charCodeAt(a) === 46) return;
  if (b - a === 4 && s.startsWith('PASS', a)) return;
  const text = s.slice(a, b);
  const codes = text.split(';');
  const firstCode = codes.length > 8 ? firstIndexes(codes) : undefined;
  for (const [k, c] of codes.entries()) {
    if (c === '')
      r.report(
        'FILTER',
        said('filter-empty', `${show(text)} has an empty filter (";" at an end, or ";;")`, {
          value: cut(text),
        }),
      );
    else if (c === '.')
      r.report(
        'FILTER',
        said('filter-mixed', `${show(text)} mixes "." (no filters applied) with filter names`, {
          value: cut(text),
        }),
      );
    else if (/\s/.test(c))
      r.report(
        'FILTER',
        said('filter-space', `${show(c)} contains white space`, { value: cut(c) }),
      );
    else if (c === '0')
      r.report('FILTER', said('filter-zero', '"0" is reserved and may not be a filter name'));
    else if ((firstCode === undefined ? codes.indexOf(c) : firstCode.get(c)) !== k)
      r.report('FILTER', said('filter-twice', `${show(c)} is listed twice`, { value: cut(c) }));
  }
}
