import { expect, test } from '../fixtures/federation';
import { FederationPage } from '../pages/FederationPage';

const PASSWORD = 'demo-password';

test.describe('sign-in from the UI (issue 4, AUTH-01, PASS-02)', () => {
  test.beforeEach(async ({ app, federation, shell }) => {
    // The broker and (once known) the app's loopback callback are the only outside origins allowed.
    app.page.context().setDefaultTimeout(20_000);
    await shell.open('federation');
    expect(federation.info.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  const signIn = async (
    page: FederationPage,
    allow: (origin: string) => void,
    issuer: string,
    username: string,
  ) => {
    const authorizationUrl = new URL(await page.startSignIn());
    expect(authorizationUrl.origin).toBe(issuer);
    expect(authorizationUrl.searchParams.get('code_challenge_method')).toBe('S256');
    const redirect = new URL(authorizationUrl.searchParams.get('redirect_uri') ?? '');
    expect(redirect.hostname).toBe('127.0.0.1');
    allow(issuer);
    allow(redirect.origin);
    const popup = await page.completeSignIn(username, PASSWORD);
    await popup.close();
  };

  test('the clinician signs in, sees record access per controlled dataset, and signs out', async ({
    app,
    federation,
    sandbox,
  }) => {
    const page = new FederationPage(app.page);
    await signIn(page, (o) => sandbox.allowOrigin(o), federation.info.issuer, 'clinician');
    await expect(page.signedInAs()).toContainText('Signed in as');
    await expect(page.persistence()).toContainText('memory only');
    for (const id of ['FI-RD-01', 'IT-CA-01', 'ES-NE-01', 'SE-CA-01']) {
      await expect(page.granularity(id)).toHaveText('Records');
    }
    await expect(page.granularity('FI-NE-01')).toHaveText('Counts');
    // Issue 13: what Portugal's node returns to this registered clinician, not "Yes/no answers".
    await expect(page.granularity('PT-RD-01')).toHaveText('Counts');
    await expect(page.granularity('PT-RD-01')).toHaveAttribute('data-from', 'node');
    await expect(app.page.getByTestId('status-signin')).toContainText('Signed in');
    await app.page.screenshot({
      path: 'e2e/artifacts/screenshots/federation-signed-in.png',
      fullPage: true,
    });
    await page.signOutButton().click();
    await expect(page.signInButton()).toBeVisible();
    await expect(app.page.getByTestId('status-signin')).toHaveText('Not signed in');
    await expect(app.page.getByTestId('access-table')).toHaveCount(0);
  });

  test('the researcher sees counts on registered datasets and no record access', async ({
    app,
    federation,
    sandbox,
  }) => {
    const page = new FederationPage(app.page);
    await signIn(page, (o) => sandbox.allowOrigin(o), federation.info.issuer, 'researcher');
    await expect(page.granularity('FI-NE-01')).toHaveText('Counts');
    await expect(page.granularity('SE-NE-01')).toHaveText('Counts');
    await expect(app.page.getByText('Records', { exact: true })).toHaveCount(0);
  });

  test('the expiring account is warned before its grant expires', async ({
    app,
    federation,
    sandbox,
  }) => {
    const page = new FederationPage(app.page);
    await signIn(page, (o) => sandbox.allowOrigin(o), federation.info.issuer, 'expiring');
    await expect(page.granularity('FI-RD-01')).toHaveText('Records');
    await expect(page.expiry('FI-RD-01')).toContainText('Expires soon');
  });

  test('the conditional account sees which visa was not used and why', async ({
    app,
    federation,
    sandbox,
  }) => {
    const page = new FederationPage(app.page);
    await signIn(page, (o) => sandbox.allowOrigin(o), federation.info.issuer, 'conditional');
    await expect(page.granularity('IT-RD-01')).toHaveText('Records');
    await expect(page.granularity('PT-RD-01')).not.toHaveText('Records');
    await page.ignoredVisas().locator('summary').click();
    await expect(page.ignoredVisas()).toContainText('PT-RD-01');
  });

  test('no token or raw visa ever reaches the page', async ({ app, federation, sandbox }) => {
    const page = new FederationPage(app.page);
    const frames: string[] = [];
    app.page.on('websocket', (ws) => {
      ws.on('framereceived', (frame) => frames.push(String(frame.payload)));
    });
    await app.page.reload();
    await new FederationPage(app.page).signInButton().waitFor();
    await signIn(page, (o) => sandbox.allowOrigin(o), federation.info.issuer, 'clinician');
    await expect(page.granularity('FI-RD-01')).toHaveText('Records');
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.join('\n')).not.toContain('eyJ');
  });
});
