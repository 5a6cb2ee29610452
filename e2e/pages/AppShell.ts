import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { PSEUDO_LOCALE, pseudoString } from '../../shared/i18n/pseudo';

/** The app's pages in navigation order, as their hash routes name them. */
export const PAGE_IDS = [
  'federation',
  'search',
  'cohorts',
  'case-review',
  'browser',
  'settings',
] as const;
export type PageId = (typeof PAGE_IDS)[number];

/** Page headings as the English UI shows them. */
export const PAGE_TITLES: Record<PageId, string> = {
  federation: 'Federation',
  search: 'Search',
  cohorts: 'Cohorts',
  'case-review': 'Case review',
  browser: 'Browser',
  settings: 'Settings & audit',
};

/** A page's heading in `lang`, from that language's translation file (English: PAGE_TITLES). */
function pageTitle(id: PageId, lang: string): string {
  if (lang === PSEUDO_LOCALE) return pseudoString(PAGE_TITLES[id]);
  if (lang === 'en' || !/^[a-z]{2}$/.test(lang)) return PAGE_TITLES[id];
  const file = join(import.meta.dirname, '..', '..', 'renderer', 'src', 'i18n', `${lang}.json`);
  const t = JSON.parse(readFileSync(file, 'utf8')) as { pages: Record<string, { title: string }> };
  return t.pages[id]?.title ?? PAGE_TITLES[id];
}

/** The frame around every page: skip link, navigation, headings, notices and the status bar. */
export class AppShell {
  constructor(readonly page: Page) {}

  navLink(id: PageId): Locator {
    return this.page.getByTestId(`nav-${id}`);
  }

  pageRegion(id: PageId): Locator {
    return this.page.getByTestId(`page-${id}`);
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  skipLink(): Locator {
    return this.page.getByRole('link', { name: 'Skip to main content' });
  }

  /** The panel the error boundary shows when a page crashed while rendering. */
  pageCrash(): Locator {
    return this.page.getByTestId('error-boundary');
  }

  statusBar(): Locator {
    return this.page.getByTestId('status-bar');
  }

  statusMode(): Locator {
    return this.page.getByTestId('status-mode');
  }

  notices(): Locator {
    return this.page.getByTestId('notice');
  }

  /** The app signal that main answered: app:info (version) and settings have arrived. */
  async waitUntilReady(): Promise<void> {
    await expect(
      this.page.getByTestId('status-version'),
      'the app never showed its version: main did not answer app:info (see browser-mode.log)',
    ).toBeVisible();
  }

  /** Opens a page through its navigation link with the mouse and waits for its heading. */
  async open(id: PageId): Promise<void> {
    await this.navLink(id).click();
    await this.expectOnPage(id);
  }

  /**
   * Asserts the page is shown: its region, its heading (in the language the document is in, issue
   * 22) and aria-current on its link.
   */
  async expectOnPage(id: PageId): Promise<void> {
    await expect(this.pageRegion(id)).toBeVisible();
    const lang = (await this.page.locator('html').getAttribute('lang')) ?? 'en';
    await expect(this.heading()).toHaveText(pageTitle(id, lang));
    await expect(this.navLink(id)).toHaveAttribute('aria-current', 'page');
  }

  /**
   * Presses Tab (or Shift+Tab when the target comes before the focused element) until the target has
   * focus, at most `limit` times; fails if it never does.
   */
  async tabTo(target: Locator, limit = 20): Promise<void> {
    const backwards = await target.evaluate((el) => {
      const active = document.activeElement;
      if (active === null || active === document.body) return false;
      return (active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
    });
    const key = backwards ? 'Shift+Tab' : 'Tab';
    for (let i = 0; i < limit; i += 1) {
      await this.page.keyboard.press(key);
      if (await target.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error(`Focus never reached ${target.toString()} after ${limit} Tab presses`);
  }

  /** Reaches a page with the keyboard only: Tab to its nav link, then Enter. */
  async openByKeyboard(id: PageId): Promise<void> {
    await this.tabTo(this.navLink(id));
    await this.page.keyboard.press('Enter');
    await this.expectOnPage(id);
  }
}
