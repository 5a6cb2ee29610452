import { readFile } from 'node:fs/promises';
import { syntheticTrio } from '../../electron/main/cases/testing/syntheticTrio';
import { pdfPages } from '../../electron/main/cases/testing/pdfText';
import { toBgzf } from '../../electron/main/vcf/bgzfWriter';
import { expect, test } from '../fixtures/app';
import { seriousAxeFindings } from '../pages/accessibility';
import { CaseReviewPage } from '../pages/CaseReviewPage';
import { CaseWorkPage } from '../pages/CaseWorkPage';

// Issue 18 end to end in browser mode: from an open trio case to a signed-off report, keyboard
// only: the de novo SCN2A allele taken into review, its suggested ACMG criteria accepted, PVS1
// added, the class confirmed, the variant reported, a diagnosis named, the report signed off and
// saved as HTML, PDF (text and pages read back) and Phenopacket.

const PASSPHRASE = 'case report passphrase';

test('issue 18: from a case to a signed-off report, keyboard only; axe finds nothing serious', async ({
  page,
  sandbox,
}) => {
  test.setTimeout(240_000);
  const trio = syntheticTrio();
  const scn2a = trio.alleles.find(
    (a) => a.planted?.includes('de_novo') === true && a.key.startsWith('2-'),
  );
  if (scn2a === undefined) throw new Error('the trio has no planted SCN2A allele');
  const key = scn2a.key;
  const cases = new CaseReviewPage(page);
  await cases.open();
  await cases.unlockVault(PASSPHRASE);
  await cases.startNewCase();
  await cases.fillPatient('PSEUDO-18', 'trio-018');
  await cases.giveVcf({ name: 'trio.vcf.gz', text: toBgzf(trio.vcf) });
  await cases.givePed({ name: 'trio.ped', text: trio.ped });
  await cases.givePhenopacket({ name: 'proband.json', text: trio.phenopacket });
  await cases.importAndOpen('trio-018');
  await cases.settled();
  await cases.applyPreset('rare disease trio');
  await cases.settled();

  // Keyboard from here on.
  const work = new CaseWorkPage(page);
  await work.tabTo(cases.tab('variants'), { back: true });
  await page.keyboard.press('ArrowRight');
  await expect(cases.tab('rank')).toBeFocused();
  await cases.ranked();
  await page.keyboard.press('ArrowRight');
  await expect(cases.tab('work')).toHaveAttribute('aria-selected', 'true');
  await expect(work.view()).toBeVisible();

  await work.activate(work.candidate(key));
  await expect(work.review(key)).toBeVisible();
  const suggested = await work.suggested(key);
  expect(suggested).toEqual(expect.arrayContaining(['PM2', 'PM6', 'PP4']));
  await expect(work.evaluation(key)).toContainText(`${String(suggested.length)} suggestions still`);
  // Nothing is classified before the clinician decides: confirming now is refused.
  await work.activate(work.confirm(key));
  await expect(work.byTestId('work-error')).toContainText('Accept or reject');
  for (const code of suggested) {
    await work.activate(work.accept(key, code));
    await expect(work.accept(key, code)).toHaveAttribute('aria-pressed', 'true');
  }
  // PVS1 by hand: SCN2A is outside the ClinVar extract, so the sheet only noted it.
  await expect(work.review(key)).toContainText('does not cover SCN2A');
  await work.tabTo(work.addCriterionSelect(key));
  await page.keyboard.type('PVS1');
  await expect(work.addCriterionSelect(key)).toHaveValue('PVS1');
  await work.activate(work.addCriterion(key));
  await expect(work.evaluation(key)).toHaveAttribute('data-class', 'pathogenic');
  await expect(work.evaluation(key)).toContainText('12 points');
  await work.activate(work.confirm(key));
  await expect(work.confirmed(key)).toHaveAttribute('data-class', 'pathogenic');
  await work.activate(work.reported(key), 'Space');
  await expect(work.reported(key)).toBeChecked();

  await work.type(work.byTestId('diagnosis-id'), '');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('OMIM:613721');
  await work.type(work.byTestId('diagnosis-label'), '');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Developmental and epileptic encephalopathy 11');
  await work.activate(work.byTestId('diagnosis-save'));
  await work.type(work.byTestId('signoff-statement'), 'Reviewed with the trio data.');
  await work.activate(work.byTestId('signoff'));
  await expect(work.byTestId('signed-off')).toContainText('Signed off by');
  // Marking the case reviewed keeps the sign-off and records what it was reviewed against.
  await work.activate(work.byTestId('mark-reviewed'));
  await expect(work.byTestId('since-unchanged')).toBeVisible();
  await expect(work.byTestId('signed-off')).toBeVisible();
  expect(await seriousAxeFindings(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('case-report.png'), fullPage: true });

  const html = await readFile(await (await work.save('report-html')).path(), 'utf8');
  expect(html).toContain(`data-variant="${key}"`);
  expect(html).toContain('PSEUDO-18');
  expect(html).toContain('data-signoff="signed"');
  expect(html).toContain('Federation: not looked up.');

  const pdfFile = await work.save('report-pdf');
  expect(pdfFile.suggestedFilename()).toBe('trio-018-report-signed.pdf');
  const pages = await pdfPages(new Uint8Array(await readFile(await pdfFile.path())));
  await expect(work.byTestId('report-status')).toContainText(`(${String(pages.length)} pages)`);
  expect(pages.length).toBeGreaterThanOrEqual(2);
  const text = pages.join('\n');
  for (const s of ['PSEUDO-18', 'SCN2A', 'Pathogenic', 'PVS1', 'Signed off by', 'Limitations'])
    expect(text).toContain(s);

  const packet = JSON.parse(
    await readFile(await (await work.save('report-phenopacket')).path(), 'utf8'),
  ) as {
    interpretations: { diagnosis: { disease: { id: string } } }[];
  };
  expect(packet.interpretations[0]?.diagnosis.disease.id).toBe('OMIM:613721');
  expect(sandbox.outsideRequests).toEqual([]);
});
