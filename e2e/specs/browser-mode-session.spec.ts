import type { Request } from '@playwright/test';
import { expect, test } from '../fixtures/federation';
import { FederationPage } from '../pages/FederationPage';
import { cookieHeaders, usableSessions } from '../pages/loopbackProbes';
import { pageSessionSecret } from '../pages/transport';

test.describe('browser mode: the broker gets nothing usable (issue 12 item 8)', () => {
  test('issue 12: signing in sends the broker no cookie or header that opens /rpc or /vault/', async ({
    app,
    federation,
    sandbox,
    shell,
  }) => {
    app.page.context().setDefaultTimeout(20_000);
    const issuer = federation.info.issuer;
    const toBroker: Record<string, string>[] = [];
    const record = (request: Request): void => {
      if (new URL(request.url()).origin === issuer)
        void request.allHeaders().then((headers) => toBroker.push(headers));
    };
    sandbox.context.on('request', record);
    const page = new FederationPage(app.page);
    await shell.open('federation');
    const authorizationUrl = new URL(await page.startSignIn());
    sandbox.allowOrigin(issuer);
    sandbox.allowOrigin(new URL(authorizationUrl.searchParams.get('redirect_uri') ?? '').origin);
    const popup = await page.completeSignIn('clinician', 'demo-password');
    await popup.close();
    await expect(page.signedInAs()).toContainText('Signed in as');
    sandbox.context.off('request', record);

    expect(toBroker.length).toBeGreaterThan(0);
    expect(await usableSessions(app.server.origin, cookieHeaders(toBroker))).toEqual([]);
    const secret = await pageSessionSecret(app.page);
    for (const headers of toBroker) expect(JSON.stringify(headers)).not.toContain(secret);
  });
});
