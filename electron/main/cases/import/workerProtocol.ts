import type { ResolvedMember } from '../../../../shared/cases/members';
import type { VcfProblem } from '../../../../shared/vcf';
import type { SomaticCaller } from '../../../../shared/cancer/somaticCalls';
import type { CaseTable } from '../../../../shared/cases/dbSchema';
import type { CaseImportWhy } from '../../../../shared/cases/caseProblem';

/** Where the worker reads the VCF from: a file the user chose, or an encrypted upload spool. */
export type SourceSpec =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'spool'; readonly path: string; readonly key: Uint8Array };

/** workerData of the import worker. */
export interface ImportJob {
  readonly source: SourceSpec;
  /** The name problems are located by (the file's base name). */
  readonly name: string;
  readonly size: number;
  readonly members: readonly ResolvedMember[];
  readonly caseId: string;
  /** The plaintext database (scratch, 0700) and the sealed output (staging). */
  readonly scratchDir: string;
  readonly dbFile: string;
  readonly sealedFile: string;
  /** The case's fresh data key and the sealed file's binding (caseFolder.ts). */
  readonly dataKey: Uint8Array;
  readonly binding: Uint8Array;
  /** resources/genome (the worker loads the gene index itself). */
  readonly genomeDir: string;
  readonly meta: Readonly<Record<string, string>>;
  /** A case of kind "cancer" (issue 19): how to read its somatic calls. */
  readonly cancer?: { readonly caller: SomaticCaller; readonly tumourType: string | null };
  /** A cancer case's separate germline VCF, imported first into its own database (decision 0059). */
  readonly germline?: ImportJob;
  /**
   * Parse a BGZF file of at least `minBytes` on two workers (decision 0061): this worker's script
   * (`url`, a file URL, and its Node options) is started again for the second half.
   */
  readonly parts?: { readonly url: string; readonly execArgv: string[]; readonly minBytes: number };
}

/** workerData of the second parse worker: the job, and the compressed offset its part starts at. */
export interface PartJob {
  readonly role: 'part';
  readonly job: ImportJob;
  readonly from: number;
}

/** What the second parse worker read (the whole file, checked; rows from `from` on). */
export interface PartSummary {
  readonly records: number;
  readonly problems: VcfProblem[];
  readonly problemCount: number;
  readonly warningCount: number;
  readonly cancelled: boolean;
  readonly alleles: number;
  readonly skipped: number;
}

/** Messages from the second parse worker. */
export type PartMessage =
  | {
      readonly type: 'spool';
      readonly file: string;
      readonly table: CaseTable;
      readonly rows: number;
    }
  | {
      readonly type: 'progress';
      readonly records: number;
      readonly variants: number;
      readonly bytesRead: number;
    }
  | { readonly type: 'end'; readonly summary: PartSummary }
  | { readonly type: 'failed'; readonly message: string; readonly why?: CaseImportWhy };

export interface ImportStats {
  readonly records: number;
  readonly alleles: number;
  readonly variants: number;
  readonly skipped: number;
  readonly genotypes: number;
  readonly annotations: number;
  readonly warnings: number;
  readonly version: string;
  readonly container: string;
  readonly annotationSources: string[];
  readonly frequencyFields: string[];
  readonly sha256: string;
  readonly sealedBytes: number;
  readonly plainBytes: number;
  /** Workers the VCF was parsed on: 2 for a large BGZF file (decision 0061). */
  readonly parseWorkers: number;
}

/** Messages from the worker. */
export type WorkerMessage =
  | {
      readonly type: 'progress';
      readonly phase: 'reading' | 'indexing' | 'sealing';
      readonly records: number;
      readonly variants: number;
      readonly bytesRead: number;
    }
  | { readonly type: 'done'; readonly stats: ImportStats; readonly germline?: ImportStats }
  | {
      readonly type: 'failed';
      readonly message: string;
      readonly problems: VcfProblem[];
      /** `message` as a code the renderer words (issue 22). */
      readonly why: CaseImportWhy;
    }
  | { readonly type: 'cancelled' };

/** Messages to the worker. */
export type ParentMessage = { readonly type: 'cancel' };
