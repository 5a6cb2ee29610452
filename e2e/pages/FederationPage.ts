import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The Federation page: sign-in panel, access table, nodes; and the broker's pages in a popup. */
export class FederationPage {
  constructor(readonly page: Page) {}

  /** The sign-in panel: the button, or why there is nothing to sign in to. */
  signInPanel(): Locator {
    return this.page.getByRole('region', { name: 'Sign-in' });
  }

  signInButton(): Locator {
    return this.page.getByTestId('sign-in');
  }

  signOutButton(): Locator {
    return this.page.getByTestId('sign-out');
  }

  signedInAs(): Locator {
    return this.page.getByTestId('signed-in-as');
  }

  persistence(): Locator {
    return this.page.getByTestId('session-persistence');
  }

  granularity(datasetId: string): Locator {
    return this.page.getByTestId(`granularity-${datasetId}`);
  }

  expiry(datasetId: string): Locator {
    return this.page.getByTestId(`expiry-${datasetId}`);
  }

  ignoredVisas(): Locator {
    return this.page.getByTestId('ignored-visas');
  }

  /** "Sign in as someone else": the broker asks for credentials again (issue 13). */
  switchUserButton(): Locator {
    return this.page.getByTestId('sign-in-switch-user');
  }

  /** The node list's line saying where the directory came from and how old it is. */
  directorySource(): Locator {
    return this.page.getByTestId('directory-source');
  }

  nodeList(): Locator {
    return this.page.getByTestId('node-list');
  }

  /** The node list's line naming what IT's allow-lists removed (issue 21). */
  notAllowed(): Locator {
    return this.page.getByTestId('directory-not-allowed');
  }

  /**
   * Browser mode's sign-out: the click opens the broker's end-session page in a new tab; `confirm`
   * answers "Yes, sign me out" there as the person would. Returns that tab.
   */
  async signOut(opts: { confirm: boolean }): Promise<Page> {
    const [tab] = await Promise.all([
      this.page.context().waitForEvent('page'),
      this.signOutButton().click(),
    ]);
    await expect(tab.getByRole('heading', { name: 'Sign out?' })).toBeVisible();
    if (opts.confirm) {
      await tab.getByRole('button', { name: 'Yes, sign me out' }).click();
      await expect(tab.getByRole('heading', { name: 'You are signed out' })).toBeVisible();
    }
    return tab;
  }

  /** Starts sign-in and returns the broker's authorization URL the page offers (browser mode). */
  async startSignIn(opts: { switchUser?: boolean } = {}): Promise<string> {
    await (opts.switchUser === true ? this.switchUserButton() : this.signInButton()).click();
    const link = this.page.getByTestId('open-sign-in-page');
    await expect(link).toBeVisible();
    const href = await link.getAttribute('href');
    if (href === null) throw new Error('the sign-in link has no href');
    return href;
  }

  /** Opens the broker's page from the link and completes login and consent as a person would. */
  async completeSignIn(username: string, password: string): Promise<Page> {
    const [popup] = await Promise.all([
      this.page.context().waitForEvent('page'),
      this.page.getByTestId('open-sign-in-page').click(),
    ]);
    await popup.getByLabel('Username').fill(username);
    await popup.getByLabel('Password').fill(password);
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await popup.getByRole('button', { name: 'Allow' }).click();
    await expect(
      popup.getByText('You can close this tab and return to Cohort Desk.'),
    ).toBeVisible();
    return popup;
  }
}
