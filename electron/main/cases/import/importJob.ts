import { rmSync, statSync } from 'node:fs';
import { materializeInheritanceStages } from '../../../../shared/cases/inheritanceSql';
import { queryLayoutStages } from '../../../../shared/cases/queryLayout';
import { CASE_SCHEMA_VERSION } from '../../../../shared/cases/dbSchema';
import type { CaseImportWhy } from '../../../../shared/cases/caseProblem';
import { ImportRefusal, noVariantsFailure, partFailure } from './importRefusal';
import type { VcfHeader, VcfSummary } from '../../../../shared/vcf';
import {
  annotationLayouts,
  detectAssembly,
  frequencyInfoKeys,
  readVcf,
} from '../../../../shared/vcf';
import { sealChunkedFile } from '../../vault/chunkedCipher';
import { nodeInflater } from '../../vcf/nodeVcf';
import { loadGeneIndex, loadPanels } from '../genomeAssets';
import type { RowContext } from './caseRows';
import { CaseRowBuilder } from './caseRows';
import type { CaseDbWriter } from './caseDbWriter';
import { OUT, openCaseDbWriter } from './caseDbWriter';
import { openSource } from './sources';
import type { ImportJob, WorkerMessage } from './workerProtocol';
import type { SecondPart } from './secondPart';
import { startSecondPart } from './secondPart';

/**
 * The steps of an import, in order: the writer open; the VCF read and its rows built (the loads
 * overlapping); inheritance (the loads still queued and the commit first); the query layout; the
 * checkpoint and close; the seal.
 */
export type ImportStep = 'opened' | 'read' | 'inheritance' | 'layout' | 'finished' | 'sealed';

/**
 * The whole import of one VCF into one sealed case database (runs in the import worker): stream
 * the VCF through the app's reader, append rows, derive inheritance, checkpoint, seal, and delete
 * the plaintext. Nothing is left behind on failure or cancel (the caller removes the staging
 * folder; the plaintext file is deleted here in every case).
 */
