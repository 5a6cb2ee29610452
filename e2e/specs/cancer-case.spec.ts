import { readFile } from 'node:fs/promises';
import { strelka2Vcf } from '../../electron/main/cases/cancer/testing/somaticVcfs';
import { BUILT_IN_PRESETS } from '../../shared/cases/presets';
import { toBgzf } from '../../electron/main/vcf/bgzfWriter';
import { expect, test } from '../fixtures/app';
import { seriousAxeFindings } from '../pages/accessibility';
import { CancerCasePage } from '../pages/CancerCasePage';
import { CaseReviewPage } from '../pages/CaseReviewPage';
import { GenomeBrowserPage } from '../pages/GenomeBrowserPage';

// Issue 19 end to end in browser mode: a Strelka2 tumour-normal VCF becomes a case of kind
// "cancer"; the Somatic tab shows tumour and normal VAF apart, flags the BRAF V600E hotspot and
// proposes Tier I A for melanoma; the germline leak appears when the normal-VAF filter is cleared;
// the keyboard opens a variant's tier and the gene's lollipop plot with its table; axe passes.

const BRAF = '7-140753336-A-T';
const LEAK = '1-1014143-C-T';

test.describe('Cancer mode (issue 19)', () => {
  test('issue 19: a tumour-normal case from import to tier decision, with the lollipop plot and its table', async ({
    page,
    sandbox,
  }) => {
    test.setTimeout(180_000);
    const cases = new CaseReviewPage(page);
    const cancer = new CancerCasePage(page);
    await cases.open();
    await cases.unlockVault('cancer mode passphrase');
    await cases.startNewCase();
    await cases.fillPatient('P-019', 'tumour-019');
    await cases.giveVcf({ name: 'strelka2.somatic.vcf.gz', text: toBgzf(strelka2Vcf()) });
    await expect(cancer.kind()).toHaveValue('cancer');
    await expect(cancer.caller()).toContainText('Strelka2');
    await expect(cancer.tumour()).toHaveValue('TUMOR');
    await expect(cancer.normal()).toHaveValue('NORMAL');
    await cancer.tumourType().selectOption('SKCM');
    await cancer.purity().fill('62.5');
    await expect(cases.blocking()).toHaveCount(0);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await cases.importAndOpen('tumour-019');
    // The case list says it is a cancer case, with its type and design (issue 19).
    await expect(cancer.listKind('tumour-019')).toHaveText('Cancer: SKCM, tumour and normal');

    await expect(cancer.somaticTab()).toHaveAttribute('aria-selected', 'true');
    // Issue 19: the purity as given, in the reader's format (62.5 read "63%").
    await expect(cancer.facts()).toContainText('purity 62.5%.');
    await cancer.settled();
    await expect(cancer.row(BRAF)).toBeVisible();
    await expect(cancer.row(BRAF).getByTestId('somatic-hotspot-flag')).toContainText('BRAF V600E');
    await expect(cancer.row(BRAF).getByTestId('somatic-tier')).toHaveText('IA');
    await expect(cancer.row(BRAF).getByTestId('somatic-tumour-vaf')).toHaveText('39% (39/100)');
    await expect(cancer.row(LEAK)).toHaveCount(0);
    // The view opens on the somatic default preset (the same presets as `case variants --preset`).
    await expect(cancer.preset()).toHaveValue('somatic default');
    await cancer.preset().selectOption({ label: 'Actionable (Tier I–II)' });
    await cancer.settled();
    await expect(cancer.row(BRAF)).toBeVisible();
    await expect(cancer.rows().getByTestId('somatic-tier')).not.toContainText(['III']);
    await cancer.preset().selectOption({
      label: 'Default view',
    });
    await cancer.settled();
    await cancer.maxNormalVaf().fill('');
    await cancer.settled();
    await expect(cancer.preset()).toHaveValue('');
    await expect(cancer.row(LEAK).getByTestId('somatic-leak')).toBeVisible();
    // Issue 19: a change of tab keeps the filter the oncologist chose (it reopened on the default).
    await cancer.germlineTab().click();
    await expect(cancer.germlineView()).toBeVisible();
    await cancer.somaticTab().click();
    await cancer.settled();
    await expect(cancer.maxNormalVaf()).toHaveValue('');
    await expect(cancer.preset()).toHaveValue('');
    await expect(cancer.row(LEAK).getByTestId('somatic-leak')).toBeVisible();

    // Keyboard: focus the BRAF row's gene and open it with Enter.
    await cancer.geneButton(BRAF).focus();
    await page.keyboard.press('Enter');
    await expect(cancer.tierPanel()).toContainText('EID1409');
    await expect(cancer.lollipopPlot()).toBeVisible();
    await expect(cancer.lollipopTable()).toContainText('This patient: V600E');
    await expect(cancer.lollipopTable()).toContainText('Hotspot V600');
    await page.getByTestId('tier-save').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('tier-decision')).toContainText('Tier IA');
    await expect(cancer.row(BRAF).getByTestId('somatic-decided')).toHaveText('IA');
    expect(await seriousAxeFindings(page)).toEqual([]);

    // The federated view of the variant is the Browser's federation track (queried on request).
    await page.getByTestId('tier-browser').click();
    const browser = new GenomeBrowserPage(page);
    await expect(browser.currentLocus()).toHaveText(/chr7:140,?753,?276-140,?753,?396/);
    await expect(browser.federation()).toHaveAttribute('data-state', 'none');
    expect(sandbox.outsideRequests).toEqual([]);
  });

  test('issue 19: the Somatic tab’s filters saved as a named preset, shared as JSON and imported; a wrong file is refused, located', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const cases = new CaseReviewPage(page);
    const cancer = new CancerCasePage(page);
    await cases.open();
    await cases.unlockVault('somatic presets passphrase');
    await cases.startNewCase();
    await cases.fillPatient('P-019P', 'presets-019');
    await cases.giveVcf({ name: 'strelka2.somatic.vcf.gz', text: toBgzf(strelka2Vcf()) });
    await cancer.tumourType().selectOption('SKCM');
    await cases.importAndOpen('presets-019');
    await cancer.settled();
    await expect(cancer.preset()).toHaveValue('somatic default');

    // The oncologist's own view: tumour VAF at least 30%, saved under a name of theirs.
    await cancer.minVaf().fill('30');
    await cancer.settled();
    await expect(cancer.preset()).toHaveValue('');
    await cancer.presetName().fill('Melanoma board');
    await cancer.presetSave().click();
    await expect(cancer.presetMessage()).toHaveText('Saved as Melanoma board.');
    await expect(cancer.preset()).toHaveValue('Melanoma board');
    expect(await seriousAxeFindings(page)).toEqual([]);

    // Shared as JSON: exactly the saved preset.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      cancer.presetExport().click(),
    ]);
    expect(download.suggestedFilename()).toBe('Melanoma-board.somatic-filter.json');
    const text = await readFile(await download.path(), 'utf8');
    expect(JSON.parse(text)).toMatchObject({
      kind: 'cohort-desk.somatic-filter-preset',
      version: 1,
      name: 'Melanoma board',
      filter: { minTumourVaf: 0.3, passOnly: true, maxNormalVaf: 0.05 },
    });

    // Deleted, then the file imported again: the preset is back and applied.
    await cancer.presetDelete().click();
    await expect(cancer.preset().locator('option[value="Melanoma board"]')).toHaveCount(0);
    await cancer.preset().selectOption({ label: 'Default view' });
    await cancer.settled();
    await cancer.importPreset('Melanoma-board.somatic-filter.json', text);
    await expect(cancer.presetMessage()).toHaveText('Imported and applied Melanoma board.');
    await cancer.settled();
    await expect(cancer.preset()).toHaveValue('Melanoma board');
    await expect(cancer.minVaf()).toHaveValue('30');

    // A germline preset, and a file that stops being JSON, are refused with where and why.
    await cancer.importPreset('trio.case-filter.json', JSON.stringify(BUILT_IN_PRESETS[0]));
    await expect(cancer.presetMessage()).toHaveText(
      'trio.case-filter.json is a filter preset for germline cases; the Somatic tab takes somatic filter presets.',
    );
    await expect(cancer.presetMessage()).toHaveAttribute('role', 'alert');
    await cancer.importPreset(
      'broken.json',
      '{\n  "kind": "cohort-desk.somatic-filter-preset"\n  "x": 1\n}',
    );
    await expect(cancer.presetMessage()).toHaveText(
      'broken.json is not a Cohort Desk filter preset: it stops being JSON at line 3, column 3.',
    );
    await expect(cancer.preset()).toHaveValue('Melanoma board');
    expect(await seriousAxeFindings(page)).toEqual([]);
  });
});
