import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Settings & audit: the settings form and the facts panel. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  form(): Locator {
    return this.page.getByTestId('settings-form');
  }

  control(key: string): Locator {
    return this.page.getByTestId(`setting-${key}`);
  }

  managedNote(key: string): Locator {
    return this.page.getByTestId(`setting-${key}-managed`);
  }

  status(): Locator {
    return this.page.getByTestId('settings-status');
  }

  error(): Locator {
    return this.page.getByTestId('settings-error');
  }

  runtime(): Locator {
    return this.page.getByTestId('app-runtime');
  }

  /** Waits until the form shows main's settings (it renders only once settings:get answered). */
  async waitForForm(): Promise<void> {
    await expect(this.form()).toBeVisible();
  }

  async chooseTheme(theme: 'system' | 'light' | 'dark'): Promise<void> {
    await this.control('theme').selectOption(theme);
  }

  /** The language setting: 'system' or a language code (issue 22). */
  async chooseLanguage(language: string): Promise<void> {
    await this.control('language').selectOption(language);
  }

  /** The document element: its lang attribute is the language the app shows (issue 22). */
  documentLanguage(): Locator {
    return this.page.locator('html');
  }

  async setDirectoryUrl(url: string): Promise<void> {
    await this.control('federationConfigUrl').fill(url);
  }

  /** What checking the directory address found (brokers and nodes), issue 13. */
  directoryFound(): Locator {
    return this.page.getByTestId('directory-found');
  }

  /** Why the directory address cannot be used, issue 13. */
  directoryFailed(): Locator {
    return this.page.getByTestId('directory-failed');
  }

  async setNodeTimeout(ms: number): Promise<void> {
    await this.control('nodeTimeoutMs').fill(String(ms));
  }

  /** Saves and waits for the app's answer: the form re-renders with main's values, or an error shows. */
  async save(): Promise<void> {
    await this.page.getByTestId('settings-save').click();
  }

  /** The theme main applied to the document (<html data-theme>). */
  documentTheme(): Locator {
    return this.page.locator('html');
  }

  /** The audit log panel (issue 13). */
  auditVerdict(): Locator {
    return this.page.getByTestId('audit-verdict');
  }

  auditBreak(): Locator {
    return this.page.getByTestId('audit-break');
  }

  auditRows(): Locator {
    return this.page.getByTestId('audit-row');
  }

  auditRow(line: number): Locator {
    return this.page.locator(`[data-testid="audit-row"][data-line="${line}"]`);
  }

  auditCount(): Locator {
    return this.page.getByTestId('audit-count');
  }

  async filterAuditByType(label: string): Promise<void> {
    await this.page.getByTestId('audit-filter-type').selectOption({ label });
  }

  async filterAuditByText(text: string): Promise<void> {
    await this.page.getByTestId('audit-filter-text').fill(text);
  }

  async clearAuditFilters(): Promise<void> {
    await this.page.getByTestId('audit-filter-clear').click();
  }

  /** Lists and verifies the log again (main recomputes the chain). */
  async verifyAuditAgain(): Promise<void> {
    await this.page.getByTestId('audit-refresh').click();
  }
}
