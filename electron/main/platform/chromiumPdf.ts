import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findChromium } from '../../browserMode/openBrowser';

/**
 * The report's PDF outside Electron (browser mode, tests; issue 18): the same Chromium browser mode
 * opens, headless, printing a self-contained HTML file from a private temporary folder (deleted
 * after). The page's CSP allows no request, so nothing leaves the machine; fonts are the system's,
 * as in the app's windows.
 */
export async function chromiumPrintToPdf(
  html: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Buffer> {
  const browser = env.CHROMIUM_PATH ?? findChromium(env);
  if (browser === undefined)
    throw new Error(
      'No Chromium-based browser was found to print the PDF; install chromium or set COHORT_DESK_BROWSER. The HTML report still works.',
    );
  const dir = mkdtempSync(join(tmpdir(), 'cohort-desk-report-'));
  try {
    const page = join(dir, 'report.html');
    const out = join(dir, 'report.pdf');
    writeFileSync(page, html, { mode: 0o600 });
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      // Root cannot run Chromium's sandbox (containers, CI); a normal user keeps it.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${out}`,
      pathToFileURL(page).href,
    ];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(browser, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (b: Buffer) => {
        err = (err + b.toString('utf8')).slice(-2000);
      });
      child.on('error', reject);
      child.on('exit', (code) => {
        if (code === 0) resolve();
        else
          reject(
            new Error(
              `Chromium could not print the report (exit ${String(code)}): ${err.trim().split('\n').at(-1) ?? ''}`,
            ),
          );
      });
    });
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Pages of a PDF as Chromium writes it (one /Type /Page object per page). */
export const pdfPageCount = (pdf: Buffer): number =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