export async function runImportJob(
  job: ImportJob,
  post: (m: WorkerMessage) => void,
  signal: { aborted: boolean; onAbort?: () => void },
  /** Called at the end of each step (bench/case-import-profile.ts): no effect on the import. */
  mark: (step: ImportStep) => void = () => undefined,
): Promise<void> {
  let writer: CaseDbWriter | undefined;
  let opening: Promise<CaseDbWriter> | undefined;
  let second: SecondPart | undefined;
  // Read through a call: a cancel arrives between awaits, which TypeScript's narrowing ignores.
  const cancelled = (): boolean => signal.aborted;
  // The scratch folder holds the plaintext database and every spool file: all of it goes.
  const cleanup = async (): Promise<void> => {
    await second?.terminate();
    // A writer still opening when the job failed is closed as well.
    writer ??= await opening?.catch(() => undefined);
    await writer?.abort();
    rmSync(job.scratchDir, { recursive: true, force: true });
  };
  try {
    // A large BGZF file is parsed on two workers (decision 0061): this one builds the rows of the
    // blocks before `second.from` and stops there; the second reads the whole file and builds the rest.
    second = startSecondPart(job);
    const part = second;
    // DuckDB opens the database on a thread of its own while the second parse worker starts and
    // this one loads the gene index (decision 0078: one after the other they delayed both reads).
    // The scratch folder exists before the second worker can write to it (created here, at once).
    opening = openCaseDbWriter(job.dbFile, job.scratchDir);
    signal.onAbort = () => part?.cancel();
    let atSplit = false;
    const reading = {
      get aborted(): boolean {
        return signal.aborted || atSplit || part?.failed === true;
      },
    };
    const genes = loadGeneIndex(job.genomeDir);
    // The somatic rows' knowledge tables (CIViC, hotspots, the report's words: about half the
    // worker's code) load only for a cancer case, not at every germline worker start (decision 0073).
    const somaticRows = job.cancer && (await import('../cancer/somaticRows'));
    writer = await opening;
    const w = writer;
    mark('opened');
    let builder: CaseRowBuilder | undefined;
    let header: VcfHeader | undefined;
    let refusal: ImportRefusal | undefined;
    let failure: unknown;
    let bytes = 0;
    let records = 0;
    let last = 0;
    const progress = (phase: 'reading' | 'indexing' | 'sealing', force = false): void => {
      const now = Date.now();
      if (!force && now - last < 200) return;
      last = now;
      post({
        type: 'progress',
        phase,
        records: Math.max(records, part?.records ?? 0),
        variants: w.rows('variants') + (part?.variants ?? 0),
        bytesRead: bytes,
      });
    };
    const summary = await readVcf(openSource(job.source), {
      file: job.name,
      inflater: nodeInflater,
      stopAfter: 1,
      signal: reading,
      pause: () => w.wait(),
      onBlock: (offset) => {
        if (part !== undefined && offset >= part.from) atSplit = true;
      },
      onProgress: (n) => {
        bytes = n;
        progress('reading');
      },
      onHeader: (h) => {
        header = h;
        const refused = refuse(h, job);
        if (refused !== undefined) {
          refusal = new ImportRefusal(refused);
          signal.aborted = true;
          return;
        }
        const ctx: RowContext = {
          members: job.members,
          layouts: annotationLayouts(h),
          frequencyKeys: frequencyInfoKeys(h),
          genes,
          ...(job.cancer &&
            somaticRows && {
              somatic: somaticRows.somaticHook(
                job.cancer.caller,
                job.cancer.tumourType,
                job.members,
                w,
                job.name,
              ),
            }),
        };
        builder = new CaseRowBuilder({ ...ctx, file: job.name }, w);
      },
      onRecord: (r) => {
        if (atSplit) return;
        records++;
        try {
          builder?.add(r);
        } catch (error: unknown) {
          // Thrown inside the reader's loop it would read as a decompression error: stop and rethrow.
          failure ??= error;
          signal.aborted = true;
        }
      },
    });
    if (refusal !== undefined) throw refusal;
    if (failure !== undefined)
      throw failure instanceof Error
        ? failure
        : new Error('the import stopped on an unexpected value');
    // The second worker read the whole file: its summary is the file's, once this half is clean.
    let whole: Pick<VcfSummary, 'records' | 'warningCount' | 'problems' | 'problemCount'> = summary;
    let theirs = { alleles: 0, skipped: 0 };
    if (part !== undefined && !signal.aborted && summary.problemCount === 0) {
      // A second half with a problem is not loaded: the import fails below.
      if (!part.failed) part.adoptInto(w, w.rows('variants'));
      const end = await part.ended();
      if ('message' in end) throw partFailure(end);
      // Stopped without a cancel: its half was not read to the end, so nothing may be kept.
      if (end.summary.cancelled && !cancelled())
        throw new Error('the second parse worker stopped before the end of the file');
      whole = end.summary;
      theirs = end.summary;
    }
    if (signal.aborted) {
      await cleanup();
      post({ type: 'cancelled' });
      return;
    }
    if (whole.problemCount > 0 || header === undefined || builder === undefined) {
      await cleanup();
      post({
        type: 'failed',
        message: `${job.name} is not valid VCF: nothing was imported.`,
        problems: [...whole.problems],
        why: { code: 'import-not-valid', params: { file: job.name } },
      });
      return;
    }
    if (w.rows('variants') === 0) {
      await cleanup(); // no GT, or only reference and missing calls: no case (decision 0095)
      post({ type: 'failed', problems: [], ...noVariantsFailure(job.name, whole.records) });
      return;
    }
    mark('read');
    progress('indexing', true);
    job.members.forEach((m) =>
      w.sample([
        m.sampleIdx,
        m.sample,
        m.member,
        m.role,
        m.sex,
        m.affected,
        m.fatherIdx,
        m.motherIdx,
      ]),
    );
    const layouts = annotationLayouts(header).map((l) => l.key);
    const freq = frequencyInfoKeys(header);
    const meta: Record<string, string> = {
      ...job.meta,
      schema_version: String(CASE_SCHEMA_VERSION),
      case_id: job.caseId,
      vcf_version: header.version,
      container: summary.container ?? 'plain',
      records: String(whole.records),
    };
    for (const [k, v] of Object.entries(meta)) w.meta(k, v);
    const proband = job.members[0];
    // Independent statements side by side on their own connections (decision 0078).
    await w.runStages(
      materializeInheritanceStages(OUT, {
        motherIdx: proband?.motherIdx ?? null,
        fatherIdx: proband?.fatherIdx ?? null,
        probandSex: proband?.sex ?? 'unknown',
      }),
    );
    mark('inheritance');
    // The query layout (decision 0036), built from the loaded tables once they are final, with a
    // bit per shipped panel in the filter table (decision 0062).
    await w.runStages(queryLayoutStages(OUT, loadPanels(job.genomeDir)));
    mark('layout');
    const counts = {
      variants: w.rows('variants'),
      genotypes: w.rows('genotypes'),
      annotations: w.rows('annotations'),
    };
    await w.finish();
    mark('finished');
    if (cancelled()) {
      await cleanup();
      post({ type: 'cancelled' });
      return;
    }
    progress('sealing', true);
    const plainBytes = statSync(job.dbFile).size;
    const sealed = sealChunkedFile(job.dataKey, job.dbFile, job.sealedFile, job.binding);
    mark('sealed');
    await cleanup();
    const c = builder.counts;
    post({
      type: 'done',
      stats: {
        records: whole.records,
        alleles: c.alleles + theirs.alleles,
        variants: counts.variants,
        skipped: c.notCarried + c.notSequence + theirs.skipped,
        genotypes: counts.genotypes,
        annotations: counts.annotations,
        warnings: whole.warningCount,
        version: header.version,
        container: summary.container ?? 'plain',
        annotationSources: layouts,
        frequencyFields: freq,
        sha256: sealed.sha256,
        sealedBytes: sealed.sealedBytes,
        plainBytes,
        parseWorkers: part === undefined ? 1 : 2,
      },
    });
  } catch (error: unknown) {
    await cleanup();
    if (error instanceof ImportRefusal) {
      post({ type: 'failed', message: error.message, problems: [], why: error.said.why });
      return;
    }
    const detail = error instanceof Error ? error.message : String(error);
    post({
      type: 'failed',
      message: `The import failed: ${detail}`,
      problems: [],
      why: { code: 'import-failed', params: { detail } },
    });
  }
}

/** Why this header cannot become the case the dialog described, or undefined. */
function refuse(h: VcfHeader, job: ImportJob): { text: string; why: CaseImportWhy } | undefined {
  const a = detectAssembly(h);
  const file = job.name;
  if (a.assembly === 'GRCh37')
    return {
      text: `${file} is on GRCh37 (${a.evidence}); Cohort Desk, the federation and its genome tables are GRCh38. Lift the file over to GRCh38 (e.g. with bcftools +liftover or Picard LiftoverVcf) and import it again.`,
      why: { code: 'vcf-grch37', params: { file } },
    };
  for (const m of job.members)
    if (h.samples[m.column] !== m.sample)
      return {
        text: `${file} has no sample "${m.sample}" in sample column ${String(m.column + 1)}; choose the file again.`,
        why: { code: 'sample-moved', params: { file, sample: m.sample, column: m.column + 1 } },
      };
  return undefined;
}
