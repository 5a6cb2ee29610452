import { readdirSync } from 'node:fs';
import {
  brokenLine,
  GERMLINE_SAMPLE,
  germlineVcf,
  OTHER_SAMPLE,
  PATIENT_GERMLINE,
} from '../../electron/main/cases/cancer/testing/germlineVcfs';
import { mutect2Vcf } from '../../electron/main/cases/cancer/testing/somaticVcfs';
import { toBgzf } from '../../electron/main/vcf/bgzfWriter';
import { formatBytes } from '../../shared/i18n/format';
import { expect, test } from '../fixtures/app';
import { seriousAxeFindings } from '../pages/accessibility';
import { CancerCasePage } from '../pages/CancerCasePage';
import { CaseReviewPage } from '../pages/CaseReviewPage';

// Issue 19 (decision 0059) end to end in browser mode: a germline caller's VCF given beside the
// tumour VCF in New case, its sample picked by keyboard, read by the Germline tab and named in the
// tumour-board report; a germline file with a bad line is refused, located, and no case is kept.
// Both VCFs' uploads show their progress and can be cancelled (decisions 0072, 0079).

const FRAME = '[data-testid="report-preview-frame"]';
const tumour = { name: 'mutect2.tumour.vcf.gz', text: toBgzf(mutect2Vcf()) };

