import { syntheticTrio } from '../../electron/main/cases/testing/syntheticTrio';
import { toBgzf } from '../../electron/main/vcf/bgzfWriter';
import { expect, test } from '../fixtures/app';
import { seriousAxeFindings } from '../pages/accessibility';
import { GenomeBrowserPage } from '../pages/GenomeBrowserPage';
import { CaseReviewPage } from '../pages/CaseReviewPage';
import { TABLE_WINDOW } from '../../shared/cases/queryLayout';

// Issues 16 and 17 end to end in browser mode (the real main services behind the page): a trio
// VCF (BGZF) with a PED and a Phenopacket becomes an encrypted case, the trio preset filters it,
// a variant opens in the Browser with the family's genotypes and the gene's exons, and the Rank
// view lists genes with their explanations.

const PASSPHRASE = 'case review passphrase';
/** SCN2A's third exon starts at chr2:165,297,017 (resources/genome/exons.tsv, MANE transcript). */
const EXON_POS = 165_297_036;
const PLANTED_POS = 165_310_000;

/** The h-case synthetic trio, its de novo SCN2A allele moved into an exon near its intron. */
function trioFiles() {
  const trio = syntheticTrio();
  const vcf = trio.vcf.replace(`chr2\t${String(PLANTED_POS)}\t`, `chr2\t${String(EXON_POS)}\t`);
  const keys = trio.alleles
    .filter((a) => a.planted !== undefined)
    .map((a) => a.key.replace(`2-${String(PLANTED_POS)}-`, `2-${String(EXON_POS)}-`));
  const scn2a = keys.find((k) => k.startsWith(`2-${String(EXON_POS)}-`)) ?? '';
  return { trio, vcf, keys, scn2a };
}

/** Focuses the grid's first header cell and walks down with the arrow key to a variant's row. */
async function arrowToVariant(cases: CaseReviewPage, key: string): Promise<void> {
  await cases.grid().locator('[data-cell="-1:0"]').focus();
  for (let i = 0; i < 200; i++) {
    await cases.page.keyboard.press('ArrowDown');
    const at = await cases.page.evaluate(
      () => document.activeElement?.closest('[role="row"]')?.getAttribute('data-variant') ?? '',
    );
    if (at === key) return;
  }
  throw new Error(`variant ${key} is not in the table`);
}

/** Opens Case review, unlocks the vault and imports the trio (the PED mismatch fixed in the dialog). */
async function createTrioCase(cases: CaseReviewPage, files: ReturnType<typeof trioFiles>) {
  const { trio, vcf } = files;
  const page = cases.page;
  await cases.open();
  await cases.unlockVault(PASSPHRASE);

  await cases.startNewCase();
  await cases.fillPatient('P-016', 'trio-016');
  await cases.giveVcf({ name: 'trio.vcf.gz', text: toBgzf(vcf) });
  // The PED names the proband PROB_1, the VCF column PROBAND: the mismatch is named and located.
  await cases.givePed({ name: 'trio.ped', text: trio.ped.replace(/\bPROBAND\b/, 'PROB_1') });
  await expect(cases.mismatches()).toContainText('trio.ped');
  await expect(cases.mismatches()).toContainText('PROBAND');
  // Fixed in the dialog: the VCF's second column (PROBAND) is the PED's PROB_1.
  await cases.sampleLink(1).selectOption('PROB_1');
  await expect(cases.mismatches()).toHaveCount(0);
  await cases.givePhenopacket({ name: 'proband.json', text: trio.phenopacket });
  await expect(cases.observedTerms()).toHaveCount(2);
  await expect(cases.blocking()).toHaveCount(0);
  expect(await seriousAxeFindings(page)).toEqual([]);
  await cases.importAndOpen('trio-016');
  await expect(cases.caseRow('trio-016')).toContainText('P-016');
  // Kind (issue 19), patient, created, samples.
  await expect(cases.caseRow('trio-016').getByRole('cell').nth(0)).toHaveText('Germline');
  await expect(cases.caseRow('trio-016').getByRole('cell').nth(3)).toHaveText('3');
}

