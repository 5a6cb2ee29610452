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

  /** The "Detail to ask for" select (requested granularity). */
  granularity(): Locator {
    return this.page.getByTestId('search-granularity');
  }

  /** A hint under the headline, by its key (rangeWhy, perNode, distinctSeen, openWhy). */
  hint(key: string): Locator {
    return this.page.getByTestId(`search-hint-${key}`);
  }

  /** What the record rows are: the first page per dataset ("first N of M"). */
  recordCoverage(): Locator {
    return this.page.getByTestId('search-records-coverage');
  }

  /** The button opening a record row's detail view (first cell), in row order. */
  recordOpeners(): Locator {
    return this.page.getByTestId('search-record-open');
  }

  recordDetails(): Locator {
    return this.page.getByTestId('search-record-details');
  }

  recordSortBy(key: string): Locator {
    return this.page.getByTestId(`search-sort-${key}`);
  }

  nodeCount(nodeId: string): Locator {
    return this.page.getByTestId(`search-node-${nodeId}-count`);
  }

  /** Adds a phenotype or disease filter by typing and picking the first suggestion. */
  async addFilter(text: string): Promise<void> {
    const box = this.page.getByRole('combobox', { name: 'Phenotype or disease' });
    await box.fill(text);
    await expect(this.page.getByRole('option').first()).toBeVisible();
    await box.press('ArrowDown');
    await box.press('Enter');
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
