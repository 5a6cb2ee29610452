import { useCallback, useRef, useState } from 'react';
import type {
  CaseInspection,
  CaseProblem,
  CaseSex,
  FileRef,
  Phenotype,
  SampleLink,
  TextFile,
} from '../../../../shared/cases/channels';
import { resolveMembers } from '../../../../shared/cases/members';
import { linkMismatches } from '../../../../shared/cases/pedigree';
import { readPhenopacket } from '../../../../shared/cases/phenopacketInput';
import { useStore } from '../../store';
import type { CancerDraft } from '../cancer/cancerDraft';
import { cancerProblems, cancerRequest, proposeCancer } from '../cancer/cancerDraft';
import { appErrorText } from '../../i18n/appErrorText';
import { locatedVcfProblem, type LocatedProblem } from './ProblemList';
import { useCaseUpload, type CaseUpload } from './useCaseUpload';

/** Everything the New case dialog holds until the import starts. */
export interface CaseDraft {
  caseId: string;
  patientId: string;
  sex: CaseSex;
  note: string;
  phenotype: Phenotype;
  vcf: FileRef | undefined;
  /** Browser mode: the chosen VCF's upload while it is sent. */
  upload: CaseUpload | undefined;
  ped: TextFile | undefined;
  phenopacket: TextFile | undefined;
  phenopacketProblems: CaseProblem[];
  inspection: CaseInspection | undefined;
  links: SampleLink[];
  /** The person changed the mapping or the proband: a new inspection keeps what still fits. */
  linksEdited: boolean;
  proband: string | undefined;
  busy: 'choosing' | 'inspecting' | 'starting' | undefined;
  /** What went wrong last (choosing, inspecting, starting), in the person's words. */
  error: string | undefined;
  /** A case of kind "cancer" (issue 19): its fields; undefined for a germline case. */
  cancer: CancerDraft | undefined;
}

export const EMPTY_DRAFT: CaseDraft = {
  caseId: '',
  patientId: '',
  sex: 'unknown',
  note: '',
  phenotype: { observed: [], excluded: [] },
  vcf: undefined,
  upload: undefined,
  ped: undefined,
  phenopacket: undefined,
  phenopacketProblems: [],
  inspection: undefined,
  links: [],
  linksEdited: false,
  proband: undefined,
  busy: undefined,
  error: undefined,
  cancer: undefined,
};

/** Problems that block the import now: the file's, the PED's, and the sample mapping's. */
export function blockingProblems(d: CaseDraft): LocatedProblem[] {
  const i = d.inspection;
  if (i === undefined) return [];
  // Codes travel with the problems, so the dialog words them (issue 22).
  const vcf: LocatedProblem[] = i.vcf.problems
    .filter((p) => p.severity === 'error')
    .map(locatedVcfProblem);
  if (i.vcf.refusal !== undefined)
    vcf.unshift({ file: i.vcf.name, message: i.vcf.refusal, ...i.vcf.refused });
  if (d.cancer !== undefined) return [...vcf, ...cancerProblems(i, d.cancer, d.sex)];
  const ped = i.ped?.problems ?? [];
  const members = resolveMembers({
    samples: i.vcf.samples,
    ped: i.ped === undefined ? undefined : { name: i.ped.name, members: i.ped.members },
    links: d.links,
    proband: d.proband,
    sex: d.sex,
  }).problems;
  return [...vcf, ...ped, ...members];
}

/** Named sample/member mismatches that do not block (a member without a sample is imported without calls). */
export function mismatches(d: CaseDraft): CaseProblem[] {
  const i = d.inspection;
  if (i?.ped === undefined) return [];
  return linkMismatches(i.ped.name, i.vcf.samples, i.ped.members, d.links);
}

/**
 * The mapping after a new inspection (another PED, a Phenopacket read): main's proposal, unless
 * the person fixed it in the dialog; then their links and proband stay where the files still
 * have those samples and members.
 */
export function keptLinks(
  d: CaseDraft,
  found: CaseInspection,
): { links: SampleLink[]; proband: string | undefined } {
  const proposed = { links: found.links, proband: found.proband ?? undefined };
  if (!d.linksEdited) return proposed;
  const samples = new Set(found.vcf.samples);
  const members = new Set((found.ped?.members ?? []).map((m) => m.id));
  const links = d.links.filter((l) => samples.has(l.sample) && members.has(l.member));
  const proband =
    d.proband !== undefined && (members.has(d.proband) || samples.has(d.proband))
      ? d.proband
      : proposed.proband;
  return { links, proband };
}

/**
 * The New case dialog's state and actions; IPC goes through the case slice. Every change is a
 * function of the latest draft (issue 19): file picks, uploads and inspections resolve after the
 * person changed other fields, and a draft captured before the await would undo those changes.
 * `latest` is that draft, for the requests built after an await; only the newest inspection's
 * answer is kept, and nothing started before a reset lands in the next case.
 */
