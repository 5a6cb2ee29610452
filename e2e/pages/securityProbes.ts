import type { Page } from '@playwright/test';

/** What the page saw when it tried something the CSP forbids. */
export interface ProbeOutcome {
  /** The directive named by the securitypolicyviolation event, if one fired. */
  readonly violatedDirective: string | undefined;
  readonly blockedURI: string | undefined;
  /** For scripts: whether the injected code ran. For fetches: whether the request resolved. */
  readonly succeeded: boolean;
}

/** Appends an inline <script> (as an XSS would) and reports the CSP violation and whether it ran. */
export async function injectInlineScript(page: Page): Promise<ProbeOutcome> {
  return page.evaluate(
    () =>
      new Promise<ProbeOutcome>((resolve) => {
        const marker = '__cohortDeskInjected';
        document.addEventListener(
          'securitypolicyviolation',
          (event) => {
            resolve({
              violatedDirective: event.violatedDirective,
              blockedURI: event.blockedURI,
              succeeded: marker in window,
            });
          },
          { once: true },
        );
        const script = document.createElement('script');
        script.textContent = `window.${marker} = true;`;
        document.body.append(script);
      }),
  );
}

/** Calls fetch() to another origin from the page and reports the violation and whether it resolved. */
export async function fetchFromPage(page: Page, url: string): Promise<ProbeOutcome> {
  return page.evaluate(async (target) => {
    const violation = new Promise<SecurityPolicyViolationEvent>((resolve) => {
      document.addEventListener('securitypolicyviolation', resolve, { once: true });
    });
    const succeeded = await fetch(target).then(
      () => true,
      () => false,
    );
    const event = await violation;
    return { violatedDirective: event.violatedDirective, blockedURI: event.blockedURI, succeeded };
  }, url);
}
