import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Federated search: the query builder, node rows, aggregate, plot and record table. */
export class SearchPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-search').click();
    await expect(this.page.getByTestId('page-search')).toBeVisible();
  }

  genomic(): Locator {
    return this.page.getByRole('combobox', { name: 'Gene, region or variant' });
  }

  target(target: 'individuals' | 'g_variants'): Locator {
    return this.page.getByTestId(`search-target-${target}`);
  }

  run(): Locator {
    return this.page.getByTestId('search-run');
  }

  nodeRow(nodeId: string): Locator {
    return this.page.getByTestId(`search-node-${nodeId}`);
  }

  nodeRows(): Locator {
    return this.page.getByTestId('search-nodes').locator('tbody tr');
  }

  total(): Locator {
    return this.page.getByTestId('search-total');
  }

  progress(): Locator {
    return this.page.getByTestId('search-progress');
  }

  plot(): Locator {
    return this.page.getByTestId('search-plot');
  }

  recordRows(): Locator {
    return this.page.getByTestId('search-record-row');
  }

  saveButton(): Locator {
    return this.page.getByTestId('search-save');
  }

  openInput(): Locator {
    return this.page.getByTestId('search-open');
  }

  fileError(): Locator {
    return this.page.getByTestId('search-file-error');
  }

  recent(): Locator {
    return this.page.getByTestId('search-recent');
  }

  /** Types a query with the keyboard, picking the first gene suggestion when one matches. */
  async searchFor(text: string): Promise<void> {
    await this.genomic().fill(text);
    await this.run().click();
  }

  /** Waits for the app signal that every node's first answer is in (search:done). */
  async waitUntilDone(): Promise<void> {
    await expect(this.progress()).toContainText('Done:');
  }
}