export function useNewCase() {
  const [draft, setDraft] = useState<CaseDraft>(EMPTY_DRAFT);
  const latest = useRef<CaseDraft>(EMPTY_DRAFT);
  const inspection = useRef(0);
  const epoch = useRef(0);
  const update = useCallback((change: (d: CaseDraft) => CaseDraft) => {
    latest.current = change(latest.current);
    setDraft(latest.current);
  }, []);
  const patch = useCallback((p: Partial<CaseDraft>) => update((d) => ({ ...d, ...p })), [update]);
  /** Patches the cancer fields; dropped when the case is no longer of kind cancer. */
  const patchCancer = useCallback(
    (p: Partial<CancerDraft>) =>
      update((d) => (d.cancer === undefined ? d : { ...d, cancer: { ...d.cancer, ...p } })),
    [update],
  );
  const showUpload = useCallback((upload: CaseUpload | undefined) => patch({ upload }), [patch]);
  const upload = useCaseUpload(showUpload);
  const inspectFiles = useStore((s) => s.inspectCaseFiles);
  const start = useStore((s) => s.startCaseImport);
  const release = useStore((s) => s.releaseCaseFile);
  /** Issue 16 (DATA-02): the files of a draft given up go now, not when their handles expire. */
  const releaseFiles = (d: CaseDraft): void => {
    for (const f of [d.vcf, d.cancer?.germline?.file]) if (f !== undefined) release(f.handle);
  };

  /** Applies `change`, then has main inspect the files when there is a VCF. */
  const inspect = async (change: (d: CaseDraft) => CaseDraft): Promise<void> => {
    const token = ++inspection.current;
    update((d) => {
      const next = change(d);
      return next.vcf === undefined ? next : { ...next, busy: 'inspecting', error: undefined };
    });
    const next = latest.current;
    if (next.vcf === undefined) return;
    const result = await inspectFiles({
      vcf: next.vcf.handle,
      ...(next.ped === undefined ? {} : { ped: next.ped }),
      ...(next.phenopacket === undefined ? {} : { phenopacket: next.phenopacket }),
    });
    // A later inspection (another file chosen meanwhile) or a reset supersedes this answer.
    if (token !== inspection.current) return;
    update((d) =>
      result.ok
        ? {
            ...d,
            busy: undefined,
            inspection: result.value,
            ...keptLinks(d, result.value),
            // A somatic caller's file opens as a cancer case; the person can switch back.
            cancer:
              result.value.vcf.somatic !== undefined || d.cancer !== undefined
                ? proposeCancer(result.value, d.cancer)
                : undefined,
          }
        : { ...d, busy: undefined, inspection: undefined, error: appErrorText(result.error) },
    );
  };

  return {
    draft,
    patch,
    patchCancer,
    reset: () => {
      epoch.current++;
      inspection.current++;
      upload.drop();
      releaseFiles(latest.current);
      update(() => EMPTY_DRAFT);
    },
    chooseVcf: async (file?: File): Promise<void> => {
      const at = epoch.current;
      patch({ busy: 'choosing', error: undefined });
      const sent = await upload.send(file);
      // Cancelled, superseded by another pick, or the dialog was reset meanwhile.
      if (sent === undefined || epoch.current !== at) return;
      const { result } = sent;
      if (!result.ok) {
        patch({ busy: undefined, error: appErrorText(result.error) });
        return;
      }
      const vcf = result.value;
      if (vcf === null) {
        patch({ busy: undefined });
        return;
      }
      // Another VCF replaces the one chosen before: that one's upload goes.
      const before = latest.current.vcf;
      if (before !== undefined && before.handle !== vcf.handle) release(before.handle);
      await inspect((d) => ({ ...d, vcf, busy: undefined }));
    },
    /**
     * Stops the VCF's upload (issue 19, decision 0079): the request is aborted and main drops
     * what arrived; a file chosen and checked before stays.
     */
    cancelUpload: (): void => {
      upload.drop();
      patch({ busy: undefined });
    },
    setPed: (ped: TextFile | undefined): Promise<void> => inspect((d) => ({ ...d, ped })),
    /** Reads a Phenopacket v2 in the page: its subject, sex and HPO terms fill the form at once. */
    setPhenopacket: (file: TextFile | undefined): Promise<void> => {
      if (file === undefined) {
        patch({ phenopacket: undefined, phenopacketProblems: [] });
        return Promise.resolve();
      }
      const read = readPhenopacket(file.name, file.text);
      return inspect((d) => ({
        ...d,
        phenopacket: file,
        phenopacketProblems: read.problems,
        phenotype: read.phenotype,
        sex: read.sex === 'unknown' ? d.sex : read.sex,
        patientId: d.patientId === '' ? (read.subjectId ?? '') : d.patientId,
      }));
    },
    /** Starts the import; resolves with the job, or undefined when main refused (said in `error`). */
    submit: async (): Promise<{ jobId: string; caseId: string } | undefined> => {
      const d = latest.current;
      if (d.vcf === undefined) return undefined;
      patch({ busy: 'starting', error: undefined });
      const result = await start({
        ...(d.caseId.trim() === '' ? {} : { caseId: d.caseId.trim() }),
        patientId: d.patientId.trim(),
        sex: d.sex,
        note: d.note,
        phenotype: d.phenotype,
        vcf: d.vcf.handle,
        ...(d.ped === undefined ? {} : { ped: d.ped }),
        ...(d.phenopacket === undefined ? {} : { phenopacketName: d.phenopacket.name }),
        ...(d.cancer === undefined
          ? { links: d.links, ...(d.proband === undefined ? {} : { proband: d.proband }) }
          : { cancer: cancerRequest(d.cancer) }),
      });
      if (!result.ok) {
        patch({ busy: undefined, error: appErrorText(result.error) });
        return undefined;
      }
      patch({ busy: undefined });
      return result.value;
    },
  };
}
