import { useTranslation } from 'react-i18next';
import type { PageId } from '../routes';
import { PAGES } from '../routes';

/** The main navigation: plain links to hash routes, so Tab, Enter and screen readers just work. */
export function NavBar(props: { readonly current: PageId }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('app.mainNavigation')} className="nav">
      <ul>
        {PAGES.map((page) => (
          <li key={page}>
            <a
              href={`#/${page}`}
              aria-current={props.current === page ? 'page' : undefined}
              data-testid={`nav-${page}`}
            >
              {t(`nav.${page}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
