import { describe, expect, it } from 'vitest';
import { updatePlan } from './updatePlan';
import { authenticodeVerdict, pinnedPublishers } from './verifyWindows';

const file =
  'C:\\Users\\a\\AppData\\Local\\cohort-desk-updater\\pending\\Cohort-Desk-Setup-0.2.0.exe';
const pinned = ['CN=Cohort Desk developers, O=Cohort Desk developers, C=NL'];
/** What `Get-AuthenticodeSignature -LiteralPath … | ConvertTo-Json` prints (trimmed to what is read). */
const signedBy = (subject: string, status = 0, path = file): string =>
  JSON.stringify({
    Status: status,
    StatusMessage: 'Signature verified.',
    Path: path,
    SignerCertificate: { Subject: subject, Thumbprint: 'AB12' },
  });

describe('issue 21: Windows update signature (publisher pinned, fail closed)', () => {
  it('an update signed by another publisher is refused', () => {
    expect(authenticodeVerdict(signedBy('CN=Evil Corp, O=Evil Corp, C=US'), file, pinned)).toMatch(
      /signed by CN=Evil Corp.*not by CN=Cohort Desk developers/,
    );
    // Same CN, another organisation: every attribute of the pinned DN must match.
    expect(
      authenticodeVerdict(signedBy('CN=Cohort Desk developers, O=Other, C=NL'), file, pinned),
    ).not.toBeNull();
  });

  it('an update signed by the pinned publisher, for this file, is accepted', () => {
    expect(
      authenticodeVerdict(
        signedBy('CN=Cohort Desk developers, O=Cohort Desk developers, C=NL'),
        file,
        pinned,
      ),
    ).toBeNull();
  });

  it('refuses an invalid signature, an answer for another file, unreadable output and a missing pin (6.x would accept the last)', () => {
    const good = 'CN=Cohort Desk developers, O=Cohort Desk developers, C=NL';
    expect(authenticodeVerdict(signedBy(good, 2), file, pinned)).toMatch(/not valid \(status 2\)/);
    expect(authenticodeVerdict(signedBy(good, 0, 'C:\\other.exe'), file, pinned)).toMatch(
      /another file/,
    );
    expect(authenticodeVerdict('WARNING: old PowerShell', file, pinned)).toMatch(
      /no readable answer/,
    );
    expect(authenticodeVerdict(signedBy(good), file, [])).toMatch(/pins no publisher/);
  });

  it('reads the pinned publishers from app-update.yml; none there means none', () => {
    expect(
      pinnedPublishers(
        'provider: generic\nurl: https://x.invalid\npublisherName:\n  - CN=A, O=B\n',
      ),
    ).toEqual(['CN=A, O=B']);
    expect(pinnedPublishers('provider: generic\npublisherName: Cohort Desk developers\n')).toEqual([
      'Cohort Desk developers',
    ]);
    expect(pinnedPublishers('provider: generic\nurl: https://x.invalid\n')).toEqual([]);
    expect(pinnedPublishers(undefined)).toEqual([]);
  });
});

describe('issue 21: update plan from the policy', () => {
  const values = {
    updateMode: 'notify',
    updateChannel: 'latest',
    updateFeedUrl: 'https://updates.hospital.example/cd',
  } as const;
  const installed = { packaged: true, installer: 'nsis' } as const;

  it('off, no feed, MSI or a development build: no update check at all', () => {
    expect(updatePlan({ ...values, updateMode: 'off' }, installed)).toMatchObject({
      enabled: false,
    });
    expect(updatePlan({ ...values, updateFeedUrl: '' }, installed)).toMatchObject({
      enabled: false,
    });
    const msi = updatePlan(values, { packaged: true, installer: 'msi' });
    expect(msi.enabled ? '' : msi.reason).toContain('MSI');
    expect(updatePlan(values, { packaged: false, installer: 'nsis' })).toMatchObject({
      enabled: false,
    });
  });

  it('notify downloads on the user’s word; automatic downloads and installs at quit, never before verification', () => {
    expect(updatePlan(values, installed)).toEqual({
      enabled: true,
      feed: { provider: 'generic', url: 'https://updates.hospital.example/cd', channel: 'latest' },
      autoDownload: false,
      autoInstallOnAppQuit: false,
      installAfterVerification: 'when-the-user-says',
      allowDowngrade: false,
      allowPrerelease: false,
    });
    expect(
      updatePlan({ ...values, updateMode: 'automatic', updateChannel: 'beta' }, installed),
    ).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: false,
      installAfterVerification: 'at-quit',
      allowPrerelease: true,
      feed: { channel: 'beta' },
    });
  });
});
