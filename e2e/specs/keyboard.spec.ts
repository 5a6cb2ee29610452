import { expect, test } from '../fixtures/app';
import { PAGE_IDS } from '../pages/AppShell';

test('every page is reached with the keyboard only: Tab to its link, Enter', async ({ shell }) => {
  await shell.expectOnPage('federation');
  for (const id of [...PAGE_IDS.slice(1), PAGE_IDS[0]]) {
    await shell.openByKeyboard(id);
    // Focus moved to the page heading, so the next Tab starts in the content.
    await expect(shell.heading()).toBeFocused();
  }
});

test('the skip link is the first Tab stop and moves focus to the page heading', async ({
  shell,
  page,
}) => {
  await page.keyboard.press('Tab');
  await expect(shell.skipLink()).toBeFocused();
  await expect(shell.skipLink()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(shell.heading()).toBeFocused();
  await expect(shell.heading()).toHaveText('Federation');
});
