import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from './components/ErrorBoundary';
import { NavBar } from './components/NavBar';
import { NoticeList } from './components/NoticeList';
import { StatusBar } from './components/StatusBar';
import { useAppBootstrap } from './hooks/useAppBootstrap';
import { useHashRoute } from './hooks/useHashRoute';
import { useLanguage } from './hooks/useLanguage';
import { useTheme } from './hooks/useTheme';
import { PageContent } from './PageContent';

/** The app frame: skip link, navigation, the current page, notices and the status bar. */
export function App() {
  const { t } = useTranslation();
  const page = useHashRoute();
  const heading = useRef<HTMLHeadingElement>(null);
  useAppBootstrap();
  useTheme();
  useLanguage();
  // Move focus to the new page's heading so keyboard and screen-reader users land on the content.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [page]);
  return (
    <div className="app">
      <a
        className="skip-link"
        href={`#/${page}`}
        onClick={(e) => {
          e.preventDefault();
          heading.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <NavBar current={page} />
      </header>
      <main className="content" id="main" data-testid={`page-${page}`}>
        <h1 ref={heading} tabIndex={-1}>
          {t(`pages.${page}.title`)}
        </h1>
        <NoticeList />
        <ErrorBoundary resetKey={page}>
          <PageContent page={page} />
        </ErrorBoundary>
      </main>
      <StatusBar />
    </div>
  );
}
