import { useEffect, useId, useState } from 'react';
import type { Suggestion } from '../../../../shared/search/channels';
import { useHpoLabel } from '../../i18n/useHpoLabel';

/**
 * A text input with suggestions, following the WAI-ARIA 1.2 combobox pattern: the input keeps
 * focus, arrows move the active option (aria-activedescendant), Enter picks it, Escape closes.
 */
export function Autocomplete(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly placeholder?: string;
  readonly describedBy?: string;
  readonly onChange: (value: string) => void;
  readonly onPick: (s: Suggestion) => void;
  readonly onEnter?: () => void;
  readonly fetchSuggestions: (text: string) => Promise<Suggestion[]>;
  readonly testId: string;
}) {
  const { value, fetchSuggestions } = props;
  const hpo = useHpoLabel();
  const listId = useId();
  const [items, setItems] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    let live = true;
    const text = value.trim();
    if (text === '') return;
    void fetchSuggestions(text).then((found) => {
      if (!live) return;
      setItems(found);
      setActive(-1);
    });
    return () => {
      live = false;
    };
  }, [value, fetchSuggestions]);

  const shown = open && value.trim() !== '' && items.length > 0;
  const pick = (s: Suggestion): void => {
    props.onPick(s);
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (items.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + items.length) % items.length);
    } else if (e.key === 'Enter') {
      const chosen = shown ? items[active] : undefined;
      if (chosen !== undefined) {
        e.preventDefault();
        pick(chosen);
      } else {
        setOpen(false);
        props.onEnter?.();
      }
    } else if (e.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };
  const optionId = (i: number): string => `${listId}-opt-${i}`;
  return (
    <div className="combobox">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        {...(props.describedBy === undefined ? {} : { 'aria-describedby': props.describedBy })}
        {...(shown && active >= 0 ? { 'aria-activedescendant': optionId(active) } : {})}
        placeholder={props.placeholder}
        value={value}
        data-testid={props.testId}
        onChange={(e) => {
          props.onChange(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={props.label}
        className="combobox-list"
        hidden={!shown}
      >
        {items.map((s, i) => (
          <li
            key={s.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            // mousedown, not click: the input must not lose focus (and close the list) first.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(s);
            }}
          >
            <span className="option-label">{hpo.term(s.id, s.label)}</span>{' '}
            <span className="option-detail">{s.detail}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
