import type { Download, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The id the page gives a variant key in test ids (work/VariantReview.tsx). */
export const workId = (key: string): string => key.replace(/[^A-Za-z0-9-]/g, '_');

/**
 * The Case review page's "Review and report" tab (issue 18), driven by keyboard only: `tabTo`
 * presses Tab until the element has focus (so every control is proven reachable in tab order),
 * then Enter, Space or typing acts on it.
 */
export class CaseWorkPage {
  constructor(readonly page: Page) {}

  /** Presses Tab (Shift+Tab with `back`) until `target` is focused; fails after `max` presses. */
  async tabTo(target: Locator, opts: { back?: boolean; max?: number } = {}): Promise<void> {
    const key = opts.back === true ? 'Shift+Tab' : 'Tab';
    for (let i = 0; i < (opts.max ?? 400); i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await this.page.keyboard.press(key);
    }
    throw new Error(`Tab never reached ${target.toString()}`);
  }

  /** Tabs to a control and presses Enter (buttons) or Space (checkboxes). */
  async activate(target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
    await this.tabTo(target);
    await this.page.keyboard.press(key);
  }

  /** Tabs to a text field and types into it. */
  async type(target: Locator, text: string): Promise<void> {
    await this.tabTo(target);
    await this.page.keyboard.type(text);
  }

  view(): Locator {
    return this.page.getByTestId('case-work');
  }

  candidate(key: string): Locator {
    return this.page.getByTestId(`review-add-${key}`);
  }

  review(key: string): Locator {
    return this.page.getByTestId(`review-${workId(key)}`);
  }

  /**
   * Codes of the criteria still only suggested on a variant's sheet. Waits for the sheet first: it
   * is drawn once main has taken the variant into review, and reading the rows before that gave an
   * empty list, so a test confirmed a sheet main rightly refused (CI on e440d17).
   */
  async suggested(key: string): Promise<string[]> {
    const sheet = this.page.getByTestId(`sheet-${workId(key)}`);
    await expect(sheet).toBeVisible();
    return sheet
      .locator('tr[data-status="suggested"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-criterion') ?? ''));
  }

  accept(key: string, code: string): Locator {
    return this.review(key).getByTestId(`accept-${code}`);
  }

  addCriterionSelect(key: string): Locator {
    return this.review(key).getByLabel('Add a criterion');
  }

  addCriterion(key: string): Locator {
    return this.review(key).getByRole('button', { name: 'Add', exact: true });
  }

  /** The ClinVar line of a variant in review (significance, review status, stars). */
  clinvar(key: string): Locator {
    return this.page.getByTestId(`clinvar-${workId(key)}`);
  }

  /** "Update the suggestions" once data arrived after the variant was taken into review. */
  refreshSuggestions(key: string): Locator {
    return this.page.getByTestId(`refresh-suggestions-${workId(key)}`);
  }

  evaluation(key: string): Locator {
    return this.page.getByTestId(`evaluation-${workId(key)}`);
  }

  confirm(key: string): Locator {
    return this.page.getByTestId(`confirm-${workId(key)}`);
  }

  confirmed(key: string): Locator {
    return this.page.getByTestId(`confirmed-${workId(key)}`);
  }

  reported(key: string): Locator {
    return this.page.getByTestId(`reported-${workId(key)}`);
  }

  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /** Why main refused the last change (issue 22: in the app's language). */
  refusal(): Locator {
    return this.page.getByTestId('work-error');
  }

  /** Activates a file button by keyboard and returns the download. */
  async save(testId: 'report-html' | 'report-pdf' | 'report-phenopacket'): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.activate(this.byTestId(testId));
    const file = await download;
    // The status names the file in every language (issue 22: the report-language test runs in German).
    await expect(this.byTestId('report-status')).toContainText(file.suggestedFilename());
    return file;
  }
}
