import { useState } from 'react';
import type { ControlProps } from './Field';

/**
 * A textarea for a list setting, one entry per line. The text is kept as typed (a trailing newline
 * must survive while the user types the next entry); the parent gets the cleaned list.
 */
export function ListField(props: {
  readonly control: ControlProps;
  readonly value: readonly string[];
  readonly onChange: (list: string[]) => void;
}) {
  const [text, setText] = useState<string>();
  const shown = text === undefined || props.control.disabled ? props.value.join('\n') : text;
  return (
    <textarea
      {...props.control}
      rows={3}
      value={shown}
      onChange={(e) => {
        setText(e.target.value);
        props.onChange(
          e.target.value
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        );
      }}
    />
  );
}
