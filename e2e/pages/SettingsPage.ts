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
}
