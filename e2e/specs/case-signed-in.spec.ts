import { readFile } from 'node:fs/promises';
import { toBgzf } from '../../electron/main/vcf/bgzfWriter';
import { expect, test } from '../fixtures/federation';
import { seriousAxeFindings } from '../pages/accessibility';
import { CaseReviewPage } from '../pages/CaseReviewPage';
import { CaseSeenPanel } from '../pages/CaseSeenPanel';
import { CaseWorkPage } from '../pages/CaseWorkPage';
import { FederationPage } from '../pages/FederationPage';
import { BREAST_CARCINOMA, chr17ProbandVcf, probandPhenopacket } from '../fixtures/probandFiles';

// Issue 18 end to end as the signed-in clinician (AUTH-01, BCN-05): signed in through the demo
// federation's own OIDC provider, the case's planted BRCA1 allele is looked up at every node at the
// clinician's granularity (counts and records, not yes/no), the ACMG sheet's frequency evidence
// (BA1/BS1/PM2) is built from the federation's answers, only from the datasets not enriched for
// the diagnosis (decision 0051), and the signed-off report carries every node, dataset,
// granularity and time. Keyboard from the case on; axe at each step; no request leaves loopback.

const KEY = '17-43057062-T-TG';
const NODES = ['FI', 'IT', 'ES', 'PT', 'SE'];
const VCF = chr17ProbandVcf(KEY);
const PHENOPACKET = probandPhenopacket('signed-proband', [BREAST_CARCINOMA]);

