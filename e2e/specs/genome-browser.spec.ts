import { readFileSync } from 'node:fs';
import { expect, test } from '../fixtures/app';
import { GenomeBrowserPage } from '../pages/GenomeBrowserPage';

const VCF = [
  '##fileformat=VCFv4.2',
  '##contig=<ID=17,length=83257441>',
  '##INFO=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO',
  '17\t43045712\tv1\tG\tA\t60\tPASS\tDP=30',
  '17\t43057100\tv2\tAT\tA\t50\tPASS\tDP=22',
  '',
].join('\n');

test.describe('genome browser, offline GRCh38 (issue 8)', () => {
  test('BRCA1 from the locus box: ideogram, gene track, a panel and a patient VCF, no outside request', async ({
    page,
    sandbox,
  }) => {
    const browser = new GenomeBrowserPage(page);
    await browser.open();
    await browser.goTo('BRCA1');
    await expect(browser.currentLocus()).toHaveText(/chr17:43,?044,?295-43,?125,?364/);
    await expect(browser.trackLabel('Genes (GRCh38)')).toBeVisible();
    await expect(browser.ideogram()).toBeVisible();
    await expect.poll(() => browser.paints(browser.ideogram())).toBe(true);

    await browser.panelToggle('cancer').check();
    await expect(browser.trackLabel('Cancer predisposition (CPSR)')).toBeVisible();

    await browser.openVcf('patient.vcf', VCF);
    await expect(browser.trackLabel('patient.vcf')).toBeVisible();
    await expect(browser.error()).toHaveCount(0);

    // The autocomplete answers from the local gene table.
    await browser.locusBox().fill('TP5');
    await expect(page.getByRole('option').first()).toContainText('TP53');
    await page.screenshot({ path: test.info().outputPath('brca1.png') });
    expect(sandbox.outsideRequests).toEqual([]);
  });

  test('a malformed VCF is refused with its file and line', async ({ page, sandbox }) => {
    const browser = new GenomeBrowserPage(page);
    await browser.open();
    await browser.openVcf('bad.vcf', VCF.replace('43057100', 'forty'));
    await expect(browser.error()).toContainText(
      'bad.vcf, line 6, column POS: "forty" is not a position (a whole number ≥ 0)',
    );
    await expect(browser.trackLabel('bad.vcf')).toHaveCount(0);
    expect(sandbox.outsideRequests).toEqual([]);
  });

  test('a saved session restores locus and tracks; the view survives switching pages', async ({
    page,
    sandbox,
  }) => {
    // igv starts twice here; on the shared 2-core machine one start took 23 s.
    test.setTimeout(120_000);
    const browser = new GenomeBrowserPage(page);
    await browser.open();
    await browser.goTo('17:7668402-7687550');
    await expect(browser.currentLocus()).toHaveText(/chr17:7,?668,?402-7,?687,?550/);
    await browser.panelToggle('acmg-sf').check();
    await expect(browser.trackLabel('ACMG secondary findings v3.1')).toBeVisible();
    const saved = readFileSync(await (await browser.saveSession()).path(), 'utf8');
    expect(JSON.parse(saved)).toMatchObject({
      app: 'cohort-desk-browser',
      version: 1,
      locus: expect.stringMatching(/^chr17:7,?668,?402/),
    });

    // Switch away and back: the same view comes back.
    await page.getByTestId('nav-search').click();
    await browser.open();
    await expect(browser.currentLocus()).toHaveText(/chr17:7,?668,?402-7,?687,?550/);
    await expect(browser.trackLabel('ACMG secondary findings v3.1')).toBeVisible();

    // Go elsewhere, drop the panel, then restore the saved session.
    await browser.goTo('BRCA2');
    await browser.panelToggle('acmg-sf').uncheck();
    await expect(browser.trackLabel('ACMG secondary findings v3.1')).toHaveCount(0);
    await browser.openSession('session.json', saved);
    await expect(browser.currentLocus()).toHaveText(/chr17:7,?668,?402-7,?687,?550/);
    await expect(browser.trackLabel('ACMG secondary findings v3.1')).toBeVisible();
    expect(sandbox.outsideRequests).toEqual([]);
  });
});

test('an outside request (igv.org fallback) is blocked by the CSP and shown, never sent', async ({
  page,
  sandbox,
}) => {
  const browser = new GenomeBrowserPage(page);
  await browser.open();
  // What igv does when a local genome load fails: fetch its genome list from igv.org.
  const outcome = await page.evaluate(() =>
    fetch('https://igv.org/genomes/genomes3.json').then(
      () => 'sent',
      () => 'refused',
    ),
  );
  expect(outcome).toBe('refused');
  await expect(page.getByTestId('browser-blocked')).toContainText(
    'https://igv.org/genomes/genomes3.json',
  );
  expect(sandbox.outsideRequests).toEqual([]);
});