test.describe('A separate germline VCF (issue 19)', () => {
  test('issue 19: the germline VCF’s sample picked by keyboard, read by the Germline tab and the tumour-board report', async ({
    page,
    sandbox,
  }) => {
    test.setTimeout(180_000);
    const cases = new CaseReviewPage(page);
    const cancer = new CancerCasePage(page);
    await cases.open();
    await cases.unlockVault('germline file passphrase');
    await cases.startNewCase();
    await cases.fillPatient('P-019V', 'germline-vcf-019');
    await cases.giveVcf(tumour);
    // The tumour type is chosen while the germline file is still being sent and read: it stays.
    await cancer.giveGermlineVcfWhile({ name: 'blood.vcf.gz', text: toBgzf(germlineVcf()) }, () =>
      cancer.tumourType().selectOption('BRCA'),
    );
    await expect(cancer.tumourType()).toHaveValue('BRCA');
    await expect(cancer.germlineSummary()).toContainText(`${GERMLINE_SAMPLE}, ${OTHER_SAMPLE}`);
    // Labelled, and usable from the keyboard: the arrow keys move between the file's samples.
    const picker = page.getByLabel('Germline sample');
    await expect(picker).toHaveValue(GERMLINE_SAMPLE);
    await picker.focus();
    await page.keyboard.press('ArrowDown');
    await expect(picker).toHaveValue(OTHER_SAMPLE);
    await page.keyboard.press('ArrowUp');
    await expect(picker).toHaveValue(GERMLINE_SAMPLE);
    await expect(cancer.germlineHelp()).toContainText(
      `read from sample ${GERMLINE_SAMPLE} of the germline VCF blood.vcf.gz`,
    );
    expect(await seriousAxeFindings(page)).toEqual([]);
    await cases.importAndOpen('germline-vcf-019');

    await cancer.germlineTab().click();
    await expect(cancer.germlineFacts()).toContainText(
      `sample ${GERMLINE_SAMPLE} of the germline VCF blood.vcf.gz: 3 variants carried`,
    );
    await expect(cancer.germlineRows()).toHaveCount(PATIENT_GERMLINE.length);
    for (const v of PATIENT_GERMLINE) {
      await expect(cancer.germlineRow(v.key)).toContainText(v.gene);
      await expect(cancer.germlineRow(v.key)).toContainText(v.zygosity);
    }
    expect(await seriousAxeFindings(page)).toEqual([]);

    await page.getByTestId('case-tab-work').click();
    await page.getByTestId('report-preview-toggle').click();
    await expect(page.frameLocator(FRAME).locator('[data-predisposition="3"]')).toContainText(
      `applied to the sample ${GERMLINE_SAMPLE} of the germline VCF blood.vcf.gz`,
    );
    expect(sandbox.outsideRequests).toEqual([]);
  });

  test('issue 19: a germline VCF with a bad line is refused in New case, naming file and line; no case is kept', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const cases = new CaseReviewPage(page);
    const cancer = new CancerCasePage(page);
    await cases.open();
    await cases.unlockVault('germline file passphrase');
    await cases.startNewCase();
    await cases.fillPatient('P-019B', 'germline-bad-019');
    await cases.giveVcf(tumour);
    // The germline VCF is sent with its bytes shown, as the tumour VCF's, and can be cancelled.
    const blood = toBgzf(germlineVcf());
    await cancer.cancelGermlineUpload({ name: 'blood.vcf.gz', text: blood }, async () => {
      await expect(cancer.germlineUpload()).toContainText(`of ${formatBytes(blood.length, 'en')}.`);
      await expect(cancer.germlineUpload().getByRole('progressbar')).toBeVisible();
      expect(await seriousAxeFindings(page)).toEqual([]);
    });
    await expect(cancer.germlineUpload()).toHaveCount(0);
    await expect(cancer.germlineSummary()).toHaveCount(0);
    await expect(cancer.germlineProblems()).toHaveCount(0);
    await cancer.giveGermlineVcf({
      name: 'bad-blood.vcf.gz',
      text: toBgzf(germlineVcf({ brokenAt: 1 })),
    });
    // Main's header check reads the first records too: the bad line blocks the import, located.
    // (A bad line further in fails the import job itself: germlineFile.test.ts.)
    await expect(cancer.germlineProblems()).toContainText(
      `bad-blood.vcf.gz line ${String(brokenLine(1))}`,
    );
    await expect(cases.importButton()).toBeDisabled();
    expect(await seriousAxeFindings(page)).toEqual([]);
    // Without the germline file the tumour VCF alone could be imported; the person cancels instead.
    await page.getByTestId('new-case-germline-remove').click();
    await expect(cancer.germlineProblems()).toHaveCount(0);
    await expect(cases.importButton()).toBeEnabled();
    await cases.dialog().getByRole('button', { name: 'Cancel' }).click();
    await expect(cases.caseRow('germline-bad-019')).toHaveCount(0);
  });

  test('issue 19: the tumour VCF’s upload is cancelled: the request is aborted and nothing is kept', async ({
    page,
    app,
  }) => {
    test.setTimeout(120_000);
    const cases = new CaseReviewPage(page);
    await cases.open();
    await cases.unlockVault('tumour upload passphrase');
    await cases.startNewCase();
    await cases.fillPatient('P-019U', 'tumour-upload-019');
    const aborted: string[] = [];
    page.on('requestfailed', (request) => {
      if (new URL(request.url()).pathname === '/cases/upload') aborted.push(request.url());
    });
    await cases.cancelVcfUpload(tumour, async () => {
      await expect(cases.vcfUpload()).toContainText(`of ${formatBytes(tumour.text.length, 'en')}.`);
      await expect(cases.vcfUpload().getByRole('progressbar')).toBeVisible();
      expect(await seriousAxeFindings(page)).toEqual([]);
    });
    // The page dropped the request; main holds no file of it; the dialog has no VCF.
    await expect.poll(() => aborted.length).toBe(1);
    await expect(cases.vcfUpload()).toHaveCount(0);
    await expect(page.getByTestId('new-case-vcf-summary')).toHaveCount(0);
    await expect(page.getByTestId('new-case-errors')).toHaveCount(0);
    await expect(cases.importButton()).toBeDisabled();
    expect(readdirSync(app.services.cases.spoolDir)).toEqual([]);
    // The same file chosen again is sent whole and checked: the cancelled pick left nothing behind.
    await cases.giveVcf(tumour);
    await expect(page.getByTestId('new-case-vcf-summary')).toContainText(tumour.name);
    expect(readdirSync(app.services.cases.spoolDir)).toHaveLength(1);
  });
});
