import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { AppShell } from './AppShell';

/** The Cohorts page: cache list, builder, results and the read-only SQL console. */
export class CohortsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await new AppShell(this.page).open('cohorts');
    await expect(this.page.getByTestId('cohorts-page')).toBeVisible();
  }

  datasetLoad(datasetId: string): Locator {
    return this.page.getByTestId(`cohort-load-${datasetId}`);
  }

  count(): Locator {
    return this.page.getByTestId('cohort-count');
  }

  /** Waits until every listed dataset is in the query engine (wasm start + Arrow inserts). */
  async waitLoaded(datasetIds: readonly string[]): Promise<void> {
    for (const id of datasetIds)
      await expect(this.datasetLoad(id)).toHaveAttribute('data-state', 'ready', {
        timeout: 60_000,
      });
  }

  /** Runs one statement in the SQL console and returns its cells as the console prints them. */
  async console(sql: string): Promise<string[][]> {
    const details = this.page.getByTestId('sql-console');
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
    await this.page.getByTestId('sql-input').fill(sql);
    await this.page.getByTestId('sql-run').click();
    const result = this.page.getByTestId('sql-result');
    await expect(result).toHaveAttribute('data-sql', sql);
    return result
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent)),
      );
  }

  /** Types a statement and presses Run, without waiting for a result (for refusals). */
  async submitConsole(sql: string): Promise<void> {
    await this.page.getByTestId('sql-input').fill(sql);
    await this.page.getByTestId('sql-run').click();
  }

  consoleError(): Locator {
    return this.page.getByTestId('sql-error');
  }

  /** Sets the genotype gene and sex, then counts. */
  async countCarriers(gene: string, sex: 'female' | 'male'): Promise<void> {
    await this.page.getByTestId('cohort-gene').fill(gene);
    await this.page.getByTestId('cohort-gene').blur();
    await this.page
      .getByRole('checkbox', { name: sex === 'female' ? 'Female' : 'Male', exact: true })
      .check();
    await this.page.getByTestId('cohort-run').click();
    await expect(this.page.getByTestId('cohort-results')).toHaveAttribute('data-busy', 'false');
  }

  async saveAs(name: string): Promise<void> {
    await this.page.getByTestId('cohort-name').fill(name);
    await this.page.getByTestId('cohort-save').click();
  }

  savedList(): Locator {
    return this.page.getByTestId('cohort-saved-list');
  }

  async exportCsv(): Promise<void> {
    await this.page.getByTestId('export-csv').click();
  }

  exportNote(): Locator {
    return this.page.getByTestId('export-note');
  }

  /** Browser mode has no OS key store: the vault asks for a passphrase (once per app run). */
  async unlockVault(passphrase: string): Promise<void> {
    await expect(this.page.getByTestId('cohort-cache-locked')).toBeVisible();
    await this.page.getByLabel('Vault passphrase').fill(passphrase);
    await this.page.getByTestId('vault-unlock-submit').click();
    await expect(this.page.getByTestId('cohort-cache-locked')).toHaveCount(0);
  }

  /** Checks and starts a pull from the "Pull to my cache" form. */
  async startPull(nodeId: string, datasetId: string): Promise<void> {
    await this.page.getByTestId('pull-dataset').selectOption(`${nodeId}/${datasetId}`);
    await this.page.getByTestId('pull-purpose').selectOption('clinical-care');
    await this.page.getByTestId('pull-check').click();
    await expect(this.page.getByTestId('pull-allowed')).toBeVisible();
    await this.page.getByTestId('pull-start').click();
  }

  job(datasetId: string): Locator {
    return this.page.getByTestId(`pull-job-${datasetId}`);
  }

  jobDetail(datasetId: string): Locator {
    return this.page.getByTestId(`pull-job-detail-${datasetId}`);
  }

  jobs(): Locator {
    return this.page.getByTestId('pull-jobs');
  }

  cachedDataset(datasetId: string): Locator {
    return this.page.getByTestId(`cohort-dataset-${datasetId}`);
  }

  cache(): Locator {
    return this.page.getByTestId('cohort-cache');
  }
}
