import { toBgzf } from '../../electron/main/vcf/bgzfWriter';
import { expect, test } from '../fixtures/app';
import type { Page } from '@playwright/test';
import type { AxeFinding } from '../pages/accessibility';
import { seriousAxeFindings } from '../pages/accessibility';
import { CaseReviewPage } from '../pages/CaseReviewPage';
import { CaseWorkPage } from '../pages/CaseWorkPage';
import { chr17ProbandVcf } from '../fixtures/probandFiles';

// Issue 18: the report is shown inside the app before it is saved or signed (decision 0046), in a
// frame with an empty sandbox fed by srcdoc: styled as it prints, and text a person or a node
// wrote (here a sign-off statement carrying a script and an onerror handler) is shown, never run.
// The diagnosis is picked from the shipped HPO annotations; its mode of inheritance and the
// clinician's assumptions give BS1's threshold (shared/acmg/bs1.ts).

const KEY = '17-43057062-T-TG';
const VCF = chr17ProbandVcf(KEY);
const FRAME = '[data-testid="report-preview-frame"]';

/** Axe on the page without the script-less frame, then on the frame's document in a page of its own. */
async function axeWithPreview(page: Page): Promise<AxeFinding[]> {
  const html = (await page.locator(FRAME).getAttribute('srcdoc')) ?? '';
  expect(html).toContain('<!doctype html>');
  const own = await page.context().newPage();
  try {
    await own.setContent(html);
    return [...(await seriousAxeFindings(page, [FRAME])), ...(await seriousAxeFindings(own))];
  } finally {
    await own.close();
  }
}

const HOSTILE =
  '<script>parent.document.title="pwned"</script><img src="x" onerror="top.document.title=\'pwned\'">';

test('issue 18: the diagnosis picked from the HPO annotations sets BS1; the report preview shows the report as saved; hostile text in it runs nothing; keyboard only', async ({
  page,
  sandbox,
}) => {
  test.setTimeout(180_000);
  const cases = new CaseReviewPage(page);
  const work = new CaseWorkPage(page);
  await cases.open();
  await cases.unlockVault('report preview passphrase');
  await cases.startNewCase();
  await cases.fillPatient('P-PREVIEW', 'preview-018');
  await cases.giveVcf({ name: 'proband.vcf.gz', text: toBgzf(VCF) });
  await cases.importAndOpen('preview-018');
  await cases.settled();
  const title = await page.title();

  await cases.tab('variants').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(cases.tab('work')).toHaveAttribute('aria-selected', 'true');
  await work.activate(work.candidate(KEY));
  for (const code of await work.suggested(KEY)) {
    await work.activate(work.accept(KEY, code));
    await expect(work.accept(KEY, code)).toHaveAttribute('aria-pressed', 'true');
  }
  await work.activate(work.confirm(KEY));
  await expect(work.confirmed(KEY)).toBeVisible();
  await work.activate(work.reported(KEY), 'Space');
  await expect(work.reported(KEY)).toBeChecked();

  // The diagnosis from the shipped HPO annotations, by keyboard: its id typed, Enter in the list.
  const bs1 = work.byTestId(`bs1-${KEY}`);
  await expect(bs1).toContainText('name the diagnosis');
  await work.type(work.byTestId('diagnosis-search'), 'OMIM:604370');
  await expect(work.byTestId('diagnosis-matches')).toContainText('1 match in HPO annotations');
  await work.tabTo(work.byTestId('diagnosis-results'));
  await page.keyboard.press('Enter');
  await expect(work.byTestId('diagnosis-label')).toHaveValue(
    'Breast-Ovarian cancer, familial, susceptibility to, 1',
  );
  // BS1 for the disease: autosomal dominant, 1/2,000 × 1 × 1 / 0.5 / 2 = 0.05 %.
  await expect(bs1).toContainText('threshold 0.05%');
  await expect(bs1).toContainText('(OMIM:604370), AD');
  // The clinician changes the penetrance to 1: 1/2,000 / 1 / 2 = 0.025 %.
  await work.tabTo(work.byTestId('bs1-penetrance'));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('1');
  await work.activate(work.byTestId('bs1-save'));
  await expect(bs1).toContainText('threshold 0.025%');
  await expect(bs1).toContainText('penetrance 1;');

  // Before sign-off: the draft, with the reported variant, styled by the report's own sheet.
  const toggle = work.byTestId('report-preview-toggle');
  await work.activate(toggle);
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const frame = work.byTestId('report-preview-frame');
  await expect(frame).toHaveAttribute('sandbox', '');
  const doc = page.frameLocator(FRAME);
  await expect(doc.locator('[data-signoff="none"]')).toBeVisible();
  await expect(doc.locator(`[data-variant="${KEY}"]`)).toContainText('BRCA1');
  await expect(doc.locator('[data-federated="not-looked-up"]')).toBeVisible();
  await expect(doc.locator('body')).toContainText(
    'Breast-Ovarian cancer, familial, susceptibility to, 1 (OMIM:604370)',
  );
  // The report's inline style applies inside the frame (the page's CSP allows inline style).
  expect(
    await doc
      .locator('th')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor),
  ).toBe('rgb(238, 238, 238)');
  expect(await axeWithPreview(page)).toEqual([]);

  // Signing off with hostile text refreshes the open preview: the text is shown as text.
  await work.type(work.byTestId('signoff-statement'), HOSTILE);
  await work.activate(work.byTestId('signoff'));
  await expect(work.byTestId('signed-off')).toContainText('Signed off by');
  await expect(doc.locator('[data-signoff="signed"]')).toBeVisible();
  await expect(doc.locator('body')).toContainText(HOSTILE);
  await expect(doc.locator('img, script, iframe, object, embed')).toHaveCount(0);
  expect(await page.title()).toBe(title);
  // A script in the frame, had one been there, could not run: the sandbox allows none.
  expect(
    await frame.evaluate((el: HTMLIFrameElement) => el.sandbox.contains('allow-scripts')),
  ).toBe(false);
  expect(await axeWithPreview(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('report-preview.png'), fullPage: true });

  await work.activate(toggle);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(frame).toHaveCount(0);
  expect(sandbox.outsideRequests).toEqual([]);
});
