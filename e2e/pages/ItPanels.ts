import type { Locator, Page } from '@playwright/test';

/** What hospital IT checks under Settings (issue 21): the host list and the licence notices. */
export class ItPanels {
  constructor(readonly page: Page) {}

  hostRows(): Locator {
    return this.page.getByTestId('hosts-row');
  }

  /** The row of one host and port ("127.0.0.1:4401"). */
  hostRow(hostAndPort: string): Locator {
    return this.page.locator(`[data-testid="hosts-row"][data-host="${hostAndPort}"]`);
  }

  hostsNotes(): Locator {
    return this.page.getByTestId('hosts-notes');
  }

  hostsIncomplete(): Locator {
    return this.page.getByTestId('hosts-incomplete');
  }

  policySources(): Locator {
    return this.page.getByTestId('policy-sources');
  }

  async openLicences(): Promise<void> {
    await this.page.getByTestId('licences').locator('summary').first().click();
  }

  licences(): Locator {
    return this.page.getByTestId('licence');
  }

  licenceOf(packageName: string): Locator {
    return this.page.locator(`[data-package="${packageName}"]`);
  }
}
