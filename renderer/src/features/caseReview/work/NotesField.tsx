import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Author } from '../../../../../shared/cases/author';
import { authorWords } from '../../../i18n/authorWords';
import { useFormat } from '../../../i18n/useFormat';

/** Notes, newest last, each with who and when, and a field to add one (issue 18). */
export function NotesField(props: {
  readonly id: string;
  readonly notes: readonly { text: string; by: string; author?: Author | undefined; at: string }[];
  readonly onAdd: (text: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [text, setText] = useState('');
  const inputId = `note-${props.id}`;
  return (
    <div className="case-notes">
      {props.notes.length === 0 ? null : (
        <ul data-testid={`notes-${props.id}`}>
          {props.notes.map((n, i) => (
            <li key={`${n.at}-${String(i)}`}>
              {n.text}{' '}
              <span className="hint">
                {t('caseWork.noteBy', { by: authorWords(t, n), at: f.dateTime(n.at) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={inputId}>{t('caseWork.note')}</label>
      <textarea
        id={inputId}
        value={text}
        rows={2}
        onChange={(e) => setText(e.target.value)}
        data-testid={inputId}
      />
      <button
        type="button"
        disabled={text.trim() === ''}
        onClick={() => void props.onAdd(text).then((ok) => ok && setText(''))}
        data-testid={`${inputId}-add`}
      >
        {t('caseWork.addNote')}
      </button>
    </div>
  );
}
