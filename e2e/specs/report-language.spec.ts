import { readFile } from 'node:fs/promises';
import { pdfPages } from '../../electron/main/cases/testing/pdfText';
import { toBgzf } from '../../electron/main/vcf/bgzfWriter';
import { expect, test } from '../fixtures/app';
import { CaseReviewPage } from '../pages/CaseReviewPage';
import { CaseWorkPage } from '../pages/CaseWorkPage';
import { SettingsPage } from '../pages/SettingsPage';
import { chr17ProbandVcf } from '../fixtures/probandFiles';

// Issue 22 (decision 0048): the report is written in the user's language, with English as the
// choice for sharing abroad; the preview, the HTML and the PDF follow the choice, while the
// machine-readable parts (data attributes, ids, criteria codes) stay the same in both.

const KEY = '17-43057062-T-TG';
const VCF = chr17ProbandVcf(KEY);
const FRAME = '[data-testid="report-preview-frame"]';
const HEADING = { de: 'Befund der genomischen Analyse', en: 'Genomic analysis report' };

test('issue 22: the report in German, then with English chosen, in the preview and the exported HTML and PDF', async ({
  page,
  shell,
}) => {
  test.setTimeout(180_000);
  const settings = new SettingsPage(page);
  await shell.open('settings');
  await settings.waitForForm();
  await settings.chooseLanguage('de');
  await settings.save();
  await expect(settings.documentLanguage()).toHaveAttribute('lang', 'de');

  const cases = new CaseReviewPage(page);
  const work = new CaseWorkPage(page);
  await cases.open();
  await cases.unlockVault('report language passphrase');
  await cases.startNewCase();
  await cases.fillPatient('P-LANG', 'lang-022');
  await cases.giveVcf({ name: 'proband.vcf.gz', text: toBgzf(VCF) });
  await cases.importAndOpen('lang-022');
  await cases.settled();
  await cases.tab('work').click();
  await work.candidate(KEY).click();
  // Issue 22 (decision 0058): ClinVar's review status in the user's language, its stars kept.
  await expect(work.clinvar(KEY)).toContainText('Pathogen (von einem Expertengremium geprüft, 3★)');
  for (const code of await work.suggested(KEY)) await work.accept(KEY, code).click();
  await work.confirm(KEY).click();
  await expect(work.confirmed(KEY)).toBeVisible();
  // The box is controlled by the saved case work: it shows ticked once main has stored the change
  // (Playwright's check() reads the state at once and failed under load in CI).
  await work.activate(work.reported(KEY), 'Space');
  await expect(work.reported(KEY)).toBeChecked();

  const choice = work.byTestId('report-language');
  await expect(choice).toHaveValue('app');
  await work.byTestId('report-preview-toggle').click();
  const doc = page.frameLocator(FRAME);

  for (const lang of ['de', 'en'] as const) {
    if (lang === 'en') await choice.selectOption('en');
    const other = HEADING[lang === 'de' ? 'en' : 'de'];
    await expect(doc.locator('html')).toHaveAttribute('lang', lang);
    await expect(doc.locator('body')).toContainText(HEADING[lang]);
    await expect(doc.locator('body')).not.toContainText(other);
    await expect(doc.locator(`[data-variant="${KEY}"]`)).toContainText('BRCA1');

    const html = await readFile(await (await work.save('report-html')).path(), 'utf8');
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(HEADING[lang]);
    expect(html).not.toContain(other);
    // Machine-readable parts do not move with the language.
    expect(html).toContain(`data-variant="${KEY}"`);
    expect(html).toContain('data-signoff="none"');

    const pdf = await readFile(await (await work.save('report-pdf')).path());
    const text = (await pdfPages(new Uint8Array(pdf))).join('\n');
    expect(text).toContain(HEADING[lang]);
    expect(text).not.toContain(other);
    expect(text).toContain('BRCA1');
  }
  // The screen stays in German while the report is in English.
  await expect(settings.documentLanguage()).toHaveAttribute('lang', 'de');
});
