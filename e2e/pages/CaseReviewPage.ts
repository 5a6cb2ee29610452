import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { AppShell } from './AppShell';
import { cancelHeldUpload } from './heldUpload';

/** A file the dialog's inputs are given, as Playwright hands it to the page. */
interface GivenFile {
  readonly name: string;
  readonly text: string | Buffer;
}
const given = (f: GivenFile, mimeType: string) => ({
  name: f.name,
  mimeType,
  buffer: Buffer.isBuffer(f.text) ? f.text : Buffer.from(f.text),
});

/** The Case review page (issues 16, 17): case list, New case dialog, variant table, Rank view. */
export class CaseReviewPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await new AppShell(this.page).open('case-review');
    await expect(this.page.getByTestId('case-review-page')).toBeVisible();
  }

  /** Unlocks browser mode's vault (no OS key store) from this page. */
  async unlockVault(passphrase: string): Promise<void> {
    await this.page.getByTestId('vault-passphrase').fill(passphrase);
    await this.page.getByTestId('vault-unlock-submit').click();
    await expect(this.page.getByTestId('case-new')).toBeEnabled();
  }

  dialog(): Locator {
    return this.page.getByTestId('new-case-dialog');
  }

  async startNewCase(): Promise<void> {
    await this.page.getByTestId('case-new').click();
    await expect(this.dialog()).toBeVisible();
  }

  async fillPatient(patientId: string, caseId: string): Promise<void> {
    await this.page.getByTestId('new-case-patient').fill(patientId);
    await this.page.getByTestId('new-case-id').fill(caseId);
  }

  async giveVcf(file: GivenFile): Promise<void> {
    await this.page.getByTestId('new-case-vcf').setInputFiles(given(file, 'application/gzip'));
    await expect(this.page.getByTestId('new-case-vcf-summary')).toBeVisible({ timeout: 30_000 });
  }

  /** The VCF's upload line (browser mode) and its Cancel button (issue 19, decision 0079). */
  vcfUpload(): Locator {
    return this.page.getByTestId('new-case-upload');
  }
  vcfUploadCancel(): Locator {
    return this.page.getByTestId('new-case-upload-cancel');
  }
  /** Gives the VCF, holds its upload, checks what `whileSent` checks and cancels it there. */
  async cancelVcfUpload(
    file: { readonly name: string; readonly text: Buffer },
    whileSent: () => Promise<unknown>,
  ): Promise<void> {
    const input = this.page.getByTestId('new-case-vcf');
    await cancelHeldUpload(this.page, input, this.vcfUploadCancel(), file, whileSent);
  }

  async givePed(file: GivenFile): Promise<void> {
    await this.page.getByTestId('new-case-ped').setInputFiles(given(file, 'text/plain'));
  }

  async givePhenopacket(file: GivenFile): Promise<void> {
    await this.page
      .getByTestId('new-case-phenopacket')
      .setInputFiles(given(file, 'application/json'));
  }

  /** Takes the PED and the Phenopacket out of the dialog again. */
  async clearPedAndPhenopacket(): Promise<void> {
    await this.page.getByTestId('new-case-ped').setInputFiles([]);
    await this.page.getByTestId('new-case-phenopacket').setInputFiles([]);
  }

  /** An import's progress, its phase as `data-phase`. */
  importJob(caseId: string): Locator {
    return this.page.getByTestId(`import-${caseId}`);
  }

  /** The located sample/member mismatches the dialog lists (warnings). */
  mismatches(): Locator {
    return this.page.getByTestId('new-case-mismatches');
  }

  /** The files' own problems (VCF, PED), located: each item's `data-place` and `data-code`. */
  fileProblems(): Locator {
    return this.page.getByTestId('new-case-file-problems');
  }

  /** Problems that block the import. */
  blocking(): Locator {
    return this.page.getByTestId('new-case-errors');
  }

  /** The PED member a VCF sample column (0-based) is linked to. */
  sampleLink(index: number): Locator {
    return this.page.getByTestId(`new-case-link-${String(index)}`);
  }

  observedTerms(): Locator {
    return this.page.getByTestId('new-case-phenotype-observed').getByRole('listitem');
  }

  importButton(): Locator {
    return this.page.getByTestId('new-case-import');
  }

  /** Starts the import and waits for it to finish, then opens the new case. */
  async importAndOpen(caseId: string): Promise<void> {
    await this.importButton().click();
    await expect(this.page.getByTestId(`import-${caseId}`)).toHaveAttribute('data-phase', 'done', {
      timeout: 60_000,
    });
    await this.page.getByTestId('new-case-open').click();
    await expect(this.page.getByTestId('case-view')).toBeVisible({ timeout: 30_000 });
  }

  caseRow(caseId: string): Locator {
    return this.page.getByTestId(`case-row-${caseId}`);
  }

  /** The kept count: data-kept and data-total attributes. */
  kept(): Locator {
    return this.page.getByTestId('case-kept');
  }

  async applyPreset(name: string): Promise<void> {
    await this.page.getByTestId('case-preset').selectOption(name);
  }

  /** What one filter step removes (data-removes), shown beside it. */
  stepCount(step: string): Locator {
    return this.page.getByTestId(`step-${step}`);
  }

  /** The custom gene list (committed when it loses focus). */
  geneList(): Locator {
    return this.page.getByTestId('filter-gene-list');
  }

  /** Reads a region list from a BED file (issue 16). */
  async giveBed(file: { name: string; text: string }): Promise<void> {
    await this.page.getByTestId('filter-bed').setInputFiles(given(file, 'text/plain'));
  }

  /** A refused gene list or BED file, with what still filters the table (issue 16). */
  listRefusal(): Locator {
    return this.page.getByTestId('filter-genes-error');
  }

  /** The note naming the gene list's symbols no variant of the case is in. */
  genesAbsent(): Locator {
    return this.page.getByTestId('filter-genes-absent');
  }

  funnel(): Locator {
    return this.page.getByTestId('case-funnel');
  }

  grid(): Locator {
    return this.page.getByTestId('case-variants');
  }

  variantRows(): Locator {
    return this.page.getByTestId('case-variant-row');
  }

  /** The table's row at a 0-based position among the kept rows (its aria-rowindex is one past the header). */
  variantRowAt(index: number): Locator {
    return this.grid().locator(
      `[data-testid="case-variant-row"][aria-rowindex="${String(index + 2)}"]`,
    );
  }

  /** The 0-based position among the kept rows of the row holding the keyboard focus (-1: none). */
  async focusedRowIndex(): Promise<number> {
    const at = await this.page.evaluate(
      () => document.activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex') ?? '0',
    );
    return Number(at) - 2;
  }

  /** A column title of the variant table (clicking it sorts). */
  columnHeader(name: string): Locator {
    return this.grid().getByRole('columnheader', { name, exact: true });
  }

  /** Waits until the table shows the current filter's answer. */
  async settled(): Promise<void> {
    await expect(this.page.getByTestId('case-table-note')).toHaveAttribute('data-busy', 'false', {
      timeout: 30_000,
    });
  }

  tab(name: 'variants' | 'rank' | 'work'): Locator {
    return this.page.getByTestId(`case-tab-${name}`);
  }

  rankStatus(): Locator {
    return this.page.getByTestId('rank-status');
  }

  rankList(): Locator {
    return this.page.getByTestId('case-rank-list');
  }

  rankedGene(symbol: string): Locator {
    return this.page.getByTestId(`rank-gene-${symbol}`);
  }

  explanation(symbol: string): Locator {
    return this.page.getByTestId(`explanation-${symbol}`);
  }

  rankChart(): Locator {
    return this.page.getByTestId('rank-chart');
  }

  /** The disclosure button that opens a ranked gene's explanation. */
  rankToggle(symbol: string): Locator {
    return this.rankedGene(symbol).locator('[data-gene-toggle]');
  }

  rankOpenInBrowser(symbol: string): Locator {
    return this.page.getByTestId(`rank-open-${symbol}`);
  }

  /** The Rank view's observed HPO terms (chips). */
  rankObservedTerms(): Locator {
    return this.page.getByTestId('rank-phenotype-observed').getByRole('listitem');
  }

  /** Waits for a finished ranking (the status says so). */
  async ranked(): Promise<void> {
    await expect(this.rankStatus()).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  }

  /** The variant table's Rank cell of a variant's row. */
  rankCell(variantKey: string): Locator {
    return this.grid().locator(`[data-variant="${variantKey}"] [aria-colindex="1"]`);
  }

  /** Deletes a case from the list, confirming in the dialog. */
  async deleteCase(caseId: string): Promise<void> {
    await this.page.getByTestId(`case-delete-${caseId}`).click();
    await expect(this.page.getByTestId('case-delete-dialog')).toBeVisible();
    await this.page.getByTestId('case-delete-confirm').click();
    await expect(this.caseRow(caseId)).toHaveCount(0);
  }

  /** Saves the listed variants as TSV and returns the file's name and text. */
  async exportVariants(): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('case-export').click();
    const file = await download;
    const path = await file.path();
    const { readFile } = await import('node:fs/promises');
    return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
  }
}
