import type { Page } from '@playwright/test';
import { syntheticTrio } from '../../electron/main/cases/testing/syntheticTrio';
import { toBgzf } from '../../electron/main/vcf/bgzfWriter';
import { expect, test } from '../fixtures/app';
import type { AppShell } from '../pages/AppShell';
import { CaseReviewPage } from '../pages/CaseReviewPage';
import { SettingsPage } from '../pages/SettingsPage';

// Issue 22, decision 0064: the New-case dialog's problems with the user's files come from shared
// code as codes and are worded in the app's language, located by file and line in those words;
// ids and file names stay as the files wrote them.

/** German in Settings, the vault unlocked, the New-case dialog open: where both tests start. */
async function newCaseInGerman(
  page: Page,
  shell: AppShell,
): Promise<{ cases: CaseReviewPage; trio: ReturnType<typeof syntheticTrio> }> {
  const settings = new SettingsPage(page);
  await shell.open('settings');
  await settings.waitForForm();
  await settings.chooseLanguage('de');
  await settings.save();

  const trio = syntheticTrio();
  const cases = new CaseReviewPage(page);
  await cases.open();
  await cases.unlockVault('file problems passphrase');
  await cases.startNewCase();
  return { cases, trio };
}

test('issue 22: a PED’s located problems and the sample mapping read in German', async ({
  page,
  shell,
}) => {
  const { cases, trio } = await newCaseInGerman(page, shell);
  await cases.giveVcf({ name: 'trio.vcf.gz', text: toBgzf(trio.vcf) });
  // Line 5 has five columns; the proband is renamed, so the VCF's PROBAND column matches nobody.
  const ped = `${trio.ped.replace(/\bPROBAND\b/, 'PROB_1')}FAM1\tUNCLE\t0\t0\t1\n`;
  await cases.givePed({ name: 'trio.ped', text: ped });

  const columns = cases.fileProblems().locator('[data-code="ped-columns"]');
  await expect(columns).toHaveText(
    'trio.ped Zeile 5: eine PED-Zeile hat 6 Spalten (Familie, Individuum, Vater, Mutter, Geschlecht 1/2/0, Phänotyp 1/2/0); diese hat 5',
  );
  await expect(columns).toHaveAttribute('data-place', 'trio.ped Zeile 5');
  await expect(cases.mismatches().locator('[data-code="sample-no-member"]')).toHaveText(
    'Probe „PROBAND“: VCF-Probe „PROBAND“ (Probenspalte 2) passt zu keinem Individuum in trio.ped; wählen Sie ihr PED-Mitglied oder lassen Sie sie weg',
  );
  await expect(cases.mismatches().locator('[data-code="member-no-sample"]')).toHaveText(
    'trio.ped Zeile 2: Individuum „PROB_1“ hat keine Probenspalte in der VCF; wählen Sie seine Probe, sonst wird es ohne Calls importiert',
  );
});

test('issue 22: a VCF header line the reader refuses is located and worded in German (decision 0069)', async ({
  page,
  shell,
}) => {
  const { cases, trio } = await newCaseInGerman(page, shell);
  // Line 2: an ##INFO line without its Type.
  const vcf = trio.vcf.replace('\n', '\n##INFO=<ID=XX,Number=1,Description="x">\n');
  await cases.giveVcf({ name: 'trio.vcf.gz', text: toBgzf(vcf) });

  const missing = cases.fileProblems().locator('[data-code="def-missing"]');
  await expect(missing).toHaveText(
    'trio.vcf.gz Zeile 2, Spalte Kopfzeilen: Type fehlt; ##INFO braucht ID, Number, Type und Description',
  );
  await expect(missing).toHaveAttribute('data-place', 'trio.vcf.gz Zeile 2, Spalte Kopfzeilen');
});

test('issue 16: a header-only VCF is refused in the dialog at its #CHROM line, in German; Import stays closed', async ({
  page,
  shell,
}) => {
  const { cases, trio } = await newCaseInGerman(page, shell);
  await cases.fillPatient('P-EMPTY', 'EMPTY');
  const header = trio.vcf.slice(0, trio.vcf.indexOf('\n', trio.vcf.indexOf('#CHROM')) + 1);
  const line = header.split('\n').length - 1;
  await cases.giveVcf({ name: 'leer.vcf.gz', text: toBgzf(header) });
  await expect(cases.fileProblems().locator('[data-code="vcf-no-records"]')).toHaveText(
    `leer.vcf.gz enthält keine Variantendatensätze: Die Datei endet nach ihrer #CHROM-Zeile (Zeile ${String(line)}). Ein Fall braucht die Varianten des Patienten; exportieren Sie die VCF erneut mit ihren Datensätzen.`,
  );
  await expect(cases.importButton()).toBeDisabled();
});
