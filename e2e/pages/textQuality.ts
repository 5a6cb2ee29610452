import type { Page, TestInfo } from '@playwright/test';
import { expect } from '@playwright/test';
import {
  PSEUDO_CLOSE,
  PSEUDO_LOCALE,
  PSEUDO_OPEN,
  PSEUDO_VALUE_CLOSE,
  PSEUDO_VALUE_OPEN,
} from '../../shared/i18n/pseudo';
import { probeText, type TextFinding } from './textProbe';

export type { TextFinding };

/**
 * Subtrees whose words are data, not the app's wording, so they stay as the source wrote them
 * (decision 0049 gives each reason). Everything else must come through the translation files.
 */
export const DATA_SUBTREES: readonly string[] = [
  // The app marks data with HTML's own "do not translate" flag: HPO labels (issue 22: they stay in
  // the ontology's language), OMIM/Orphanet disease and OncoTree tumour-type names, and nodes',
  // countries' and datasets' names as each node's directory entry gives them.
  '[translate="no"]',
  // igv.js draws its own widget (track names from files, its menus): a third-party island.
  '.igv-container',
  '.igv-ui-dropdown',
  '.igv-ui-popover',
];

/**
 * Words allowed outside the pseudo-locale's brackets: codes and symbols that are the same in every
 * language (decision 0042's "kept as written" list), as regular-expression sources.
 */
export const CODE_TOKENS: readonly string[] = [
  // Chromosome names and HGVS expressions (c., p., g., n., m., r.).
  '^chr[0-9XYMT]+$',
  '^[cgpnmr]\\.[A-Za-z0-9_>*+.-]+$',
  // dbSNP and ClinVar ids.
  '^rs[0-9]+$',
  // Protein changes written without "p." (BRAF V600E, EGFR E746_A750del).
  '^[A-Z][0-9]+(_[A-Z][0-9]+)?(del|ins|dup|delins|fs|ext)[A-Za-z0-9*]*$',
  // Dates and times from Intl: the pseudo-locale has no Intl data of its own, so they come in
  // English there (German and Finnish runs show them localised).
  '^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|AM|PM)$',
  // Assemblies.
  '^(GRCh3[78]|hg19|hg38)$',
  // An ACMG/AMP criterion at another strength, as ClinGen SVI writes it: a code in every language.
  '^(PVS|PS|PM|PP|BA|BS|BP)[0-9]_(VeryStrong|Strong|Moderate|Supporting|StandAlone)$',
  // File names the user gave or exports the app names: kept as files are named.
  '\\.(vcf|gz|bgz|tbi|csi|ped|json|tsv|csv|bed|html|pdf|txt|log)$',
  // An ACMG criterion at a changed strength in ClinGen SVI's notation (PM2_Supporting), a code
  // kept in every language like the criteria themselves (decision 0048; the report keeps it too).
  '^(PVS|PS|PM|PP|BA|BS|BP)[0-9]_(VeryStrong|Strong|Moderate|Supporting|StandAlone)$',
];

export interface TextCheck {
  /** The UI is the pseudo-locale: check for hard-coded English as well as clipping. */
  readonly pseudo: boolean;
  /** Strings the test typed or the federation names (patient ids, file names, node names). */
  readonly allowText?: readonly string[];
  /** Subtrees still holding hard-coded English, each named with its owner in the spec (to do). */
  readonly pending?: readonly string[];
  /** Subtrees whose interpolated values are data or still to be coded (named in the spec). */
  readonly valuesNotChecked?: readonly string[];
}

const MARK = 'data-text-finding';

/** Whether the page shows the pseudo-locale now. */
export async function showsPseudoLocale(page: Page): Promise<boolean> {
  return (await page.locator('html').getAttribute('lang')) === PSEUDO_LOCALE;
}

/** Every unbracketed English word, clipped text and overlapping control on the page now. */
export async function textFindings(page: Page, check: TextCheck): Promise<TextFinding[]> {
  return page.evaluate(probeText, {
    pseudo: check.pseudo,
    open: PSEUDO_OPEN,
    close: PSEUDO_CLOSE,
    valueOpen: PSEUDO_VALUE_OPEN,
    valueClose: PSEUDO_VALUE_CLOSE,
    skip: DATA_SUBTREES,
    tokens: CODE_TOKENS,
    allowText: check.allowText ?? [],
    pending: check.pending ?? [],
    valuesNotChecked: check.valuesNotChecked ?? [],
    mark: MARK,
  });
}

/**
 * Checks the page as it is now (a soft assertion, so one pass lists every page's problems); on a
 * finding it attaches a screenshot with each offending element outlined.
 */
export async function expectTextQuality(
  page: Page,
  testInfo: TestInfo,
  where: string,
  check: TextCheck,
): Promise<void> {
  const findings = await textFindings(page, check);
  // Outlined through the CSSOM: the app's CSP admits no injected style sheet.
  const outline = (on: boolean) =>
    page.evaluate(
      ([mark, show]) => {
        for (const el of document.querySelectorAll<HTMLElement>(`[${mark}]`)) {
          el.style.outline = show ? '2px solid #d00' : '';
          if (!show) el.removeAttribute(mark);
        }
      },
      [MARK, on] as const,
    );
  if (findings.length > 0) {
    await outline(true);
    const path = testInfo.outputPath(`${where.replace(/[^\w-]+/g, '-')}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(where, { path, contentType: 'image/png' });
  }
  await outline(false);
  const lines = findings.map((f) => `${f.kind} ${f.where}: ${f.detail} — “${f.text}”`);
  expect.soft(lines, `${where}: text problems`).toEqual([]);
}
