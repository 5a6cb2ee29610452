import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { cancelHeldUpload } from './heldUpload';

/** A cancer case (issue 19): the New case dialog's cancer fields and the Somatic tab. */
export class CancerCasePage {
  constructor(readonly page: Page) {}

  kind(): Locator {
    return this.page.getByTestId('new-case-kind');
  }
  caller(): Locator {
    return this.page.getByTestId('new-case-caller');
  }
  tumour(): Locator {
    return this.page.getByTestId('new-case-tumour');
  }
  normal(): Locator {
    return this.page.getByTestId('new-case-normal');
  }
  tumourType(): Locator {
    return this.page.getByTestId('new-case-tumour-type');
  }
  purity(): Locator {
    return this.page.getByTestId('new-case-purity');
  }
  /** The somatic view's line of the case's caller, samples, type and purity. */
  facts(): Locator {
    return this.page.getByTestId('somatic-facts');
  }
  somaticTab(): Locator {
    return this.page.getByTestId('case-tab-somatic');
  }
  view(): Locator {
    return this.page.getByTestId('somatic-view');
  }
  /** The count line; data-busy is "false" once the filter answered. */
  count(): Locator {
    return this.page.getByTestId('somatic-count');
  }
  row(variantKey: string): Locator {
    return this.page.locator(`[data-testid="somatic-row"][data-key="${variantKey}"]`);
  }
  rows(): Locator {
    return this.page.getByTestId('somatic-row');
  }
  /** The somatic view's preset (issue 19): its value is the preset's name, '' for the person's own. */
  preset(): Locator {
    return this.page.getByTestId('somatic-preset');
  }
  /** The Somatic tab's own presets (decision 0079): save, share, import, delete. */
  presetName(): Locator {
    return this.page.getByTestId('somatic-preset-name');
  }
  presetSave(): Locator {
    return this.page.getByTestId('somatic-preset-save');
  }
  presetExport(): Locator {
    return this.page.getByTestId('somatic-preset-export');
  }
  presetImport(): Locator {
    return this.page.getByTestId('somatic-preset-import');
  }
  presetDelete(): Locator {
    return this.page.getByTestId('somatic-preset-delete');
  }
  presetMessage(): Locator {
    return this.page.getByTestId('somatic-preset-message');
  }
  async importPreset(name: string, text: string): Promise<void> {
    await this.presetImport().setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
  }
  minVaf(): Locator {
    return this.page.getByTestId('somatic-min-vaf');
  }
  /** The Kind cell of a case in the case list (issue 19). */
  listKind(caseId: string): Locator {
    return this.page.getByTestId(`case-kind-${caseId}`);
  }
  maxNormalVaf(): Locator {
    return this.page.getByTestId('somatic-max-normal-vaf');
  }
  geneButton(variantKey: string): Locator {
    return this.row(variantKey).getByTestId('somatic-select');
  }
  tierPanel(): Locator {
    return this.page.getByTestId('tier-panel');
  }
  lollipopPlot(): Locator {
    return this.page.getByTestId('lollipop-plot');
  }
  lollipopTable(): Locator {
    return this.page.getByTestId('lollipop-table');
  }
  /** The federated view of the selected call (issue 19). */
  federated(): Locator {
    return this.page.getByTestId('somatic-federated');
  }
  federatedAsk(): Locator {
    return this.page.getByTestId('somatic-federated-ask');
  }
  federatedNodeRows(nodeId: string): Locator {
    return this.page.locator(`[data-testid="somatic-federated-row"][data-node="${nodeId}"]`);
  }
  /** Per node, the tumour types it does not offer (not asked: issue 19). */
  federatedNotOffered(nodeId: string): Locator {
    return this.page.locator(
      `[data-testid="somatic-federated-not-offered"] li[data-node="${nodeId}"]`,
    );
  }
  federatedRows(): Locator {
    return this.page.getByTestId('somatic-federated-row');
  }
  lollipopFederated(): Locator {
    return this.page.getByTestId('lollipop-federated-label');
  }
  async settled(): Promise<void> {
    await this.count().and(this.page.locator('[data-busy="false"]')).waitFor();
  }
  /** The Germline tab (issue 19): the predisposition superpanel on the normal sample. */
  germlineTab(): Locator {
    return this.page.getByTestId('case-tab-germline');
  }
  germlineHelp(): Locator {
    return this.page.getByTestId('new-case-germline-help');
  }
  germlineView(): Locator {
    return this.page.getByTestId('germline-view');
  }
  germlineFacts(): Locator {
    return this.page.getByTestId('germline-facts');
  }
  germlineRow(variantKey: string): Locator {
    return this.page.locator(`[data-testid="germline-row"][data-key="${variantKey}"]`);
  }
  germlineRows(): Locator {
    return this.page.getByTestId('germline-row');
  }
  germlineReview(variantKey: string): Locator {
    return this.page.getByTestId(`germline-review-${variantKey.replace(/[^A-Za-z0-9-]/g, '_')}`);
  }
  /** New case's optional germline VCF (decision 0059): given like the tumour VCF, then inspected. */
  async giveGermlineVcf(file: { readonly name: string; readonly text: Buffer }): Promise<void> {
    await this.germlineVcf().setInputFiles({
      name: file.name,
      mimeType: 'application/gzip',
      buffer: file.text,
    });
    await expect(this.germlineSummary()).toContainText(file.name, { timeout: 30_000 });
  }
  /**
   * Gives the germline VCF and runs `meanwhile` while its upload is held (issue 19: a field changed
   * while the germline file is read must stay); the upload then goes on as usual.
   */
  async giveGermlineVcfWhile(
    file: { readonly name: string; readonly text: Buffer },
    meanwhile: () => Promise<unknown>,
  ): Promise<void> {
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let arrived = (): void => undefined;
    const held = new Promise<void>((resolve) => (arrived = resolve));
    const upload = (url: URL): boolean =>
      url.pathname === '/cases/upload' && url.searchParams.get('name') === file.name;
    await this.page.route(upload, async (route) => {
      arrived();
      await released;
      await route.fallback();
    });
    await this.germlineVcf().setInputFiles({
      name: file.name,
      mimeType: 'application/gzip',
      buffer: file.text,
    });
    await held;
    await meanwhile();
    release();
    await expect(this.germlineSummary()).toContainText(file.name, { timeout: 30_000 });
    await this.page.unroute(upload);
  }
  /** The germline VCF's upload line (browser mode) and its Cancel button (issue 19). */
  germlineUpload(): Locator {
    return this.page.getByTestId('new-case-germline-upload');
  }
  germlineUploadCancel(): Locator {
    return this.page.getByTestId('new-case-germline-upload-cancel');
  }
  /**
   * Gives the germline VCF, holds its upload, checks what `whileSent` checks and cancels it there
   * (issue 19): the held request is dropped by the page, never answered.
   */
  async cancelGermlineUpload(
    file: { readonly name: string; readonly text: Buffer },
    whileSent: () => Promise<unknown>,
  ): Promise<void> {
    await cancelHeldUpload(
      this.page,
      this.germlineVcf(),
      this.germlineUploadCancel(),
      file,
      whileSent,
    );
  }
  germlineVcf(): Locator {
    return this.page.getByTestId('new-case-germline-vcf');
  }
  germlineSummary(): Locator {
    return this.page.getByTestId('new-case-germline-summary');
  }
  germlineSample(): Locator {
    return this.page.getByTestId('new-case-germline-sample');
  }
  germlineProblems(): Locator {
    return this.page.getByTestId('new-case-germline-problems');
  }
}
