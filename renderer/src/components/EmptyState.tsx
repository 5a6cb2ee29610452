import type { ReactNode } from 'react';

/** An honest empty state: what will appear here, and why it is empty now. */
export function EmptyState(props: {
  readonly text: string;
  readonly hint?: string;
  readonly children?: ReactNode;
}) {
  return (
    <div className="empty-state" data-testid="empty-state">
      <p>{props.text}</p>
      {props.hint === undefined ? null : <p className="hint">{props.hint}</p>}
      {props.children}
    </div>
  );
}