test('issue 18: the signed-in clinician goes from seen before to a signed-off report with the federation’s provenance', async ({
  app,
  federation,
  sandbox,
  shell,
}) => {
  test.setTimeout(300_000);
  const page = app.page;
  page.context().setDefaultTimeout(20_000);
  await shell.open('federation');
  const fedPage = new FederationPage(page);
  const authorizationUrl = new URL(await fedPage.startSignIn());
  sandbox.allowOrigin(federation.info.issuer);
  sandbox.allowOrigin(new URL(authorizationUrl.searchParams.get('redirect_uri') ?? '').origin);
  const popup = await fedPage.completeSignIn('clinician', 'demo-password');
  await popup.close();
  await expect(fedPage.signedInAs()).toContainText('Signed in as');
  expect(await seriousAxeFindings(page)).toEqual([]);

  const cases = new CaseReviewPage(page);
  const seen = new CaseSeenPanel(page);
  const work = new CaseWorkPage(page);
  await cases.open();
  await cases.unlockVault('signed in passphrase');
  await cases.startNewCase();
  await cases.fillPatient('P-018-SIGNED', 'signed-018');
  await cases.giveVcf({ name: 'proband.vcf.gz', text: toBgzf(VCF) });
  await cases.givePhenopacket({ name: 'proband.json', text: PHENOPACKET });
  await cases.importAndOpen('signed-018');
  await cases.settled();

  // Keyboard: Variants → (left arrow) Federation, Enter on "the table's variants".
  await cases.tab('variants').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(seen.tab()).toBeFocused();
  await expect(seen.lookupTable()).toBeEnabled();
  await work.activate(seen.lookupTable());
  await seen.lookedUp();
  for (const id of NODES) await expect(seen.node(id)).toHaveAttribute('data-status', 'ok');
  // Signed out, IT and SE may only say yes (case-seen.spec.ts); the clinician's grants give more:
  // no node answers yes/no only for this allele, and at least one lists its carriers as records.
  for (const id of NODES) {
    await expect(seen.cell(KEY, id)).toContainText('as of');
    await expect(seen.cell(KEY, id)).not.toContainText('yes/no only');
  }
  await expect(seen.panel()).toContainText('(records)');
  expect(await seriousAxeFindings(page)).toEqual([]);

  // Review and report: the federation's answers are the ACMG sheet's frequency evidence.
  await work.tabTo(seen.tab(), { back: true });
  await page.keyboard.press('ArrowLeft');
  await expect(cases.tab('work')).toHaveAttribute('aria-selected', 'true');
  await expect(work.view()).toBeVisible();
  // The diagnosis first (BRCA1, autosomal dominant): BS1's threshold becomes 0.05 %, below the
  // ≥ 0.53 % the clinician's counts give the allele in the hereditary cancer cohorts.
  await work.type(work.byTestId('diagnosis-search'), 'OMIM:604370');
  await expect(work.byTestId('diagnosis-matches')).toContainText('1 match in HPO annotations');
  await work.tabTo(work.byTestId('diagnosis-results'));
  await page.keyboard.press('Enter');
  await expect(work.byTestId('diagnosis-label')).toHaveValue(
    'Breast-Ovarian cancer, familial, susceptibility to, 1',
  );
  await work.activate(work.candidate(KEY));
  await expect(work.review(KEY)).toBeVisible();
  await expect(work.byTestId(`bs1-${KEY}`)).toContainText('threshold 0.05%');
  const suggested = await work.suggested(KEY);
  const sheet = page.getByTestId(`sheet-${KEY.replace(/[^A-Za-z0-9-]/g, '_')}`);
  // Issue 18 (decision 0051): the allele's carriers sit in the hereditary cancer cohorts, which
  // their nodes declare as cancer cohorts: enriched for BRCA1, so no BS1 (nor BA1) from them. They
  // are named with their frequency and why; PM2 stays, from the datasets usable for frequency.
  expect(suggested).not.toContain('BS1');
  expect(suggested).not.toContain('BA1');
  expect(suggested).toContain('PM2');
  await expect(work.review(KEY)).toContainText('Not used for BA1/BS1/PM2');
  for (const id of ['IT-CA-01', 'SE-CA-01'])
    await expect(work.review(KEY)).toContainText(`${id} at`);
  await expect(work.review(KEY)).toContainText('enriched for BRCA1 carriers');
  await expect(work.review(KEY)).toContainText('PS4: Not suggested');
  await expect(work.review(KEY)).toContainText('federation:');
  for (const id of NODES) await expect(work.review(KEY)).toContainText(`(${id}) (`);
  expect(await seriousAxeFindings(page)).toEqual([]);

  // The clinician decides every suggestion, adds a criterion by hand and confirms the class.
  for (const code of suggested) {
    await work.activate(work.accept(KEY, code));
    await expect(work.accept(KEY, code)).toHaveAttribute('aria-pressed', 'true');
  }
  // A frameshift in BRCA1, whose ClinVar assertions the sheet shows: PVS1 by the clinician's hand.
  await work.tabTo(work.addCriterionSelect(KEY));
  await page.keyboard.type('PVS1');
  await expect(work.addCriterionSelect(KEY)).toHaveValue('PVS1');
  await work.activate(work.addCriterion(KEY));
  await expect(sheet.locator('tr[data-status="suggested"]')).toHaveCount(0);
  await work.activate(work.confirm(KEY));
  await expect(work.confirmed(KEY)).toBeVisible();
  await work.activate(work.reported(KEY), 'Space');
  await expect(work.reported(KEY)).toBeChecked();
  await work.type(work.byTestId('signoff-statement'), 'Federated evidence reviewed.');
  await work.activate(work.byTestId('signoff'));
  await expect(work.byTestId('signed-off')).toContainText('Signed off by');
  expect(await seriousAxeFindings(page)).toEqual([]);

  // The report: the federation's answers per node and dataset with granularity and time.
  const html = await readFile(await (await work.save('report-html')).path(), 'utf8');
  expect(html).toContain('data-signoff="signed"');
  expect(html).toContain('P-018-SIGNED');
  expect(html).toContain(`data-variant="${KEY}"`);
  expect(html).toContain('data-federated="answers"');
  expect(html).not.toContain('Federation: not looked up.');
  // One row per node and dataset: node, dataset, granularity, carriers, individuals, time.
  const table = /<table data-federated="answers">.*?<tbody>(.*?)<\/tbody>/s.exec(html)?.[1] ?? '';
  const rows = [...table.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((r) =>
    [...(r[1] ?? '').matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1] ?? ''),
  );
  for (const id of NODES) expect(rows.some((r) => r[0]?.includes(`(${id})`))).toBe(true);
  const granularities = rows.map((r) => r[2]);
  // The granularity in the report's (English) words (issue 22): "records", never "yes/no".
  expect(granularities).toContain('records');
  expect(granularities).not.toContain('yes/no');
  for (const r of rows) {
    expect(r).toHaveLength(6);
    expect(r[5]).toMatch(/^<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d/);
  }
  // The record-level datasets name themselves and their carriers over their individuals.
  expect(rows.filter((r) => r[2] === 'records').every((r) => /^[A-Z]{2}-/.test(r[1] ?? ''))).toBe(
    true,
  );
  expect(sandbox.outsideRequests).toEqual([]);
});
