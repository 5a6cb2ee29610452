import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../../components/download';
import { saidText } from '../../i18n/said';
import type { Parsed } from './filterFiles';
import { importedName, presetFileName, presetFileText, readChosenFile } from './filterFiles';
import { currentLocale } from '../../i18n';
import type { CasePreset } from '../../../../shared/cases/filters';
import type { SomaticPresetFile } from '../../../../shared/cancer/somaticPresets';

/**
 * A filter's own presets (issue 16; the Somatic tab's too, decision 0079): save the filter in
 * force under a name, share it as a JSON file, import one a colleague shared (checked, refused
 * with the line, the field or the other kind), and delete the saved one in force. `prefix` names
 * the test ids (`case`, `somatic`); main answers the saves and deletions (undefined: done).
 */
export function PresetFileActions<P extends CasePreset | SomaticPresetFile>(props: {
  readonly prefix: string;
  /** The filter in force as a preset (its name: the preset it is, or a default). */
  readonly here: P;
  /** The presets there already (built in and saved): an import is never saved over one. */
  readonly existing: readonly P[];
  /** The saved preset in force, offered for deletion. */
  readonly deletable: string | undefined;
  readonly fileSuffix: string;
  readonly parse: (file: string, text: string) => Parsed<P>;
  readonly save: (p: P) => Promise<string | undefined>;
  readonly remove: (name: string) => Promise<string | undefined>;
  /** A preset saved or imported: it becomes the filter in force. */
  readonly onSaved: (p: P) => void;
  readonly onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const { prefix, here } = props;
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const say = (error: boolean, text: string): void => setMessage({ error, text });
  return (
    <>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const n = name.trim();
          if (n === '') return;
          const p = { ...here, name: n };
          void props.save(p).then((error) => {
            if (error === undefined) {
              setName('');
              props.onSaved(p);
              say(false, t('caseReview.presets.savedAs', { name: n }));
            } else say(true, error);
          });
        }}
      >
        <label>
          {t('caseReview.presets.name')}
          <input
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
            data-testid={`${prefix}-preset-name`}
          />
        </label>
        <button type="submit" disabled={name.trim() === ''} data-testid={`${prefix}-preset-save`}>
          {t('caseReview.presets.save')}
        </button>
      </form>
      <button
        type="button"
        onClick={() =>
          download(
            presetFileName(here.name, props.fileSuffix),
            presetFileText(here),
            'application/json',
          )
        }
        data-testid={`${prefix}-preset-export`}
      >
        {t('caseReview.presets.export')}
      </button>
      <label className="button-like">
        {t('caseReview.presets.import')}
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          data-testid={`${prefix}-preset-import`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (input.current !== null) input.current.value = '';
            if (file === undefined) return;
            void readChosenFile(file, 'preset', currentLocale()).then(async (read) => {
              if (!read.ok) {
                say(true, saidText(read.said, t));
                return;
              }
              const parsed = props.parse(file.name, read.value);
              if (!parsed.ok) {
                say(true, saidText(parsed.said, t));
                return;
              }
              const name = importedName(parsed.value, props.existing);
              const p = { ...parsed.value, name };
              const error = await props.save(p);
              if (error !== undefined) say(true, error);
              else {
                props.onSaved(p);
                say(
                  false,
                  name === parsed.value.name
                    ? t('caseReview.presets.imported', { name })
                    : t('caseReview.presets.importedRenamed', { name, given: parsed.value.name }),
                );
              }
            });
          }}
        />
      </label>
      {props.deletable === undefined ? null : (
        <button
          type="button"
          onClick={() => {
            const gone = props.deletable;
            if (gone === undefined) return;
            void props
              .remove(gone)
              .then((error) => (error === undefined ? props.onDeleted() : say(true, error)));
          }}
          data-testid={`${prefix}-preset-delete`}
        >
          {t('caseReview.presets.delete', { name: props.deletable })}
        </button>
      )}
      {message === undefined ? null : (
        <p
          role={message.error ? 'alert' : 'status'}
          className={message.error ? 'form-error' : 'hint'}
          data-testid={`${prefix}-preset-message`}
        >
          {message.text}
        </p>
      )}
    </>
  );
}
