import { useState } from 'react';

/**
 * A number input that commits on Enter or when it loses focus (not on every keystroke, so a WGS
 * case is not filtered at "0.0" on the way to "0.01"); empty means "no limit".
 */
export function NumberField(props: {
  readonly id: string;
  readonly label: string;
  readonly value: number | undefined;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly hint?: string;
  readonly onCommit: (value: number | undefined) => void;
}) {
  const shown = props.value === undefined ? '' : String(props.value);
  const [text, setText] = useState(shown);
  const [was, setWas] = useState(shown);
  // A preset or a reset changes the value from outside: show it.
  if (shown !== was) {
    setWas(shown);
    setText(shown);
  }
  const commit = (): void => {
    const trimmed = text.trim();
    const n = Number(trimmed);
    if (trimmed === '') props.onCommit(undefined);
    else if (Number.isFinite(n) && n >= props.min && n <= props.max) props.onCommit(n);
    else setText(shown);
  };
  return (
    <div className="field number-field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        inputMode="decimal"
        min={props.min}
        max={props.max}
        step={props.step}
        value={text}
        {...(props.hint === undefined ? {} : { 'aria-describedby': `${props.id}-hint` })}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
        data-testid={props.id}
      />
      {props.hint === undefined ? null : <small id={`${props.id}-hint`}>{props.hint}</small>}
    </div>
  );
}
