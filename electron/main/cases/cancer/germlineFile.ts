import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CancerRecord } from '../../../../shared/cancer/cancerCase';
import type { ResolvedMember } from '../../../../shared/cases/members';
import { HandlerError } from '../../ipc/router';
import { openChunked } from '../../vault/chunkedCipher';
import type { VaultUser } from '../../vault/datasetFolder';
import { caseFileBinding } from '../caseFolder';
import { readHeader, refusalOf, vcfRefusalWords } from '../caseInspect';
import type { CaseService, OpenedCase } from '../caseService';
import type { ImportJob, ImportStats } from '../import/workerProtocol';
import { words } from '../../../../shared/appError';

/**
 * A cancer case's separate germline VCF (decision 0059): a germline caller's output for the same
 * patient, imported beside the tumour VCF into its own database. It is sealed under the case's data
 * key with a binding of its own (`case-germline-database`, owner and folder), so it cannot be
 * swapped for the tumour's database or another case's, and its sha256 is in the sealed manifest.
 */

export const GERMLINE_DB_FILE = 'germline.duckdb.sealed';
/** The germline sample's member index in its own database (the only member). */
export const GERMLINE_VCF_SAMPLE_IDX = 0;

/** The germline database's binding: owner and folder, apart from the case database's. */
export const germlineBinding = (user: VaultUser, folder: string): Buffer =>
  caseFileBinding('case-germline-database', user, folder);

/**
 * Checks the germline file of an import request before anything starts (handle, header, GRCh38,
 * the sample) and describes its job: the import worker reads it first (germlineImport.ts). Every
 * refusal names the file, and the line where the reader stopped.
 */
export async function germlineJob(opts: {
  cases: CaseService;
  germline: { vcf: string; sample: string };
  sex: ResolvedMember['sex'];
  stagingDir: string;
  folder: string;
  base: Pick<ImportJob, 'caseId' | 'dataKey' | 'genomeDir'>;
  meta: Readonly<Record<string, string>>;
}): Promise<ImportJob> {
  const owner = opts.cases.owner();
  const file = opts.cases.files.get(opts.germline.vcf, owner.scope);
  if (file === undefined)
    throw new HandlerError(
      'INVALID_REQUEST',
      'The germline VCF is no longer available; choose it again.',
      'germline',
      words('germlineGone'),
    );
  const { header, summary, noRecords } = await readHeader(file);
  const first = summary.problems[0];
  // A header-only germline VCF is refused as the tumour VCF is (decision 0088, 0095): a germline
  // view of no calls would say "no predisposition findings" about a file that holds none.
  const refusal = refusalOf(file.name, header, summary, noRecords);
  if (refusal !== undefined || header === undefined)
    throw new HandlerError(
      'INVALID_REQUEST',
      `Germline VCF ${first?.line === undefined ? file.name : `${file.name}:${String(first.line)}`}: ${refusal ?? 'no header'}`,
      file.name,
      vcfRefusalWords(file.name, header, summary, noRecords, true),
    );
  const column = header.samples.indexOf(opts.germline.sample);
  if (column < 0)
    throw new HandlerError(
      'INVALID_REQUEST',
      `Germline VCF ${file.name}: "${opts.germline.sample}" is not one of its sample columns (${header.samples.join(', ')}); choose its sample again.`,
      'germline',
      words('germlineSample', {
        file: file.name,
        sample: opts.germline.sample,
        samples: header.samples.join(', ').slice(0, 2000),
      }),
    );
  const scratchDir = join(opts.stagingDir, 'scratch-germline');
  mkdirSync(scratchDir, { recursive: true, mode: 0o700 });
  const sample = opts.germline.sample;
  return {
    ...opts.base,
    source: file.source,
    name: file.name,
    size: file.size,
    // One person: the germline sample is its database's proband, with no parents (no inheritance).
    members: [
      {
        sampleIdx: GERMLINE_VCF_SAMPLE_IDX,
        column,
        sample,
        member: sample,
        role: 'normal',
        sex: opts.sex,
        affected: null,
        fatherIdx: null,
        motherIdx: null,
      },
    ],
    scratchDir,
    dbFile: join(scratchDir, `${randomBytes(8).toString('hex')}.duckdb`),
    sealedFile: join(opts.stagingDir, GERMLINE_DB_FILE),
    binding: germlineBinding(owner.user, opts.folder),
    meta: { ...opts.meta, kind: 'cancer-germline', vcf_name: file.name },
  };
}

/** What the manifest keeps of the imported germline file. */
export function germlineRecord(
  job: ImportJob,
  stats: ImportStats | undefined,
): NonNullable<CancerRecord['germline']> {
  const sample = job.members[0]?.sample;
  if (stats === undefined || sample === undefined)
    throw new Error('the germline VCF was not imported');
  return {
    name: job.name,
    sample,
    records: stats.records,
    variants: stats.variants,
    sha256: stats.sha256,
    plainBytes: stats.plainBytes,
    sealedBytes: stats.sealedBytes,
    // The ACMG sheet's frequency evidence names the fields the germline rows' pop_af came from.
    frequencyFields: stats.frequencyFields,
  };
}

/** Decrypts and verifies a case's germline database (sha256 against the sealed manifest). */
export function readGermlineDatabase(c: OpenedCase, user: VaultUser): Buffer {
  const g = c.manifest.cancer?.germline;
  if (g === undefined) throw new Error('the case has no germline VCF');
  const plain = openChunked(
    c.dataKey,
    readFileSync(join(c.dir, GERMLINE_DB_FILE)),
    germlineBinding(user, c.folder),
  );
  if (createHash('sha256').update(plain).digest('hex') !== g.sha256)
    throw new Error('the germline database does not match its sealed record');
  return plain;
}
