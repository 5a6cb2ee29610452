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

  /** The cache list (or the empty-cache message) at the top of the page. */
  cacheList(): Locator {
    return this.page.getByTestId('cohort-cache');
  }

  exportPanel(): Locator {
    return this.page.getByTestId('cohort-export');
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

  async exportPhenopacket(): Promise<void> {
    await this.page.getByTestId('export-phenopacket').click();
  }

  runButton(): Locator {
    return this.page.getByTestId('cohort-run');
  }

  emptyCache(): Locator {
    return this.page.getByTestId('cohort-empty');
  }

  error(): Locator {
    return this.page.getByTestId('cohort-error');
  }

  consoleResult(): Locator {
    return this.page.getByTestId('sql-result');
  }

  /** Unlocks browser mode's vault (no OS key store) with a passphrase. */
  async unlockVault(passphrase: string): Promise<void> {
    await expect(this.page.getByTestId('cohort-cache-locked')).toBeVisible();
    await this.page.getByTestId('vault-passphrase').fill(passphrase);
    await this.page.getByTestId('vault-unlock-submit').click();
    await expect(this.page.getByTestId('cohort-cache-locked')).toHaveCount(0);
  }

  /**
   * Records every label the count button shows from now on (a MutationObserver in the page), so a
   * test can tell what it said in between, not only at the end.
   */
  async recordRunLabels(): Promise<void> {
    await this.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { cohortRunLabels: string[] }).cohortRunLabels = seen;
      const note = (): void => {
        const text = document.querySelector('[data-testid="cohort-run"]')?.textContent;
        if (text !== undefined && seen.at(-1) !== text) seen.push(text);
      };
      new MutationObserver(note).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
      note();
    });
  }

  async runLabelsSeen(): Promise<string[]> {
    return this.page.evaluate(
      () => (window as unknown as { cohortRunLabels: string[] }).cohortRunLabels,
    );
  }

  plot(id: 'country' | 'phenotype'): Locator {
    return this.page.getByTestId(`cohort-plot-${id}`);
  }

  /** Opens a plot's table alternative and returns its row headers and values. */
  async plotTable(id: 'country' | 'phenotype'): Promise<string[][]> {
    await this.plot(id).locator('summary').click();
    const table = this.page.getByTestId(`cohort-plot-${id}-table`);
    await expect(table).toBeVisible();
    return table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => Array.from(r.querySelectorAll('th, td'), (c) => c.textContent)),
      );
  }

  /**
   * How a plot is drawn: the computed fill of its bars and texts against the theme's --accent and
   * --fg (resolved the same way), and the texts whose box leaves the SVG's drawing area.
   */
  async plotLook(id: 'country' | 'phenotype'): Promise<{
    barFills: string[];
    textFills: string[];
    accent: string;
    fg: string;
    outside: string[];
  }> {
    return this.plot(id).evaluate((figure) => {
      const resolve = (variable: string): string => {
        const probe = document.createElement('span');
        probe.style.color = `var(${variable})`;
        figure.append(probe);
        const colour = getComputedStyle(probe).color;
        probe.remove();
        return colour;
      };
      const svg = figure.querySelector('svg') as SVGSVGElement;
      const box = svg.viewBox.baseVal;
      const texts = Array.from(svg.querySelectorAll('text'));
      return {
        barFills: Array.from(svg.querySelectorAll('rect'), (r) => getComputedStyle(r).fill),
        textFills: texts.map((t) => getComputedStyle(t).fill),
        accent: resolve('--accent'),
        fg: resolve('--fg'),
        outside: texts
          .filter((t) => {
            const b = t.getBBox();
            return b.x < box.x || b.x + b.width > box.x + box.width;
          })
          .map((t) => t.textContent),
      };
    });
  }

  /** The cohort table's column headers and the cells of its first rendered rows. */
  async tableSample(): Promise<{ headers: string[]; rows: string[][] }> {
    const table = this.page.getByTestId('cohort-rows');
    await expect(table.locator('[role="row"]').nth(1)).toBeVisible();
    return table.evaluate((t) => ({
      headers: Array.from(t.querySelectorAll('[role="columnheader"]'), (h) => h.textContent),
      rows: Array.from(t.querySelectorAll('[role="row"]'))
        .slice(1)
        .map((r) => Array.from(r.querySelectorAll('[role="cell"]'), (c) => c.textContent)),
    }));
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

  /** Asks whether a pull is allowed for a purpose (and, for research, a disease), without starting it. */
  async checkPull(
    nodeId: string,
    datasetId: string,
    purpose: 'clinical-care' | 'research',
    disease?: string,
  ): Promise<void> {
    await this.page.getByTestId('pull-dataset').selectOption(`${nodeId}/${datasetId}`);
    await this.page.getByTestId('pull-purpose').selectOption(purpose);
    if (disease !== undefined) await this.page.getByTestId('pull-disease').fill(disease);
    await this.page.getByTestId('pull-check').click();
  }

  pullRefused(): Locator {
    return this.page.getByTestId('pull-refused');
  }

  pullAllowed(): Locator {
    return this.page.getByTestId('pull-allowed');
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
