import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFilter, PanelId } from '../../../../shared/cases/filters';
import { saidText } from '../../i18n/said';
import { withData } from '../../i18n/dataValues';
import { useStore } from '../../store';
import { parseBed, parseGenes, readChosenFile } from './filterFiles';
import { currentLocale } from '../../i18n';
import type { FilterPatch } from './filterPatch';
import { StepCount } from './StepCount';

/**
 * Gene panels (versioned, as shipped), a custom gene list (pasted or from a file) and a region
 * list (BED): panels and genes keep their union; regions are a step of their own.
 */
export function GeneFilters(props: {
  readonly filter: CaseFilter;
  readonly onChange: (patch: FilterPatch) => void;
}) {
  const { t } = useTranslation();
  const panels = useStore((s) => s.casePanels);
  const absent = useStore((s) => s.caseGenesAbsent);
  const { filter, onChange } = props;
  const [genesText, setGenesText] = useState((filter.genes ?? []).join(' '));
  const [shownGenes, setShownGenes] = useState(filter.genes);
  // Which list a refusal is about: the sentence beside it says what still filters the table.
  const [error, setError] = useState<{ text: string; list: 'genes' | 'regions' } | undefined>();
  // A preset replaces the list: show the new one.
  if (shownGenes !== filter.genes) {
    setShownGenes(filter.genes);
    setGenesText((filter.genes ?? []).join(' '));
  }
  const chosen = new Set(filter.panels ?? []);
  const setPanel = (id: PanelId, on: boolean): void => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange({ panels: next.size === 0 ? undefined : [...next] });
  };
  const commitGenes = (text: string): void => {
    if (text.trim() === '') {
      setError(undefined);
      onChange({ genes: undefined });
      return;
    }
    const parsed = parseGenes(text);
    if (!parsed.ok) setError({ text: saidText(parsed.said, t), list: 'genes' });
    else {
      setError(undefined);
      onChange({ genes: parsed.value });
    }
  };
  const readFile = async (file: File, kind: 'genes' | 'bed'): Promise<void> => {
    const read = await readChosenFile(file, kind, currentLocale());
    if (!read.ok) {
      setError({ text: saidText(read.said, t), list: kind === 'genes' ? 'genes' : 'regions' });
      return;
    }
    const text = read.value;
    if (kind === 'genes') {
      setGenesText(text.trim());
      commitGenes(text);
      return;
    }
    const bed = parseBed(file.name, text);
    if (!bed.ok) setError({ text: saidText(bed.said, t), list: 'regions' });
    else {
      setError(undefined);
      onChange({ regions: bed.value });
    }
  };
  return (
    <fieldset className="filter-group" data-testid="filter-genes">
      <legend>
        {t('caseReview.filters.genes')} <StepCount step="genes" />
      </legend>
      {panels.map((p) => (
        <label key={p.id}>
          <input
            type="checkbox"
            checked={chosen.has(p.id)}
            onChange={(e) => setPanel(p.id, e.target.checked)}
            data-testid={`filter-panel-${p.id}`}
          />
          {/* The panel's name in words; its release as the asset manifest names it (data). */}
          {withData((data) =>
            t('caseReview.filters.panel', {
              label: t(`caseReview.filters.panelName.${p.id}`),
              version: data(p.version),
              count: p.genes.length,
            }),
          )}
        </label>
      ))}
      <label htmlFor="filter-gene-list">{t('caseReview.filters.geneList')}</label>
      <textarea
        id="filter-gene-list"
        rows={2}
        value={genesText}
        placeholder="SCN1A KCNQ2 STXBP1"
        onChange={(e) => setGenesText(e.target.value)}
        onBlur={() => commitGenes(genesText)}
        {...(absent.length === 0 ? {} : { 'aria-describedby': 'filter-gene-list-absent' })}
        data-testid="filter-gene-list"
      />
      {absent.length === 0 || filter.genes === undefined ? null : (
        // Said, not silent: a symbol misspelt or renamed would otherwise just keep nothing (issue 16).
        <p id="filter-gene-list-absent" role="status" data-testid="filter-genes-absent">
          {withData((data) =>
            t('caseReview.filters.genesAbsent', {
              count: absent.length,
              genes: data(absent.join(', ')),
            }),
          )}
        </p>
      )}
      <label className="button-like">
        {t('caseReview.filters.geneFile')}
        <input
          type="file"
          accept=".txt,.tsv,.csv"
          className="visually-hidden"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f !== undefined) void readFile(f, 'genes');
          }}
        />
      </label>
      <p className="filter-subhead">
        {t('caseReview.filters.regions', { count: filter.regions?.length ?? 0 })}{' '}
        <StepCount step="regions" />
      </p>
      <label className="button-like">
        {t('caseReview.filters.bedFile')}
        <input
          type="file"
          accept=".bed,.txt"
          className="visually-hidden"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f !== undefined) void readFile(f, 'bed');
          }}
          data-testid="filter-bed"
        />
      </label>
      {filter.regions === undefined ? null : (
        <button type="button" onClick={() => onChange({ regions: undefined })}>
          {t('caseReview.filters.clearRegions')}
        </button>
      )}
      {error === undefined ? null : (
        <p role="alert" className="form-error" data-testid="filter-genes-error">
          {error.text}{' '}
          {/* Issue 16: a refused file or list changes nothing; say what still filters the table. */}
          <span data-testid="filter-list-in-force">
            {error.list === 'regions'
              ? filter.regions === undefined
                ? t('caseReview.filters.regionsNone')
                : t('caseReview.filters.regionsStill', { count: filter.regions.length })
              : filter.genes === undefined
                ? t('caseReview.filters.genesNone')
                : t('caseReview.filters.genesStill', { count: filter.genes.length })}
          </span>
        </p>
      )}
    </fieldset>
  );
}
