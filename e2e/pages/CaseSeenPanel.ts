import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The case's Federation tab (issue 18): seen before and patients like mine. */
export class CaseSeenPanel {
  constructor(readonly page: Page) {}

  tab(): Locator {
    return this.page.getByTestId('case-tab-seen');
  }

  panel(): Locator {
    return this.page.getByTestId('case-seen');
  }

  lookupTable(): Locator {
    return this.page.getByTestId('seen-lookup-table');
  }

  status(): Locator {
    return this.page.getByTestId('seen-status');
  }

  /** Waits until the lookup has finished (every node answered or said why not). */
  async lookedUp(): Promise<void> {
    await expect(this.status()).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
    await expect(this.status()).not.toHaveText('');
  }

  node(id: string): Locator {
    return this.page.getByTestId(`seen-node-${id}`);
  }

  row(key: string): Locator {
    return this.page.getByTestId(`seen-row-${key}`);
  }

  cell(key: string, nodeId: string): Locator {
    return this.page.getByTestId(`seen-cell-${key}-${nodeId}`);
  }

  /** The local cache's carriers of an allele (per dataset, with zygosity and phenotypes). */
  localCell(key: string): Locator {
    return this.page.getByTestId(`seen-local-${key}`);
  }

  likeGene(): Locator {
    return this.page.getByTestId('like-gene');
  }

  likeTerm(id: string): Locator {
    return this.page.getByTestId(`like-term-${id}`);
  }

  likePreviewButton(): Locator {
    return this.page.getByTestId('like-preview-open');
  }

  preview(): Locator {
    return this.page.getByTestId('like-preview');
  }

  sent(nodeId: string): Locator {
    return this.page.getByTestId(`like-sent-${nodeId}`);
  }

  send(): Locator {
    return this.page.getByTestId('like-send');
  }

  likeStatus(): Locator {
    return this.page.getByTestId('like-status');
  }

  /** The last patients-like-mine run stored with the case (issue 18), shown after reopening. */
  likeStored(): Locator {
    return this.page.getByTestId('like-stored');
  }

  likeNode(id: string): Locator {
    return this.page.getByTestId(`like-node-${id}`);
  }
}
