import { toBgzf } from '../../electron/main/vcf/bgzfWriter';
import { expect, test } from '../fixtures/federation';
import { PLANTED, plantedData, servePlantedVault } from '../fixtures/plantedVault';
import { seriousAxeFindings } from '../pages/accessibility';
import { CaseReviewPage } from '../pages/CaseReviewPage';
import { CaseSeenPanel } from '../pages/CaseSeenPanel';
import { CaseWorkPage } from '../pages/CaseWorkPage';
import { BREAST_CARCINOMA, chr17ProbandVcf, probandPhenopacket } from '../fixtures/probandFiles';

// Issue 18: "seen before" shows the local cache's carriers per dataset with their zygosity and
// phenotypes beside the nodes' answers, and the ACMG sheet judges the cached datasets by what
// they declare (decision 0051): a cached hereditary cancer cohort and a cached rare-disease cohort
// of mixed phenotypes hold the BRCA1 allele at 2 of 300 and 2 of 400 (at least 0.33 % and 0.25 %,
// above the BRCA1 threshold of 0.05 %), and neither gives BS1. The cache stands in for main's vault
// (e2e/fixtures/plantedVault.ts, as the cohort and browser specs do), built by main's own writer.

const SNV = PLANTED[0]!;
const KEY = SNV.key;
const VCF = chr17ProbandVcf(KEY);
const PHENOPACKET = probandPhenopacket('cache-proband', [BREAST_CARCINOMA]);

test('issue 18: seen before lists the local cache’s carriers per dataset; cached cohorts enriched for the case give no BS1', async ({
  app,
  page,
  sandbox,
}) => {
  test.setTimeout(240_000);
  const cases = new CaseReviewPage(page);
  const seen = new CaseSeenPanel(page);
  const work = new CaseWorkPage(page);
  await cases.open();
  await cases.unlockVault('seen cache passphrase');
  await servePlantedVault(page, app.server.origin, plantedData(), {
    'SE-CA-01': 'Swedish hereditary cancer cohort',
    'FI-RD-01': 'Finnish rare disease cohort',
  });
  await page.reload();
  await cases.open();
  await expect(page.getByTestId('case-new')).toBeEnabled();
  await cases.startNewCase();
  await cases.fillPatient('P-018-CACHE', 'cache-018');
  await cases.giveVcf({ name: 'proband.vcf.gz', text: toBgzf(VCF) });
  await cases.givePhenopacket({ name: 'proband.json', text: PHENOPACKET });
  await cases.importAndOpen('cache-018');
  await cases.settled();

  await seen.tab().click();
  await expect(seen.lookupTable()).toBeEnabled();
  await seen.lookupTable().click();
  await seen.lookedUp();
  // The fixture plants two heterozygous carriers in each dataset.
  const local = seen.localCell(KEY);
  await expect(local).toContainText('FI-RD-01: 2 carriers', { timeout: 60_000 });
  await expect(local).toContainText('SE-CA-01: 2 carriers');
  await local.locator('summary').first().click();
  await expect(local).toContainText(', het (');
  expect(await seriousAxeFindings(page)).toEqual([]);

  // The diagnosis (BRCA1, AD): BS1 at 0.05 %, below what both cached cohorts hold.
  await cases.tab('work').click();
  await expect(work.view()).toBeVisible();
  await work.type(work.byTestId('diagnosis-search'), 'OMIM:604370');
  await work.tabTo(work.byTestId('diagnosis-results'));
  await page.keyboard.press('Enter');
  await expect(work.byTestId('diagnosis-label')).toHaveValue(
    'Breast-Ovarian cancer, familial, susceptibility to, 1',
  );
  await work.activate(work.candidate(KEY));
  await expect(work.review(KEY)).toBeVisible();
  await expect(work.byTestId(`bs1-${KEY}`)).toContainText('threshold 0.05%');
  const suggested = await work.suggested(KEY);
  expect(suggested).not.toContain('BS1');
  expect(suggested).not.toContain('BA1');
  const review = work.review(KEY);
  await expect(review).toContainText('Not used for BA1/BS1/PM2');
  await expect(review).toContainText('SE-CA-01 (local cache): 2 carriers of 300 individuals');
  await expect(review).toContainText('Swedish hereditary cancer cohort: enriched for BRCA1');
  await expect(review).toContainText('FI-RD-01 (local cache): 2 carriers of 400 individuals');
  await expect(review).toContainText('mixed phenotypes');
  expect(await seriousAxeFindings(page)).toEqual([]);
  expect(sandbox.outsideRequests).toEqual([]);
});
