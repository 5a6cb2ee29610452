import { useTranslation } from 'react-i18next';
import type { BrowserController } from '../../igv/browserController';
import type { PanelId } from '../../igv/genomeAssets';
import { PANELS } from '../../igv/genomeAssets';
import { patientFile } from '../../igv/patientFiles';
import { useStore } from '../../store';
import { cacheIsOpen } from '../../store/cacheSlice';
import { GenotypeControls } from './GenotypeControls';
import { PatientVcfInput } from './PatientVcfInput';

const PANEL_IDS = Object.keys(PANELS) as PanelId[];

/** Track switches: cohort variants and genotypes, gene panels, patient VCFs, the federation track, and the cohort colour scheme. */
export function TrackPanel({ controller }: { controller: BrowserController | undefined }) {
  const { t } = useTranslation();
  const tracks = useStore((s) => s.browserTracks);
  const add = useStore((s) => s.addBrowserTrack);
  const remove = useStore((s) => s.removeBrowserTrack);
  const colorBy = useStore((s) => s.browserColorBy);
  const setColorBy = useStore((s) => s.setBrowserColorBy);
  const cacheOpen = useStore(cacheIsOpen);
  const has = (id: string): boolean => tracks.some((x) => x.id === id);
  const toggle = (id: string, on: boolean, make: () => Parameters<typeof add>[0]): void => {
    if (on) add(make());
    else remove(id);
  };
  const cohortName = t('genomeBrowser.cohort');
  const federationName = t('genomeBrowser.federation.track');

  return (
    <aside
      className="track-panel"
      aria-label={t('genomeBrowser.tracks')}
      data-testid="browser-tracks"
    >
      <h2>{t('genomeBrowser.tracks')}</h2>
      <label>
        <input
          type="checkbox"
          checked={has('cohort')}
          disabled={!cacheOpen}
          data-testid="track-toggle-cohort"
          onChange={(e) =>
            toggle('cohort', e.target.checked, () => ({
              id: 'cohort',
              kind: 'cohort',
              name: cohortName,
            }))
          }
        />
        {cohortName}
      </label>
      {cacheOpen ? null : <p className="hint">{t('genomeBrowser.cohortUnavailable')}</p>}
      <GenotypeControls controller={controller} cacheOpen={cacheOpen} />
      <label>
        {t('genomeBrowser.colorBy')}
        <select
          value={colorBy}
          onChange={(e) => setColorBy(e.target.value === 'clinSig' ? 'clinSig' : 'consequence')}
          data-testid="browser-color-by"
        >
          <option value="consequence">{t('genomeBrowser.colorByConsequence')}</option>
          <option value="clinSig">{t('genomeBrowser.colorByClinSig')}</option>
        </select>
      </label>
      {PANEL_IDS.map((id) => {
        const name = t(`genomeBrowser.panel.${id}`);
        return (
          <label key={id}>
            <input
              type="checkbox"
              checked={has(`panel-${id}`)}
              data-testid={`track-toggle-panel-${id}`}
              onChange={(e) =>
                toggle(`panel-${id}`, e.target.checked, () => ({
                  id: `panel-${id}`,
                  kind: 'panel',
                  name,
                  source: id,
                }))
              }
            />
            {name}
          </label>
        );
      })}
      <PatientVcfInput />
      <ul className="patient-tracks">
        {tracks
          .filter((x) => x.kind === 'patientVcf')
          .map((x) => (
            <li key={x.id} data-testid="patient-track">
              {x.name}
              {patientFile(x.id) === undefined ? (
                <span className="hint">
                  {' '}
                  {t('genomeBrowser.reopen', { file: x.source ?? x.name })}
                </span>
              ) : null}
              <button
                type="button"
                aria-label={t('genomeBrowser.remove', { name: x.name })}
                onClick={() => remove(x.id)}
              >
                ✕
              </button>
            </li>
          ))}
      </ul>
      <label>
        <input
          type="checkbox"
          checked={has('federation')}
          data-testid="track-toggle-federation"
          onChange={(e) =>
            toggle('federation', e.target.checked, () => ({
              id: 'federation',
              kind: 'federation',
              name: federationName,
            }))
          }
        />
        {federationName}
      </label>
    </aside>
  );
}
