import type { CaseTable } from '../../../../shared/cases/dbSchema';
import { ImportRefusal } from './importRefusal';
import { annotationLayouts, frequencyInfoKeys, readVcf } from '../../../../shared/vcf';
import { nodeInflater } from '../../vcf/nodeVcf';
import { loadGeneIndex } from '../genomeAssets';
import type { RowSink } from './caseRows';
import { CaseRowBuilder } from './caseRows';
import { openSource } from './sources';
import { TableSpool } from './tableSpool';
import type { PartJob, PartMessage } from './workerProtocol';

/**
 * The second parse worker's job (decision 0061): it reads and checks the whole VCF with the app's
 * reader, exactly as the first worker does, so every problem keeps its file and line and the
 * order and duplicate checks see every record; it builds rows only for the records whose line
 * ends in a BGZF block at or after `from`, numbering their variants from 0, and spools them as
 * the writer does. The import worker loads these files after its own rows, with the vid offset.
 */
export async function runPartJob(
  part: PartJob,
  post: (m: PartMessage) => void,
  signal: { aborted: boolean },
): Promise<void> {
  const { job, from } = part;
  try {
    const spools = new Map<CaseTable, TableSpool>();
    const spool = (t: CaseTable): TableSpool => {
      let s = spools.get(t);
      if (s === undefined) {
        s = new TableSpool(
          t,
          job.scratchDir,
          (file, table, rows) => {
            post({ type: 'spool', file, table, rows });
          },
          'part-',
        );
        spools.set(t, s);
      }
      return s;
    };
    const sink: RowSink = {
      variant: (row) => spool('variants').push(row),
      variantGene: (vid, gene) => spool('variant_genes').push([vid, gene]),
      genotype: (row) => spool('genotypes').push(row),
      annotation: (row) => spool('annotations').push(row),
      frequency: (vid, f, af) => spool('frequencies').push([vid, f, af]),
    };
    const genes = loadGeneIndex(job.genomeDir);
    let builder: CaseRowBuilder | undefined;
    let failure: unknown;
    let block = 0;
    let records = 0;
    let last = 0;
    const summary = await readVcf(openSource(job.source), {
      file: job.name,
      inflater: nodeInflater,
      stopAfter: 1,
      signal,
      onBlock: (offset) => {
        block = offset;
      },
      onProgress: (bytesRead) => {
        const now = Date.now();
        if (now - last < 200) return;
        last = now;
        post({ type: 'progress', records, variants: spool('variants').rows, bytesRead });
      },
      onHeader: (h) => {
        const ctx = {
          file: job.name,
          members: job.members,
          layouts: annotationLayouts(h),
          frequencyKeys: frequencyInfoKeys(h),
          genes,
        };
        builder = new CaseRowBuilder(ctx, sink);
      },
      onRecord: (r) => {
        records++;
        if (block < from) return;
        try {
          builder?.add(r);
        } catch (error: unknown) {
          failure ??= error;
          signal.aborted = true;
        }
      },
    });
    if (failure !== undefined)
      throw failure instanceof Error
        ? failure
        : new Error('the parse stopped on an unexpected value');
    for (const s of spools.values()) s.flush();
    const c = builder?.counts ?? { alleles: 0, notCarried: 0, notSequence: 0 };
    post({
      type: 'end',
      summary: {
        records: summary.records,
        problems: [...summary.problems],
        problemCount: summary.problemCount,
        warningCount: summary.warningCount,
        cancelled: summary.cancelled,
        alleles: c.alleles,
        skipped: c.notCarried + c.notSequence,
      },
    });
  } catch (error: unknown) {
    if (error instanceof ImportRefusal) {
      post({ type: 'failed', message: error.message, why: error.said.why });
      return;
    }
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
