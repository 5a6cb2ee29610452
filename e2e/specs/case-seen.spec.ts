import { toBgzf } from '../../electron/main/vcf/bgzfWriter';
import { expect, test } from '../fixtures/federation';
import { seriousAxeFindings } from '../pages/accessibility';
import { CaseReviewPage } from '../pages/CaseReviewPage';
import { CaseSeenPanel } from '../pages/CaseSeenPanel';
import { BREAST_CARCINOMA, chr17ProbandVcf, probandPhenopacket } from '../fixtures/probandFiles';

// Issue 18 end to end in browser mode against the demo federation: a case holding the demo's
// planted BRCA1 allele is looked up at every node (keyboard only), the answers survive a federation
// that went away, and "patients like mine" shows what it sends before it sends it.

const KEY = '17-43057062-T-TG';
const NODES = ['FI', 'IT', 'ES', 'PT', 'SE'];
const VCF = chr17ProbandVcf(KEY);
const PHENOPACKET = probandPhenopacket('seen-proband', [
  BREAST_CARCINOMA,
  ['HP:0100615', 'Ovarian neoplasm'],
]);

test.describe('Case review: the federation (issue 18)', () => {
  test.describe.configure({ mode: 'serial' });

  test('issue 18: seen before and patients like mine, keyboard only; answers kept for offline', async ({
    page,
    federation,
    sandbox,
  }) => {
    test.setTimeout(180_000);
    const cases = new CaseReviewPage(page);
    const seen = new CaseSeenPanel(page);
    await cases.open();
    await cases.unlockVault('seen before passphrase');
    await cases.startNewCase();
    await cases.fillPatient('P-018', 'seen-018');
    await cases.giveVcf({ name: 'proband.vcf.gz', text: toBgzf(VCF) });
    await cases.givePhenopacket({ name: 'proband.json', text: PHENOPACKET });
    await expect(cases.observedTerms()).toHaveCount(2);
    await cases.importAndOpen('seen-018');
    await cases.settled();

    // Tabs by arrow keys: Variants → Rank → Federation.
    await cases.tab('variants').focus();
    await page.keyboard.press('ArrowLeft');
    await expect(seen.tab()).toBeFocused();
    await expect(seen.panel()).toBeVisible();
    await expect(seen.lookupTable()).toBeEnabled();
    await seen.lookupTable().focus();
    await page.keyboard.press('Enter');
    await seen.lookedUp();
    for (const id of NODES) await expect(seen.node(id)).toHaveAttribute('data-status', 'ok');
    // Signed out: IT and SE hold the allele in controlled datasets and may only say yes.
    await expect(seen.cell(KEY, 'IT')).toContainText('seen (yes/no only');
    await expect(seen.cell(KEY, 'SE')).toContainText('seen (yes/no only');
    await expect(seen.cell(KEY, 'FI')).toContainText('not seen');
    for (const id of NODES) await expect(seen.cell(KEY, id)).toContainText('as of');
    expect(await seriousAxeFindings(page)).toEqual([]);

    // Patients like mine: the terms come most informative first; the preview is what is sent.
    await seen.likeGene().focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('BRCA1');
    await expect(seen.likeTerm('HP:0003002')).toBeVisible();
    await seen.likePreviewButton().focus();
    await page.keyboard.press('Enter');
    await expect(seen.preview()).toBeVisible();
    for (const id of NODES) {
      await expect(seen.sent(id)).toContainText('"geneId":"BRCA1"');
      await expect(seen.sent(id)).toContainText('"includeDescendantTerms":true');
      await expect(seen.sent(id)).not.toContainText('seen-018');
      await expect(seen.sent(id)).toContainText('without a token');
    }
    expect(await seriousAxeFindings(page)).toEqual([]);
    // Escape closes it and nothing is sent.
    await page.keyboard.press('Escape');
    await expect(seen.preview()).toBeHidden();
    await expect(seen.likeStatus()).toHaveText('');
    await seen.likePreviewButton().focus();
    await page.keyboard.press('Enter');
    await expect(seen.preview()).toBeVisible();
    await seen.send().focus();
    await page.keyboard.press('Enter');
    await expect(seen.likeStatus()).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
    await expect(seen.likeStatus()).toContainText('nodes have answered');
    for (const id of NODES) await expect(seen.likeNode(id)).toHaveAttribute('data-status', 'ok');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('case-seen.png'), fullPage: true });

    // The federation goes away: reopening the case shows the stored answers with their time,
    // and a new lookup says per node what happened without losing them.
    for (const n of federation.nodes) n.setFaults({ down: true });
    try {
      await page.getByTestId('case-close').click();
      await page.getByTestId('case-open-seen-018').click();
      await expect(page.getByTestId('case-view')).toBeVisible();
      await seen.tab().click();
      await expect(seen.cell(KEY, 'IT')).toContainText('seen (yes/no only');
      await expect(seen.cell(KEY, 'IT')).toContainText('as of');
      // Patients like mine as sent before, with its time and nodes (issue 18).
      await expect(seen.likeStored()).toContainText('as of');
      await expect(seen.likeStored()).toContainText('BRCA1');
      await expect(seen.likeStored()).toContainText(NODES.join(', '));
      expect(await seriousAxeFindings(page)).toEqual([]);
      // The reopened case lists its variants again before the button can look them up.
      await expect(seen.lookupTable()).toBeEnabled();
      await seen.lookupTable().focus();
      await page.keyboard.press('Enter');
      await seen.lookedUp();
      for (const id of NODES) await expect(seen.node(id)).toHaveAttribute('data-status', 'error');
      await expect(seen.node('IT')).toContainText('could not be reached');
      await expect(seen.cell(KEY, 'IT')).toContainText('seen (yes/no only');
    } finally {
      for (const n of federation.nodes) n.setFaults({});
    }
    expect(sandbox.outsideRequests).toEqual([]);
  });
});
