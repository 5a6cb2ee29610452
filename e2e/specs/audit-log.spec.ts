import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '../fixtures/app';
import { seriousAxeFindings } from '../pages/accessibility';
import { SettingsPage } from '../pages/SettingsPage';

test.describe('the audit log on Settings & audit (issues 12 and 13)', () => {
  test('issue 13: the page shows the log, filters it, and shows where a tampered chain breaks', async ({
    app,
    page,
    shell,
  }) => {
    // The real log of this app instance, written through the same service its handlers use.
    const audit = app.services.audit;
    audit.append('auth.sign_in', { sub: 'clinician', issuer: 'https://aai.example' });
    audit.append('vault.write', { datasetId: 'FI-RD-01', rows: { individuals: 300 } });
    audit.append('vault.write', { datasetId: 'IT-RD-01', rows: { individuals: 120 } });
    audit.append('auth.sign_out', { sub: 'clinician', issuer: 'https://aai.example' });

    const settings = new SettingsPage(page);
    await shell.open('settings');
    await expect(settings.auditRows()).toHaveCount(4);
    await expect(page.getByText(/will be recorded here/)).toHaveCount(0);
    // Browser mode keeps the vault locked until a passphrase: the chain is checked, not the seals.
    await expect(settings.auditVerdict()).toContainText('The chain of 4 entries is intact.');
    await expect(settings.auditRow(1)).toContainText('Sign-in');

    await settings.filterAuditByType('Dataset cached');
    await expect(settings.auditRows()).toHaveCount(2);
    await expect(settings.auditCount()).toHaveText(
      'Showing 2 of 2 matching entries (4 in the log).',
    );
    await settings.filterAuditByText('it-rd');
    await expect(settings.auditRows()).toHaveCount(1);
    await expect(settings.auditRow(3)).toContainText('IT-RD-01');
    await settings.clearAuditFilters();
    await expect(settings.auditRows()).toHaveCount(4);

    // Someone edits line 2 on disk: the next verification says so, names the line and marks it.
    const text = readFileSync(audit.file, 'utf8');
    writeFileSync(audit.file, text.replace('"individuals":300', '"individuals":3'));
    await settings.verifyAuditAgain();
    await expect(settings.auditBreak()).toContainText(
      'The audit log was changed outside Cohort Desk at line 2.',
    );
    await expect(settings.auditRow(2)).toContainText('The chain breaks here.');
    // Shown to the user wherever they are, not only on this page.
    await expect(shell.notices()).toContainText('The audit log was changed outside Cohort Desk.');
    await expect(shell.notices()).toContainText('Line 2 was changed after it was written');
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  test('issue 12: once the vault is unlocked the chain is keyed, and the page says every entry is sealed', async ({
    app,
    page,
    shell,
  }) => {
    app.services.audit.append('auth.sign_in', { sub: 'clinician' });
    await shell.open('cohorts');
    await expect(page.getByTestId('cohort-cache-locked')).toBeVisible();
    await page.getByLabel('Vault passphrase').fill('correct horse battery');
    await page.getByTestId('vault-unlock-submit').click();
    await expect(page.getByTestId('cohort-cache-locked')).toHaveCount(0);

    const settings = new SettingsPage(page);
    await shell.open('settings');
    // The entry written while locked was sealed at unlock, and that is itself an entry.
    await expect(settings.auditVerdict()).toContainText(
      "Verified: the chain of 2 entries is intact and sealed with this computer's audit key.",
    );
    await expect(settings.auditRow(2)).toContainText('Entries sealed');
    await expect(settings.auditRow(1)).toContainText('Sealed');
  });
});
