import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strelka2Vcf } from '../../electron/main/cases/cancer/testing/somaticVcfs';
import { toBgzf } from '../../electron/main/vcf/bgzfWriter';
import { NODES } from '../../federation/catalogue';
import { DEFAULT_DATA_ROOT } from '../../federation/federationInfo';
import { MODELS } from '../../federation/generator/cohortModels';
import type { GroundTruth } from '../../federation/generator/index';
import { PLANTED } from '../../federation/generator/planted';
import { tumourTypesOf } from '../../federation/reference/oncotree';
import { expect, test } from '../fixtures/federation';
import { seriousAxeFindings } from '../pages/accessibility';
import { CancerCasePage } from '../pages/CancerCasePage';
import { CaseReviewPage } from '../pages/CaseReviewPage';
import { CaseWorkPage } from '../pages/CaseWorkPage';

// Issue 19 end to end against the demo federation: a melanoma case's BRAF V600E is asked at every
// node, keyboard only; the datasets holding it are listed with the tumour type the generator gave
// its carriers (signed out: yes/no only), and the lollipop plot and its table carry the count.

const BRAF = '7-140753336-A-T';

test.describe('Cancer mode: the federation (issue 19)', () => {
  test('issue 19: a somatic call’s carriers per node dataset and tumour type, keyboard only, with axe', async ({
    page,
    sandbox,
  }) => {
    test.setTimeout(240_000);
    const truth = JSON.parse(
      readFileSync(join(DEFAULT_DATA_ROOT, 'small', 'ground-truth.json'), 'utf8'),
    ) as GroundTruth;
    const planted = PLANTED.find((p) => p.variantId === BRAF);
    const types = tumourTypesOf(MODELS[planted?.model ?? '']?.diseases ?? []).map((t) =>
      t.replace('oncotree:', ''),
    );
    // Signed out, the controlled cancer datasets answer yes/no at node level (issue 13).
    const holding = [
      ...new Set(
        Object.values(truth.datasets)
          .filter((d) => (d.planted[BRAF]?.carriers ?? 0) > 0)
          .map((d) => d.node),
      ),
    ].sort();
    expect(holding.length).toBeGreaterThan(1);
    expect(types).toHaveLength(1);

    const cases = new CaseReviewPage(page);
    const cancer = new CancerCasePage(page);
    await cases.open();
    await cases.unlockVault('cancer federation passphrase');
    await cases.startNewCase();
    await cases.fillPatient('P-019F', 'tumour-019f');
    await cases.giveVcf({ name: 'strelka2.somatic.vcf.gz', text: toBgzf(strelka2Vcf()) });
    await cancer.tumourType().selectOption('SKCM');
    await cases.importAndOpen('tumour-019f');
    await cancer.settled();

    await cancer.geneButton(BRAF).focus();
    await page.keyboard.press('Enter');
    await expect(cancer.federated()).toBeVisible();
    await cancer.federatedAsk().focus();
    await page.keyboard.press('Enter');
    await expect(cancer.federated()).toHaveAttribute('data-busy', 'false', { timeout: 120_000 });
    await expect(cancer.federatedRows()).toHaveCount(holding.length, { timeout: 30_000 });
    for (const id of holding) {
      await expect(cancer.federatedNodeRows(id)).toContainText('yes/no only');
      await expect(
        cancer.federatedNodeRows(id).getByTestId('somatic-federated-type'),
      ).toHaveAttribute('data-type', types[0] ?? '');
    }
    await expect(cancer.lollipopTable()).toContainText('Carriers in the federation');
    await expect(cancer.lollipopFederated()).toContainText(
      `Federation: ≥${String(holding.length)}`,
    );
    // A node without cancer cohorts lists no tumour type: it was asked the allele only, and the
    // view says which types it does not offer (issue 19: 1 + its own types per node, not 1 + 34).
    const cancerNodes = new Set(
      Object.values(truth.datasets)
        .filter((d) => Object.keys(d.tumourTypes).length > 0)
        .map((d) => d.node),
    );
    const plain = Object.values(truth.datasets).find((d) => !cancerNodes.has(d.node))?.node ?? '';
    await expect(cancer.federatedNotOffered(plain)).toContainText('SKCM');
    expect(await seriousAxeFindings(page)).toEqual([]);

    // The tumour-board report: the call, its tier proposal and the federation's answers per node.
    const work = new CaseWorkPage(page);
    await cases.tab('work').focus();
    await page.keyboard.press('Enter');
    await expect(work.view()).toBeVisible();
    const html = await readFile(await (await work.save('report-html')).path(), 'utf8');
    const board = html.slice(html.indexOf('id="tumour-board"'));
    expect(board).toContain('Tumour board: somatic findings');
    expect(board).toContain(`data-variant="${BRAF}"`);
    expect(board).toContain('Cutaneous Melanoma (OncoTree SKCM)');
    // The answer's time in the report's language (decision 0052): "as of Dec 6, 2026, 7:51 PM".
    const quote = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const n of NODES.filter((x) => holding.includes(x.id)))
      expect(board).toMatch(
        new RegExp(`${quote(`${n.name} (${n.country})`)}, as of [^<]*20\\d\\d`),
      );
    expect(sandbox.outsideRequests).toEqual([]);
  });
});
