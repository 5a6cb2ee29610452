import type { CaseProblem } from '../../../../shared/cases/channels';

/** A located problem: the case's own (PED, mapping) or the VCF reader's. */
export type LocatedProblem = CaseProblem & {
  column?: string | undefined;
  field?: string | undefined;
};

/** Where a problem is, as a person reads it: `family.ped line 4`, `sample "NA12878"`. */
export function problemPlace(p: LocatedProblem): string {
  const parts: string[] = [];
  if (p.file !== undefined)
    parts.push(p.line === undefined ? p.file : `${p.file} line ${String(p.line)}`);
  else if (p.line !== undefined) parts.push(`line ${String(p.line)}`);
  if (p.column !== undefined) parts.push(`column ${p.column}`);
  if (p.field !== undefined) parts.push(`field ${p.field}`);
  if (p.sample !== undefined && p.file === undefined) parts.push(`sample "${p.sample}"`);
  return parts.join(', ');
}

/** Located problems (file, line, column or field; sample or member), plainly listed. */
export function ProblemList(props: {
  readonly problems: readonly LocatedProblem[];
  readonly label: string;
  readonly testId: string;
  readonly tone: 'error' | 'warning';
}) {
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
          const place = problemPlace(p);
          return (
            <li key={`${place}-${String(i)}`} data-place={place}>
              {place === '' || p.message.startsWith(place) ? p.message : `${place}: ${p.message}`}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
