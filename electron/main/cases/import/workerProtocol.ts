import type { ResolvedMember } from '../../../../shared/cases/members';
import type { VcfProblem } from '../../../../shared/vcf';
import type { SomaticCaller } from '../../../../shared/cancer/somaticCalls';

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
}

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
  | { readonly type: 'failed'; readonly message: string; readonly problems: VcfProblem[] }
  | { readonly type: 'cancelled' };

/** Messages to the worker. */
export type ParentMessage = { readonly type: 'cancel' };
