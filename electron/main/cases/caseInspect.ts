import type { CaseInspection, TextFile } from '../../../shared/cases/channels';
import type { CaseRefusal } from '../../../shared/cases/caseProblem';
import { linkMismatches, parsePed, probandOf, proposeLinks } from '../../../shared/cases/pedigree';
import { readPhenopacket } from '../../../shared/cases/phenopacketInput';
import type { ReadVcfSummary, VcfHeader } from '../../../shared/vcf';
import { annotationLayouts, detectAssembly, frequencyInfoKeys, readVcf } from '../../../shared/vcf';
import { nodeInflater } from '../vcf/nodeVcf';
import type { FileEntry } from './files/fileHandles';
import { openSource } from './import/sources';
import { somaticOf } from './cancer/cancerInspect';
import type { ErrorWords } from '../../../shared/appError';
import { fileRefusalWords } from './fileRefusalWords';

/**
 * Reads the header of a chosen VCF and stops at the first line after #CHROM: `noRecords` is true
 * when the file ends cleanly there (issue 16: a header-only VCF became a case of no variants).
 */
export async function readHeader(
  file: FileEntry,
): Promise<{ header: VcfHeader | undefined; summary: ReadVcfSummary; noRecords: boolean }> {
  const signal = { aborted: false };
  let header: VcfHeader | undefined;
  // Set in the reader's callback (an object, so the check below is not narrowed away).
  const seen = { dataLine: false };
  const summary = await readVcf(openSource(file.source), {
    file: file.name,
    inflater: nodeInflater,
    signal,
    onHeader: (h) => {
      header = h;
    },
    onDataLine: () => {
      seen.dataLine = true;
      signal.aborted = true;
    },
  });
  return {
    header,
    summary,
    noRecords: header !== undefined && !seen.dataLine && summary.problems.length === 0,
  };
}

/** Why a header cannot become a case, or undefined (GRCh37, no samples, not VCF). */
export function refusalOf(
  name: string,
  header: VcfHeader | undefined,
  summary: ReadVcfSummary,
  noRecords = false,
): string | undefined {
  if (header === undefined)
    return summary.problems[0] === undefined
      ? `${name} has no VCF header (#CHROM line).`
      : `${name} is not a VCF Cohort Desk can read: ${summary.problems[0].message}`;
  const a = detectAssembly(header);
  if (a.assembly === 'GRCh37')
    return `${name} is on GRCh37 (${a.evidence}); Cohort Desk, the federation and its genome tables are GRCh38. Lift the file over to GRCh38 (e.g. with bcftools +liftover or Picard LiftoverVcf) and import it again.`;
  if (header.samples.length === 0)
    return `${name} has no sample columns (a sites-only VCF): a case needs the patient's genotypes.`;
  if (noRecords)
    return `${name} holds no variant records: the file ends after its #CHROM line (line ${String(header.headerLine)}). A case needs the patient's variants; export the VCF again with its records.`;
  return undefined;
}

/** `refusalOf` as a code the dialog words in the reader's language (issue 22, decision 0064). */
export function refusalCodeOf(
  name: string,
  header: VcfHeader | undefined,
  summary: ReadVcfSummary,
  noRecords = false,
): CaseRefusal | undefined {
  const file = { file: name };
  if (header === undefined)
    return {
      code: summary.problems[0] === undefined ? 'vcf-no-header' : 'vcf-unreadable',
      params: file,
    };
  if (detectAssembly(header).assembly === 'GRCh37') return { code: 'vcf-grch37', params: file };
  if (header.samples.length === 0) return { code: 'vcf-sites-only', params: file };
  if (noRecords) return { code: 'vcf-no-records', params: { ...file, line: header.headerLine } };
  return undefined;
}

/**
 * A refused VCF as an `appError` (decision 0100): an unreadable file by its first problem, located
 * at its line; the others by their refusal code. `germline`: a cancer case's germline VCF.
 */
export function vcfRefusalWords(
  name: string,
  header: VcfHeader | undefined,
  summary: ReadVcfSummary,
  noRecords: boolean,
  germline = false,
): ErrorWords | undefined {
  const first = summary.problems[0];
  const refusal = refusalCodeOf(name, header, summary, noRecords);
  if (first !== undefined && (refusal === undefined || refusal.code === 'vcf-unreadable'))
    return fileRefusalWords(first, germline);
  return fileRefusalWords(refusal ?? { code: 'vcf-no-header', params: { file: name } }, germline);
}

/** What the New case dialog shows: the VCF's samples and annotations, PED, Phenopacket, a mapping. */
export async function inspectCase(
  file: FileEntry,
  ped: TextFile | undefined,
  phenopacket: TextFile | undefined,
): Promise<CaseInspection> {
  const { header, summary, noRecords } = await readHeader(file);
  const samples = header?.samples ?? [];
  const a = header === undefined ? undefined : detectAssembly(header);
  const refusal = refusalOf(file.name, header, summary, noRecords);
  const parsedPed =
    ped === undefined ? undefined : { name: ped.name, ...parsePed(ped.name, ped.text) };
  const links =
    parsedPed === undefined
      ? samples.slice(0, 1).map((s) => ({ sample: s, member: s }))
      : proposeLinks(samples, parsedPed.members);
  const proband =
    parsedPed === undefined ? (samples[0] ?? null) : (probandOf(parsedPed.members)?.id ?? null);
  const pp =
    phenopacket === undefined ? undefined : readPhenopacket(phenopacket.name, phenopacket.text);
  return {
    vcf: {
      name: file.name,
      size: file.size,
      container: summary.container ?? null,
      version: header?.version ?? null,
      samples: [...samples],
      assembly: {
        name: a?.assembly ?? 'unknown',
        evidence: a?.evidence ?? 'no header was read',
      },
      annotations: header === undefined ? [] : annotationLayouts(header).map((l) => l.key),
      frequencyFields: header === undefined ? [] : frequencyInfoKeys(header),
      problems: [...summary.problems, ...summary.warnings],
      ...(refusal === undefined
        ? {}
        : { refusal, refused: refusalCodeOf(file.name, header, summary, noRecords) }),
      ...somaticOf(header),
    },
    ...(parsedPed === undefined
      ? {}
      : {
          ped: { name: parsedPed.name, members: parsedPed.members, problems: parsedPed.problems },
        }),
    ...(pp === undefined || phenopacket === undefined
      ? {}
      : { phenopacket: { name: phenopacket.name, ...pp } }),
    links,
    proband,
    mismatches:
      parsedPed === undefined
        ? []
        : linkMismatches(parsedPed.name, samples, parsedPed.members, links),
  };
}
