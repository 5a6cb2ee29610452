/** GRCh38 chromosome RefSeq accessions (NCBI GRCh38.p14 assembly report): VRS/HGVS sequence ids. */
export const REFSEQ_GRCH38: Readonly<Record<string, string>> = {
  '1': 'NC_000001.11',
  '2': 'NC_000002.12',
  '3': 'NC_000003.12',
  '4': 'NC_000004.12',
  '5': 'NC_000005.10',
  '6': 'NC_000006.12',
  '7': 'NC_000007.14',
  '8': 'NC_000008.11',
  '9': 'NC_000009.12',
  '10': 'NC_000010.11',
  '11': 'NC_000011.10',
  '12': 'NC_000012.12',
  '13': 'NC_000013.11',
  '14': 'NC_000014.9',
  '15': 'NC_000015.10',
  '16': 'NC_000016.10',
  '17': 'NC_000017.11',
  '18': 'NC_000018.10',
  '19': 'NC_000019.10',
  '20': 'NC_000020.11',
  '21': 'NC_000021.9',
  '22': 'NC_000022.11',
  X: 'NC_000023.11',
  Y: 'NC_000024.10',
};

/** GRCh37 chromosome RefSeq accessions (NCBI GRCh37.p13 assembly report): the foreign node's sequence ids. */
export const REFSEQ_GRCH37: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(REFSEQ_GRCH38).map(([chrom, acc]) => {
    const [base = '', version = '0'] = acc.split('.');
    // Every primary chromosome's GRCh37 accession is one version below its GRCh38 one.
    return [chrom, `${base}.${String(Number(version) - 1)}`];
  }),
);

/** Country names for the ISO 3166-1 alpha-2 codes the generator uses (geographicOrigin labels). */
export const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  FI: 'Finland',
  IT: 'Italy',
  ES: 'Spain',
  PT: 'Portugal',
  SE: 'Sweden',
  NO: 'Norway',
  DK: 'Denmark',
  EE: 'Estonia',
  DE: 'Germany',
  FR: 'France',
  GB: 'United Kingdom',
  NL: 'Netherlands',
  BE: 'Belgium',
  AT: 'Austria',
  CH: 'Switzerland',
  PL: 'Poland',
  GR: 'Greece',
  IE: 'Ireland',
  MA: 'Morocco',
  BR: 'Brazil',
  AR: 'Argentina',
  RO: 'Romania',
  LT: 'Lithuania',
  LV: 'Latvia',
  IS: 'Iceland',
};
