import { detectAssembly, grch38Length, readVcf } from '../../../shared/vcf';
import type { AssemblyGuess, VcfHeader, VcfProblem } from '../../../shared/vcf';
import { browserInflater } from './browserInflater';

/** Why a patient VCF cannot become a track (the page words it with i18n). */
export type PatientVcfCheck =
  | { ok: true }
  /** The first problem the reader found (located and coded: the page words it), and how many others. */
  | { ok: false; kind: 'problem'; problem: VcfProblem; more: number; stopped: boolean }
  | {
      ok: false;
      kind: 'grch37';
      file: string;
      evidence: string;
      said: AssemblyGuess['said'];
    }
  | { ok: false; kind: 'notGrch38'; file: string; contigs: string }
  | { ok: false; kind: 'noHeader'; file: string };

const STOP_AFTER = 20;

/**
 * Checks a patient VCF (plain, gzip or BGZF) with the app's one reader before igv sees it: igv
 * skips bad lines silently, shows a truncated .vcf.gz as a shorter file and draws nothing for a
 * GRCh37 file (issue 16). The whole file is streamed, so every line is checked.
 */
export async function checkPatientVcf(file: File): Promise<PatientVcfCheck> {
  const chroms = new Set<string>();
  let header: VcfHeader | undefined;
  const summary = await readVcf(streamOf(file), {
    file: file.name,
    inflater: browserInflater,
    stopAfter: STOP_AFTER,
    maxProblems: STOP_AFTER,
    onHeader: (h) => {
      header = h;
    },
    onRecord: (r) => chroms.add(r.chrom),
  });
  const first = summary.problems[0];
  if (first !== undefined) {
    return {
      ok: false,
      kind: 'problem',
      problem: first,
      more: summary.problemCount - 1,
      stopped: summary.stopped,
    };
  }
  if (header === undefined) return { ok: false, kind: 'noHeader', file: file.name };
  const guess = detectAssembly(header);
  if (guess.assembly === 'GRCh37') {
    return {
      ok: false,
      kind: 'grch37',
      file: file.name,
      evidence: guess.evidence,
      said: guess.said,
    };
  }
  const foreign = [...chroms].filter((c) => grch38Length(c) === undefined);
  if (chroms.size > 0 && foreign.length === chroms.size) {
    return {
      ok: false,
      kind: 'notGrch38',
      file: file.name,
      contigs: foreign.slice(0, 5).join(', '),
    };
  }
  return { ok: true };
}

/** The file's bytes as an async iterable (Blob.stream()), so a large VCF is never one string. */
async function* streamOf(file: Blob): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) return;
      yield r.value;
    }
  } finally {
    reader.releaseLock();
  }
}
