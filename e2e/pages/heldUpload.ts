import type { Locator, Page } from '@playwright/test';

/**
 * Gives `input` the file, holds its upload to main (POST /cases/upload) where it arrives, runs
 * `whileSent` and clicks `cancel` there (issue 19, decision 0079): the page drops the held request,
 * which is never answered. The tumour VCF's and the germline VCF's uploads are cancelled alike.
 */
export async function cancelHeldUpload(
  page: Page,
  input: Locator,
  cancel: Locator,
  file: { readonly name: string; readonly text: Buffer },
  whileSent: () => Promise<unknown>,
): Promise<void> {
  let arrived = (): void => undefined;
  const held = new Promise<void>((resolve) => (arrived = resolve));
  const upload = (url: URL): boolean =>
    url.pathname === '/cases/upload' && url.searchParams.get('name') === file.name;
  await page.route(upload, () => arrived());
  await input.setInputFiles({ name: file.name, mimeType: 'application/gzip', buffer: file.text });
  await held;
  await whileSent();
  await cancel.click();
  await page.unroute(upload);
}
