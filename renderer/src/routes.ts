/** The app's pages, in navigation order; the hash (#/search) says which one is open. */
export const PAGES = [
  'federation',
  'search',
  'cohorts',
  'case-review',
  'browser',
  'settings',
] as const;
export type PageId = (typeof PAGES)[number];

/** Reads the page from a location hash; unknown or empty hashes open the first page. */
export function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '');
  return (PAGES as readonly string[]).includes(id) ? (id as PageId) : 'federation';
}
