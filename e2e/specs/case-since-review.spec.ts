import { toBgzf } from '../../electron/main/vcf/bgzfWriter';
import { expect, test } from '../fixtures/app';
import { plantedData, servePlantedVault } from '../fixtures/plantedVault';
import { seriousAxeFindings } from '../pages/accessibility';
import { CaseReviewPage } from '../pages/CaseReviewPage';
import { CaseWorkPage } from '../pages/CaseWorkPage';
import { chr17ProbandVcf } from '../fixtures/probandFiles';

// Issue 18 ("case work"): a status, a tag and a note on the case, each in its history; the case
// marked reviewed, then data pulled into the local cache; reopening the case keeps the work and
// says which datasets came in since the last review. The cache stands in for main's vault
// (e2e/fixtures/plantedVault.ts, built by main's own writer), as the cohort and browser specs do.

const VCF = chr17ProbandVcf('17-43045712-G-A');

test('issue 18: case work (status, tag, note, history) is kept; reopening after data was pulled shows what came in since the last review', async ({
  app,
  page,
  sandbox,
}) => {
  test.setTimeout(180_000);
  const cases = new CaseReviewPage(page);
  const work = new CaseWorkPage(page);
  await cases.open();
  await cases.unlockVault('since review passphrase');
  await cases.startNewCase();
  await cases.fillPatient('P-018-SINCE', 'since-018');
  await cases.giveVcf({ name: 'proband.vcf.gz', text: toBgzf(VCF) });
  await cases.importAndOpen('since-018');
  await cases.settled();
  await cases.tab('work').click();
  await expect(work.view()).toBeVisible();
  await work.byTestId('work-status').selectOption('in-review');
  await work.type(work.byTestId('tags-case'), 'hboc, second-look');
  await work.activate(work.byTestId('tags-case-save'));
  await work.type(work.byTestId('note-case'), 'Ask the lab for the father.');
  await work.activate(work.byTestId('note-case-add'));
  await expect(work.byTestId('notes-case')).toContainText('Ask the lab for the father.');
  await expect(work.byTestId('work-history')).toContainText('Who changed what (3)');
  await expect(work.byTestId('work-since')).toContainText('Not marked reviewed yet');
  await work.activate(work.byTestId('mark-reviewed'));
  await expect(work.byTestId('since-unchanged')).toBeVisible();

  // Two datasets are pulled into the cache; the case is opened again.
  await servePlantedVault(page, app.server.origin, plantedData());
  await page.reload();
  await cases.open();
  await page.getByTestId('case-open-since-018').click();
  await cases.settled();
  await cases.tab('work').click();
  const changes = work.byTestId('since-changes');
  // The time in the locale, not the stored ISO string (issue 22, decision 0077).
  await expect(changes).toContainText(
    /Dataset FI-RD-01 pulled at [A-Z][a-z]{2} \d{1,2}, 2026, \d{1,2}:\d{2}/,
  );
  await expect(changes).not.toContainText('T00:00:00');
  await expect(changes).toContainText('Dataset SE-CA-01 pulled at');
  await expect(work.byTestId('work-since')).toContainText('Last reviewed by');
  // The work came back with the case: status, tags, the note and who changed what.
  await expect(work.byTestId('work-status')).toHaveValue('in-review');
  await expect(work.byTestId('tags-case')).toHaveValue('hboc, second-look');
  await expect(work.byTestId('notes-case')).toContainText('Ask the lab for the father.');
  await expect(work.byTestId('work-history')).toContainText('Who changed what (4)');
  expect(await seriousAxeFindings(page)).toEqual([]);
  // Marking it reviewed again takes the new data as the basis.
  await work.activate(work.byTestId('mark-reviewed'));
  await expect(work.byTestId('since-unchanged')).toBeVisible();
  expect(sandbox.outsideRequests).toEqual([]);
});
