import { expect, test } from '../fixtures/federation';
import { FederationPage } from '../pages/FederationPage';

const PASSWORD = 'demo-password';

test.describe('issue 13: one person after another at a shared workstation (AUTH-07, browser mode)', () => {
  test.beforeEach(async ({ app, federation, shell, sandbox }) => {
    app.page.context().setDefaultTimeout(20_000);
    await shell.open('federation');
    sandbox.allowOrigin(federation.info.issuer);
  });

  /** Signs in through the broker's pages in a new tab; the loopback callback origin is allowed once known. */
  const signIn = async (
    page: FederationPage,
    allow: (origin: string) => void,
    username: string,
    switchUser = false,
  ) => {
    const authorizationUrl = new URL(await page.startSignIn({ switchUser }));
    allow(new URL(authorizationUrl.searchParams.get('redirect_uri') ?? '').origin);
    const tab = await page.completeSignIn(username, PASSWORD);
    await tab.close();
  };

  test('the clinician signs in and out (ending the broker session); the researcher then signs in as themselves', async ({
    app,
    sandbox,
  }) => {
    const page = new FederationPage(app.page);
    await signIn(page, (o) => sandbox.allowOrigin(o), 'clinician');
    await expect(page.signedInAs()).toContainText('clinician');
    const logout = await page.signOut({ confirm: true });
    await logout.close();
    await expect(page.signInButton()).toBeVisible();
    await expect(app.page.getByTestId('status-signin')).toHaveText('Not signed in');
    // completeSignIn fills the broker's sign-in form: it is there because the session ended.
    await signIn(page, (o) => sandbox.allowOrigin(o), 'researcher');
    await expect(page.signedInAs()).toContainText('researcher');
    await expect(page.signedInAs()).not.toContainText('clinician');
  });

  test('"Sign in as someone else" asks for credentials although the broker still knows the clinician', async ({
    app,
    sandbox,
  }) => {
    const page = new FederationPage(app.page);
    await signIn(page, (o) => sandbox.allowOrigin(o), 'clinician');
    // The clinician leaves without confirming at the broker: its session cookie stays.
    const logout = await page.signOut({ confirm: false });
    await logout.close();
    await expect(page.switchUserButton()).toBeVisible();
    await signIn(page, (o) => sandbox.allowOrigin(o), 'researcher', true);
    await expect(page.signedInAs()).toContainText('researcher');
  });
});
