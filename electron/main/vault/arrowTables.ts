import type { DataType } from 'apache-arrow';
import {
  Field,
  Float64,
  Int32,
  List,
  Table,
  Utf8,
  tableToIPC,
  vectorFromArray,
} from 'apache-arrow';
import type { VaultTable } from '../../../shared/vault/vault';
import { constantUtf8, utf8Vector } from './utf8Vector';

/** One individual as the vault keeps it (shared/vault/vault.ts VAULT_COLUMNS.individuals). */
export interface IndividualRow {
  individual_id: string;
  sex: string;
  age_band: string | null;
  country: string;
  diseases: string[];
  phenotypes: string[];
}

export interface VariantRow {
  variant_key: string;
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  gene: string;
  consequence: string;
  hgvs_c: string | null;
  hgvs_p: string | null;
  clin_sig: string | null;
  ac: number;
  an: number;
  af: number;
}

export interface GenotypeRow {
  individual_id: string;
  variant_key: string;
  zygosity: 'het' | 'hom';
}

export interface TableRows {
  individuals: IndividualRow[];
  variants: VariantRow[];
  genotypes: GenotypeRow[];
}

const utf8 = new Utf8();
const list = new List(new Field('item', new Utf8(), true));

function column<T>(rows: readonly T[], key: keyof T, type: DataType) {
  if (type === utf8) return utf8Vector(rows.map((r) => r[key] as string | null));
  return vectorFromArray(
    rows.map((r) => r[key]),
    type,
  );
}

const constant = constantUtf8;

/**
 * Builds one table's Arrow IPC stream bytes, with dataset_id and node_id on every row: the 0006
 * format, no longer written by pulls (0010) but still read; tests and benchmarks build it here.
 */
export function toArrowIpc(
  table: VaultTable,
  rows: TableRows,
  ids: { datasetId: string; nodeId: string },
): Uint8Array {
  const base = (n: number) => ({
    dataset_id: constant(n, ids.datasetId),
    node_id: constant(n, ids.nodeId),
  });
  if (table === 'individuals') {
    const r = rows.individuals;
    return tableToIPC(
      new Table({
        ...base(r.length),
        individual_id: column(r, 'individual_id', utf8),
        sex: column(r, 'sex', utf8),
        age_band: column(r, 'age_band', utf8),
        country: column(r, 'country', utf8),
        diseases: column(r, 'diseases', list),
        phenotypes: column(r, 'phenotypes', list),
      }),
      'stream',
    );
  }
  if (table === 'variants') {
    const r = rows.variants;
    return tableToIPC(
      new Table({
        ...base(r.length),
        variant_key: column(r, 'variant_key', utf8),
        chrom: column(r, 'chrom', utf8),
        pos: column(r, 'pos', new Int32()),
        ref: column(r, 'ref', utf8),
        alt: column(r, 'alt', utf8),
        gene: column(r, 'gene', utf8),
        consequence: column(r, 'consequence', utf8),
        hgvs_c: column(r, 'hgvs_c', utf8),
        hgvs_p: column(r, 'hgvs_p', utf8),
        clin_sig: column(r, 'clin_sig', utf8),
        ac: column(r, 'ac', new Int32()),
        an: column(r, 'an', new Int32()),
        af: column(r, 'af', new Float64()),
      }),
      'stream',
    );
  }
  const r = rows.genotypes;
  return tableToIPC(
    new Table({
      ...base(r.length),
      individual_id: column(r, 'individual_id', utf8),
      variant_key: column(r, 'variant_key', utf8),
      zygosity: column(r, 'zygosity', utf8),
    }),
    'stream',
  );
}
