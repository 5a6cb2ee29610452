import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { download } from '../../components/download';
import { codedText } from '../../i18n/codedText';

/**
 * Save the query as a JSON file (a download) and open one (a file input); main validates the
 * content, so a bad file gives an error that names the file and the field.
 */
export function QueryFiles() {
  const { t } = useTranslation();
  const save = useStore((s) => s.saveSearchQuery);
  const open = useStore((s) => s.openSearchQuery);
  const error = useStore((s) => s.searchError);
  const input = useRef<HTMLInputElement>(null);
  const fileError =
    error !== undefined && error.where !== undefined && error.where !== 'genomic'
      ? error
      : undefined;
  return (
    <div className="query-files">
      <button
        type="button"
        data-testid="search-save"
        onClick={() => {
          void save().then((file) => {
            if (file === undefined) return;
            download(file.fileName, file.text, 'application/json');
          });
        }}
      >
        {t('search.files.save')}
      </button>
      <label className="button-like">
        {t('search.files.open')}
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          data-testid="search-open"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file === undefined) return;
            void file.text().then((text) => open(text, file.name));
            if (input.current !== null) input.current.value = '';
          }}
        />
      </label>
      {fileError === undefined ? null : (
        <p className="field-error" role="alert" data-testid="search-file-error">
          {codedText(t, 'searchInput', fileError.coded ?? {}, fileError.message)}
        </p>
      )}
    </div>
  );
}
