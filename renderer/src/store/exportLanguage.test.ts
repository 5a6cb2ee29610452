import { afterAll, describe, expect, it } from 'vitest';
import { CohortFiltersSchema } from '../../../shared/cohorts/definition';
import type { ExportRows } from '../../../shared/cohorts/exportFile';
import { exportText } from '../../../shared/cohorts/exportFile';
import type { CohortVariantRow } from '../../../shared/cohorts/exportFormats';
import { toCsv, toExportRow } from '../../../shared/cohorts/exportFormats';
import i18n, { setLanguage } from '../i18n';

const carrier: CohortVariantRow = {
  dataset_id: 'FI-RD-01',
  node_id: 'FI',
  individual_id: 'I1',
  sex: 'female',
  age_band: '1980-1989',
  country: 'FI',
  diseases: ['ORPHA:145'],
  phenotypes: ['HP:0000098', 'HP:0000252'],
  variant_key: '17-43057062-T-TG',
  chrom: '17',
  pos: 43057062,
  ref: 'T',
  alt: 'TG',
  gene: 'BRCA1',
  consequence: 'frameshift_variant',
  hgvs_c: 'NM_007294.4:c.5266dup',
  hgvs_p: null,
  clin_sig: 'pathogenic',
  af: 0.0004,
  zygosity: 'het',
};
const e: ExportRows = {
  rows: [toExportRow(carrier), toExportRow({ ...carrier, individual_id: 'I2', af: 0.125 })],
  individuals: 2,
  included: ['FI-RD-01'],
  decisions: [{ datasetId: 'FI-RD-01', allowed: true, reasons: [], conditions: ['cite FI'] }],
  baseName: 'cohort-2026-12-06T10-00-00-000Z',
};
const filters = CohortFiltersSchema.parse({ genotype: { gene: 'BRCA1' }, sexes: ['female'] });
const at = new Date('2026-12-06T10:00:00Z');

/** Every file the app writes for a cohort, as the export slice makes them (exportSlice.ts). */
const files = () => ({
  csv: exportText(e, 'csv', filters, at),
  phenopackets: exportText(e, 'phenopacket', filters, at),
  jsonLines: e.rows.map((r) => JSON.stringify(r)).join('\n'),
});

afterAll(async () => {
  await setLanguage('en');
});

describe('issue 22: the app’s exports keep machine-readable values in every language', () => {
  it('CSV, JSON lines and Phenopackets are byte-identical with the app in German and in English', async () => {
    await setLanguage('en');
    const en = files();
    await setLanguage('de');
    expect(i18n.language).toBe('de');
    // The page around it is German: the export is not.
    expect(i18n.t('caseWork.report.language')).toBe('Sprache des Befunds');
    const de = files();
    expect(de).toEqual(en);
    const [header, row] = toCsv(e.rows).split('\r\n');
    expect(header?.startsWith('dataset_id,node_id,individual_id,sex,')).toBe(true);
    expect(row).toContain('0.0004');
    expect(en.csv.text).not.toMatch(/0,0004|0,125/);
    expect(en.phenopackets.text).toContain('"HP:0000098"');
  });

  // By construction: the modules that write exports never reach for the UI's words or formats.
  const sources = import.meta.glob<string>(
    [
      '../../../shared/cohorts/exportFormats.ts',
      '../../../shared/cohorts/exportFile.ts',
      '../../../shared/cohorts/phenopacket.ts',
      '../../../shared/cohorts/describeFilters.ts',
      '../../../shared/report/casePhenopacket.ts',
      './exportSlice.ts',
      '../db/cohortExport.ts',
      '../../../electron/cli/commands/cohortOutput.ts',
    ],
    { query: '?raw', import: 'default', eager: true },
  );
  it('finds every export module', () => {
    expect(Object.keys(sources)).toHaveLength(8);
  });
  it.each(Object.entries(sources))('%s uses no translation and no locale formatting', (_, text) => {
    expect(text).not.toMatch(/from '[^']*i18n[^']*'|react-i18next|useFormat|formatFor/);
    expect(text).not.toMatch(/toLocaleString\((?!'en-US')|toLocaleDateString|Intl\./);
  });
});
