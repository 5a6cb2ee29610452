import { useTranslation } from 'react-i18next';
import { PALETTES } from '../../igv/colors';
import { useStore } from '../../store';

/** The cohort track's colour key for the current scheme. */
export function Legend() {
  const { t } = useTranslation();
  const colorBy = useStore((s) => s.browserColorBy);
  const shown = useStore((s) => s.browserTracks.some((x) => x.kind === 'cohort'));
  if (!shown) return null;
  return (
    <figure className="browser-legend" data-testid="browser-legend">
      <figcaption>{t('genomeBrowser.legend')}</figcaption>
      <ul>
        {PALETTES[colorBy].map((p) => (
          <li key={p.key}>
            <span className="swatch" style={{ background: p.color }} aria-hidden="true" />
            {p.key.replace(/_/g, ' ')}
          </li>
        ))}
      </ul>
    </figure>
  );
}
