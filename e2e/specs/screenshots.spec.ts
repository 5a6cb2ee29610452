import { join } from 'node:path';
import { test } from '../fixtures/app';
import { PAGE_IDS } from '../pages/AppShell';

const folder = join(import.meta.dirname, '..', 'artifacts', 'screenshots');

test('a screenshot of every page is saved for review', async ({ page, shell }) => {
  for (const id of PAGE_IDS) {
    await shell.open(id);
    await page.screenshot({ path: join(folder, `${id}.png`), fullPage: true });
  }
});
