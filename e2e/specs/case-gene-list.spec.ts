import { syntheticTrio } from '../../electron/main/cases/testing/syntheticTrio';
import { expect, test } from '../fixtures/app';
import { CaseReviewPage } from '../pages/CaseReviewPage';

// Issue 16: a clinician types a custom gene list as it comes. Lower case matched nothing and a
// misspelt symbol was not said: "0 of N kept" with no reason. Now "scn2a" keeps SCN2A's alleles
// (duckdb-wasm, the page's own query) and the symbols no variant of the case is in are named.

test('issue 16: the gene list matches symbols in any case and names those not in the case', async ({
  page,
  sandbox,
}) => {
  test.setTimeout(180_000);
  const trio = syntheticTrio();
  const scn2a = trio.vcf.split('\n').filter((l) => /\|SCN2A\|/.test(l)).length;
  expect(scn2a).toBeGreaterThan(0);
  const cases = new CaseReviewPage(page);
  await cases.open();
  await cases.unlockVault('gene list passphrase');
  await cases.startNewCase();
  await cases.fillPatient('P-GL', 'gene-list');
  await cases.giveVcf({ name: 'trio.vcf', text: trio.vcf });
  await cases.givePed({ name: 'trio.ped', text: trio.ped });
  await expect(cases.mismatches()).toHaveCount(0);
  await cases.importAndOpen('gene-list');
  await cases.settled();

  await cases.geneList().fill('scn2a FOOBAR1');
  await cases.geneList().blur();
  await cases.settled();
  await expect(cases.kept()).toHaveAttribute('data-kept', String(scn2a));
  await expect(cases.genesAbsent()).toContainText('FOOBAR1');
  await expect(cases.genesAbsent()).not.toContainText('scn2a');
  await expect(cases.geneList()).toHaveAttribute('aria-describedby', 'filter-gene-list-absent');

  await cases.geneList().fill('SCN2A');
  await cases.geneList().blur();
  await cases.settled();
  await expect(cases.kept()).toHaveAttribute('data-kept', String(scn2a));
  await expect(cases.genesAbsent()).toHaveCount(0);

  // Issue 16: a BED file refused after a good one changes nothing, and says the regions read
  // before still filter the table (they did, unsaid, while only the error showed).
  await cases.geneList().fill('');
  await cases.geneList().blur();
  await cases.giveBed({ name: 'chr2.bed', text: 'chr2\t165000000\t166000000\n' });
  await cases.settled();
  await expect(cases.kept()).toHaveAttribute('data-kept', String(scn2a));
  await cases.giveBed({ name: 'typo.bed', text: 'chr2\t165000000\n' });
  await expect(cases.listRefusal()).toContainText('typo.bed line 1');
  await expect(cases.listRefusal()).toContainText(
    'The region read before still filters the table (1 region).',
  );
  await cases.settled();
  await expect(cases.kept()).toHaveAttribute('data-kept', String(scn2a));
  expect(sandbox.outsideRequests).toEqual([]);
});