test.describe('Case review (issues 16, 17)', () => {
  test('issue 16: a case from a VCF, a PED and a phenotype; the trio preset; a variant in the Browser with exons', async ({
    page,
    sandbox,
  }) => {
    test.setTimeout(180_000);
    const files = trioFiles();
    const { trio, keys, scn2a } = files;
    const cases = new CaseReviewPage(page);
    await createTrioCase(cases, files);
    await cases.settled();
    const total = Number(await cases.kept().getAttribute('data-total'));
    expect(total).toBe(trio.alleles.length);
    await cases.applyPreset('rare disease trio');
    await cases.settled();
    await expect(cases.stepCount('inheritance')).toBeVisible();
    expect(
      Number(await cases.stepCount('inheritance').getAttribute('data-removes')),
    ).toBeGreaterThan(0);
    await expect(cases.funnel()).toBeVisible();
    const kept = Number(await cases.kept().getAttribute('data-kept'));
    expect(kept).toBeLessThan(total);
    const shown = await cases
      .variantRows()
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-variant')));
    for (const k of keys) expect(shown).toContain(k);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('case-variants.png'), fullPage: true });
    // The listed variants saved as TSV (audited by main as a case export).
    const saved = await cases.exportVariants();
    expect(saved.name).toBe('trio-016-variants.tsv');
    expect(saved.text.trimEnd().split('\n')).toHaveLength(kept + 1);
    expect(saved.text).toContain('SCN2A');

    // Keyboard: to the SCN2A row, Enter opens it in the Browser.
    await arrowToVariant(cases, scn2a);
    await page.keyboard.press('Enter');
    const browser = new GenomeBrowserPage(page);
    await expect(page.getByTestId('page-browser')).toBeVisible();
    await expect(browser.trackLabel('Case trio-016 (P-016) and family')).toBeVisible({
      timeout: 60_000,
    });
    await expect(browser.trackLabel('Genes (GRCh38)')).toBeVisible();
    await expect(browser.currentLocus()).toHaveText(/chr2:165,?296,?976-165,?297,?096/);
    // Exons drawn: the exon's box is several times taller than the intron's line beside it.
    await expect
      .poll(async () => {
        const h = (await browser.paintedHeights('Genes (GRCh38)')).filter((x) => x > 0);
        return h.length === 0 ? 0 : Math.max(...h) / Math.min(...h);
      })
      .toBeGreaterThan(3);
    await page.screenshot({ path: test.info().outputPath('case-in-browser.png') });

    // Deleting the case closes it, removes its Browser track and lists it no more.
    await cases.open();
    await cases.deleteCase('trio-016');
    await expect(page.getByTestId('case-view')).toHaveCount(0);
    await expect(page.getByTestId('case-list-empty')).toBeVisible();
    expect(sandbox.outsideRequests).toEqual([]);
  });

  test('issue 17: a case with HPO terms and a VCF shows ranked genes with explanations, by keyboard', async ({
    page,
    sandbox,
  }) => {
    test.setTimeout(180_000);
    const files = trioFiles();
    const cases = new CaseReviewPage(page);
    await createTrioCase(cases, files);
    await cases.settled();
    await cases.applyPreset('rare disease trio');
    await cases.settled();

    // The tabs follow the ARIA pattern: arrow keys move between Variants and Rank.
    await cases.tab('variants').focus();
    await page.keyboard.press('ArrowRight');
    await expect(cases.tab('rank')).toBeFocused();
    await expect(cases.tab('rank')).toHaveAttribute('aria-selected', 'true');
    await cases.ranked();
    await expect(cases.rankStatus()).toContainText('genes ranked from');
    await expect(cases.rankChart()).toBeVisible();
    // The planted de novo stop-gained allele in SCN2A, with seizures and developmental delay.
    await expect(cases.rankedGene('SCN2A')).toBeVisible();
    const rank = Number(await cases.rankedGene('SCN2A').getAttribute('data-rank'));
    expect(rank).toBeLessThanOrEqual(3);

    // Keyboard: the first gene's button, arrows down to SCN2A, Enter opens its explanation.
    await cases.rankList().locator('[data-gene-toggle]').first().focus();
    for (let i = 1; i < 100; i++) {
      if (await cases.rankToggle('SCN2A').evaluate((el) => el === document.activeElement)) break;
      await page.keyboard.press('ArrowDown');
    }
    await expect(cases.rankToggle('SCN2A')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(cases.rankToggle('SCN2A')).toHaveAttribute('aria-expanded', 'true');
    const why = cases.explanation('SCN2A');
    await expect(why).toBeVisible({ timeout: 30_000 });
    await expect(why).toContainText('ranks');
    await expect(why).toContainText('Seizure');
    await expect(why).toContainText('IC ');
    await expect(why).toContainText('Variants: one allele for AD inheritance');
    await expect(why).toContainText('stop gained');
    await expect(why).toContainText('What would change the rank');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('case-rank.png'), fullPage: true });

    // Editing the phenotype re-ranks at once (no button to press).
    await expect(cases.rankObservedTerms()).toHaveCount(2);
    await page.getByRole('button', { name: 'Remove Global developmental delay' }).click();
    await expect(cases.rankObservedTerms()).toHaveCount(1);
    await expect(page.getByTestId('rank-edited')).toBeVisible();
    await cases.ranked();
    await expect(cases.rankedGene('SCN2A')).toBeVisible();

    // The ranking is a column of the variant table.
    await cases.tab('variants').click();
    await cases.settled();
    await expect(cases.rankCell(files.scn2a)).toHaveText(/^\d+$/);

    // A top gene opens in the Browser, with the case's track.
    await cases.tab('rank').click();
    await cases.rankOpenInBrowser('SCN2A').click();
    const browser = new GenomeBrowserPage(page);
    await expect(page.getByTestId('page-browser')).toBeVisible();
    await expect(browser.currentLocus()).toHaveText(/chr2:165,?239,?414-165,?392,?304/);
    await expect(browser.trackLabel('Case trio-016 (P-016) and family')).toBeVisible({
      timeout: 60_000,
    });
    expect(sandbox.outsideRequests).toEqual([]);
  });

  test('issue 16: the table loads rows past its first window on scroll and keyboard paging, sorted or not', async ({
    page,
    sandbox,
  }) => {
    test.setTimeout(180_000);
    const files = trioFiles();
    const cases = new CaseReviewPage(page);
    await createTrioCase(cases, files);
    await cases.settled();
    const total = Number(await cases.kept().getAttribute('data-total'));
    // More kept rows than the first window (TABLE_WINDOW, 200) loads with the counts.
    expect(total).toBeGreaterThan(TABLE_WINDOW);
    await expect(cases.grid()).toHaveAttribute('aria-rowcount', String(total + 1));

    /** Every kept row's key in the table's order, from the TSV export (the same query, one go). */
    const exported = async (): Promise<string[]> =>
      (await cases.exportVariants()).text
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t').slice(2, 6).join('-'));
    const expectRowsInOrder = async (order: string[]): Promise<void> => {
      expect(order).toHaveLength(total);
      // Keyboard: Ctrl+End to the last row, far past the first window; PageUp back into the middle.
      await cases.grid().locator('[data-cell="-1:0"]').focus();
      await page.keyboard.press('Control+End');
      await expect(cases.variantRowAt(total - 1)).toHaveAttribute(
        'data-variant',
        order[total - 1] ?? '',
      );
      for (let i = 0; i < 5; i++) await page.keyboard.press('PageUp');
      // The focused row, wherever paging left it, shows the row of that position.
      const focused = await cases.focusedRowIndex();
      expect(focused).toBeLessThan(total - 1);
      await expect(cases.variantRowAt(focused)).toHaveAttribute(
        'data-variant',
        order[focused] ?? '',
      );
      // Scrolling the grid to the top brings back the first window's rows.
      await cases.grid().evaluate((el) => el.scrollTo(0, 0));
      await expect(cases.variantRowAt(0)).toHaveAttribute('data-variant', order[0] ?? '');
    };

    const defaultOrder = await exported();
    await expectRowsInOrder(defaultOrder);
    // Sorted by variant (chromosome, position), descending: the windows follow the new order.
    await cases.columnHeader('Variant').click();
    await cases.settled();
    await cases.columnHeader('Variant').click();
    await cases.settled();
    await expect(cases.columnHeader('Variant')).toHaveAttribute('aria-sort', 'descending');
    const byPosition = await exported();
    expect(byPosition).not.toEqual(defaultOrder);
    await expectRowsInOrder(byPosition);
    expect(await seriousAxeFindings(page)).toEqual([]);
    expect(sandbox.outsideRequests).toEqual([]);
  });
});
