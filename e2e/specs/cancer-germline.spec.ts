import { GERMLINE_BRCA2, strelka2Vcf } from '../../electron/main/cases/cancer/testing/somaticVcfs';
import { toBgzf } from '../../electron/main/vcf/bgzfWriter';
import { expect, test } from '../fixtures/app';
import { seriousAxeFindings } from '../pages/accessibility';
import { CancerCasePage } from '../pages/CancerCasePage';
import { CaseReviewPage } from '../pages/CaseReviewPage';
import { CaseWorkPage } from '../pages/CaseWorkPage';

// Issue 19 end to end in browser mode: the CPSR-style predisposition view of a tumour-normal case.
// The Germline tab applies the cancer-predisposition superpanel to the normal sample, finds the
// normal's BRCA2 start-loss (Strelka2 writes no GT: zygosity from the normal's VAF), takes it into
// the ACMG/AMP evidence sheet, and the tumour-board report lists it with the confirmed class.

const KEY = GERMLINE_BRCA2.key;
const FRAME = '[data-testid="report-preview-frame"]';

test.describe('Cancer predisposition (issue 19)', () => {
  test('issue 19: the superpanel on the normal, the ACMG/AMP sheet, and the germline findings in the tumour-board report', async ({
    page,
    sandbox,
  }) => {
    test.setTimeout(180_000);
    const cases = new CaseReviewPage(page);
    const cancer = new CancerCasePage(page);
    const work = new CaseWorkPage(page);
    await cases.open();
    await cases.unlockVault('germline view passphrase');
    await cases.startNewCase();
    await cases.fillPatient('P-019G', 'germline-019');
    await cases.giveVcf({
      name: 'strelka2.germline.vcf.gz',
      text: toBgzf(strelka2Vcf({ germline: true })),
    });
    await expect(cancer.normal()).toHaveValue('NORMAL');
    await expect(cancer.germlineHelp()).toContainText('read from this normal sample');
    await cancer.tumourType().selectOption('BRCA');
    await cases.importAndOpen('germline-019');

    await cancer.germlineTab().click();
    await expect(cancer.germlineFacts()).toContainText('normal sample NORMAL: 1 variant carried');
    await expect(cancer.germlineRows()).toHaveCount(1);
    const row = cancer.germlineRow(KEY);
    await expect(row).toContainText('BRCA2');
    await expect(row).toContainText('heterozygous');
    await expect(row).toContainText('47.5%');
    await expect(row.getByTestId('germline-acmg')).toHaveAttribute('data-class', 'none');
    expect(await seriousAxeFindings(page)).toEqual([]);

    // Into the ACMG/AMP review: the sheet opens under the table with the data's suggestions.
    await cancer.germlineReview(KEY).click();
    await expect(work.review(KEY)).toBeVisible();
    const suggested = await work.suggested(KEY);
    expect(suggested).toContain('PVS1');
    for (const code of suggested) await work.accept(KEY, code).click();
    await work.confirm(KEY).click();
    await expect(work.confirmed(KEY)).toBeVisible();
    const cls = row.getByTestId('germline-acmg');
    await expect(cls).not.toHaveAttribute('data-class', /none|unconfirmed/);
    const confirmedClass = (await cls.getAttribute('data-class')) ?? '';
    expect(await seriousAxeFindings(page)).toEqual([]);

    // The tumour-board section of the report preview names the superpanel, the normal and the class.
    await page.getByTestId('case-tab-work').click();
    const toggle = work.byTestId('report-preview-toggle');
    await toggle.click();
    const doc = page.frameLocator(FRAME);
    await expect(doc.locator('#tumour-board')).toContainText('Germline findings');
    await expect(doc.locator('[data-predisposition="1"]')).toContainText(
      'applied to the normal sample NORMAL of the tumour-normal VCF',
    );
    await expect(doc.locator(`[data-germline="${KEY}"]`)).toHaveAttribute(
      'data-class',
      confirmedClass,
    );
    await expect(doc.locator(`[data-germline="${KEY}"]`)).toContainText('PVS1');
    expect(sandbox.outsideRequests).toEqual([]);
  });

  test('issue 19: a tumour-only case says predisposition is not assessed', async ({ page }) => {
    test.setTimeout(120_000);
    const cases = new CaseReviewPage(page);
    const cancer = new CancerCasePage(page);
    await cases.open();
    await cases.unlockVault('germline view passphrase');
    await cases.startNewCase();
    await cases.fillPatient('P-019T', 'tumour-only-019');
    await cases.giveVcf({
      name: 'strelka2.germline.vcf.gz',
      text: toBgzf(strelka2Vcf({ germline: true })),
    });
    await cancer.normal().selectOption('');
    await expect(cancer.germlineHelp()).toContainText('not assessed');
    await cases.importAndOpen('tumour-only-019');
    await cancer.germlineTab().click();
    await expect(page.getByTestId('germline-not-assessed')).toContainText(
      'cancer predisposition is not assessed',
    );
    await expect(cancer.germlineRows()).toHaveCount(0);
  });
});
