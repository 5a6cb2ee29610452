/**
 * A case harness whose federated services talk to a demo federation (tests only): one case with
 * a one-allele VCF and a phenotype, the account switchable between runs, and the seen:* events
 * recorded so a test can wait for a lookup or a like query to finish.
 */
import type { FederationDirectory, NodeEntry } from '../../../../shared/federation/directory';
import type { SearchDone } from '../../../../shared/search/results';
import type { LikeUpdate, SeenDone, SeenProgress } from '../../../../shared/seen/channels';
import type { CaseHarness } from '../../cases/testing/caseHarness';
import { openCaseHarness } from '../../cases/testing/caseHarness';

export interface SeenHarness extends CaseHarness {
  /** Whose tokens the nodes get from now on (undefined: signed out). */
  useTokens(tokens: ((node: NodeEntry) => Promise<string | undefined>) | undefined): void;
  useDirectory(directory: () => FederationDirectory): void;
  progress: SeenProgress[];
  likeUpdates: LikeUpdate[];
  /** Resolves on the first progress event matching (already received or future). */
  progressWhere(pred: (p: SeenProgress) => boolean): Promise<SeenProgress>;
  /** Resolves with the seen:done (or seen:likeDone) event of a query id. */
  finished(queryId: string): Promise<SeenDone | SearchDone>;
}

const VCF = (key: string): string => {
  const [chrom = '', pos = '', ref = '', alt = ''] = key.split('-');
  return [
    '##fileformat=VCFv4.2',
    '##reference=GRCh38',
    `##contig=<ID=chr${chrom},assembly=GRCh38>`,
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tPROBAND',
    `chr${chrom}\t${pos}\t.\t${ref}\t${alt}\t50\tPASS\t.\tGT\t0/1`,
    '',
  ].join('\n');
};

/** Opens the harness and imports case `caseId` holding `key` with the observed `terms`. */
export async function openSeenHarness(
  directory: () => FederationDirectory,
  caseId: string,
  key: string,
  terms: readonly string[],
): Promise<SeenHarness> {
  let tokens: ((node: NodeEntry) => Promise<string | undefined>) | undefined;
  let dir = directory;
  const h = openCaseHarness({
    federation: {
      getDirectory: () => Promise.resolve(dir()),
      getAccessToken: (node) => tokens?.(node) ?? Promise.resolve(undefined),
    },
  });
  const progress: SeenProgress[] = [];
  const likeUpdates: LikeUpdate[] = [];
  const done = new Map<string, SeenDone | SearchDone>();
  const waiters = new Map<string, (d: SeenDone | SearchDone) => void>();
  const watchers: { pred: (p: SeenProgress) => boolean; resolve: (p: SeenProgress) => void }[] = [];
  h.services.events.subscribe((event, payload) => {
    if (event === 'seen:progress') {
      const p = payload as SeenProgress;
      progress.push(p);
      for (const w of watchers.filter((x) => x.pred(p))) {
        watchers.splice(watchers.indexOf(w), 1);
        w.resolve(p);
      }
    }
    if (event === 'seen:likeUpdate') likeUpdates.push(payload as LikeUpdate);
    if (event === 'seen:done' || event === 'seen:likeDone') {
      const d = payload as SeenDone | SearchDone;
      done.set(d.queryId, d);
      waiters.get(d.queryId)?.(d);
    }
  });
  const imported = await h.importCase({
    caseId,
    patientId: `P-${caseId}`,
    sex: 'female',
    phenotype: { observed: terms.map((id) => ({ id })), excluded: [] },
    vcf: h.handle(h.file(`${caseId}.vcf`, VCF(key))),
  });
  if (imported.phase !== 'done') throw new Error(`import failed: ${JSON.stringify(imported)}`);
  return Object.assign(h, {
    progress,
    likeUpdates,
    useTokens(t: typeof tokens) {
      tokens = t;
    },
    useDirectory(d: () => FederationDirectory) {
      dir = d;
    },
    progressWhere(pred: (p: SeenProgress) => boolean) {
      const hit = progress.find(pred);
      if (hit !== undefined) return Promise.resolve(hit);
      return new Promise<SeenProgress>((resolve) => watchers.push({ pred, resolve }));
    },
    finished(queryId: string) {
      const d = done.get(queryId);
      if (d !== undefined) return Promise.resolve(d);
      return new Promise<SeenDone | SearchDone>((resolve) => waiters.set(queryId, resolve));
    },
  });
}
