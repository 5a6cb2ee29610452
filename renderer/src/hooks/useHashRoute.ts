import { useEffect, useState } from 'react';
import type { PageId } from '../routes';
import { pageFromHash } from '../routes';

/** The current page from the location hash; follows back/forward and link clicks. */
export function useHashRoute(): PageId {
  const [page, setPage] = useState<PageId>(() => pageFromHash(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setPage(pageFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return page;
}
