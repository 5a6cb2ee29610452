import { syntheticTrio } from '../../electron/main/cases/testing/syntheticTrio';
import { toBgzf } from '../../electron/main/vcf/bgzfWriter';
import { expect, test } from '../fixtures/app';
import { CaseReviewPage } from '../pages/CaseReviewPage';

// Issue 16, decision 0100: a proband whose PED sex is 0 (unknown) and whose X call is haploid got
// no X-linked fit at all. The X-linked modes now say why their fits are possible only, and the
// carrier mother's DMD allele is kept by X-linked recessive, flagged possible.
test('decision 0100: a proband of unknown sex keeps the X-linked recessive DMD allele as possible', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const trio = syntheticTrio();
  const dmd = trio.alleles.find((a) => a.gene === 'DMD')?.key ?? '';
  const cases = new CaseReviewPage(page);
  await cases.open();
  await cases.unlockVault('unknown sex passphrase');
  await cases.startNewCase();
  await cases.fillPatient('P-100', 'sex-100');
  await cases.giveVcf({ name: 'trio.vcf.gz', text: toBgzf(trio.vcf) });
  await cases.givePed({
    name: 'trio.ped',
    text: trio.ped.replace(
      'FAM1\tPROBAND\tFATHER\tMOTHER\t1\t2',
      'FAM1\tPROBAND\tFATHER\tMOTHER\t0\t2',
    ),
  });
  await expect(cases.blocking()).toHaveCount(0);
  await cases.importAndOpen('sex-100');

  const note = page.getByTestId('filter-mode-note-x_linked_recessive');
  await expect(note).toHaveText(
    " (proband's sex unknown: possible fits only; a haploid X call is read as hemizygous)",
  );
  await page.getByTestId('filter-mode-x_linked_recessive').check();
  await cases.settled();
  const row = cases.grid().locator(`[data-variant="${dmd}"]`);
  await expect(row).toBeVisible();
  await page.getByTestId('filter-possible').uncheck();
  await cases.settled();
  await expect(row).toHaveCount(0);
});
