import type { Locator, Page } from '@playwright/test';

/** What browser mode shows instead of the app: "open it from the launcher" and "it has stopped". */
export class ServiceNotice {
  constructor(readonly page: Page) {}

  launchRequired(): Locator {
    return this.page.getByTestId('launch-required');
  }

  launchProblem(): Locator {
    return this.page.getByTestId('launch-problem');
  }

  stopped(): Locator {
    return this.page.getByTestId('service-stopped');
  }

  /** Shown once the page has dropped its database, store and session. */
  stoppedCleared(): Locator {
    return this.page.getByTestId('service-stopped-cleared');
  }

  /** duckdb-wasm's workers still running in the page (the decrypted datasets live there). */
  databaseWorkers(): number {
    return this.page.workers().filter((worker) => worker.url().includes('duckdb')).length;
  }

  /** How many items the page's sessionStorage holds (the browser-mode session lives there). */
  async sessionItems(): Promise<number> {
    return this.page.evaluate(() => sessionStorage.length);
  }
}
