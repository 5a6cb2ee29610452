import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Tags as one comma-separated field, saved on demand (issue 18). */
export function TagsField(props: {
  readonly id: string;
  readonly tags: readonly string[];
  readonly onSave: (tags: string[]) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.tags.join(', '));
  const inputId = `tags-${props.id}`;
  return (
    <div className="inline-fieldset">
      <label htmlFor={inputId}>{t('caseWork.tags')}</label>
      <input
        id={inputId}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid={inputId}
      />
      <button
        type="button"
        onClick={() =>
          props.onSave(
            text
              .split(',')
              .map((x) => x.trim())
              .filter((x) => x !== ''),
          )
        }
        data-testid={`${inputId}-save`}
      >
        {t('caseWork.saveTags')}
      </button>
    </div>
  );
}
