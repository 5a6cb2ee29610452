import { resolve } from 'node:path';
import type { CaseProgress, SampleLink } from '../../../shared/cases/channels';
import { formatBytes } from '../../../shared/i18n/format';
import { formatProblem } from '../../../shared/vcf';
import { EXIT } from '../exitCodes';
import type { ExitCode } from '../exitCodes';
import type { CliContext } from '../io';
import { exitForError } from '../results';
import type { CliTransport } from '../transport';
import type { CancerOpts } from './caseCancer';
import { cancerRequest, wantsCancer, withGermline } from './caseCancer';
import { readText, Stop, unlocked } from './caseCommon';
import { counted } from './vcf';

const FINAL = new Set(['done', 'failed', 'cancelled']);

export interface ImportOpts extends CancerOpts {
  vcf: string;
  ped?: string;
  phenopacket?: string;
  id?: string;
  patient?: string;
  sex?: 'male' | 'female' | 'unknown';
  proband?: string;
  link: string[];
  note?: string;
  json?: boolean;
  passphraseFd?: number;
}

export async function importCase(ctx: CliContext, o: ImportOpts): Promise<ExitCode> {
  const t = await unlocked(ctx, o.passphraseFd);
  const file = await t.invoke('case:addFile', { path: resolve(ctx.cwd, o.vcf) });
  if (!file.ok) throw new Stop(exitForError(file.error.code), `${o.vcf}: ${file.error.message}`);
  const ped = o.ped === undefined ? undefined : readText(ctx, o.ped);
  const pp = o.phenopacket === undefined ? undefined : readText(ctx, o.phenopacket);
  const inspected = await t.invoke('case:inspect', {
    vcf: file.value.handle,
    ...(ped === undefined ? {} : { ped }),
    ...(pp === undefined ? {} : { phenopacket: pp }),
  });
  if (!inspected.ok) throw new Stop(exitForError(inspected.error.code), inspected.error.message);
  const i = inspected.value;
  for (const p of i.vcf.problems) ctx.err(formatProblem(p));
  if (i.vcf.refusal !== undefined) throw new Stop(EXIT.invalid, i.vcf.refusal);
  if (i.vcf.problems.some((p) => p.severity === 'error')) return EXIT.invalid;
  for (const p of [...(i.ped?.problems ?? []), ...(i.phenopacket?.problems ?? [])])
    ctx.err(`${p.file ?? ''}${p.line === undefined ? '' : `:${String(p.line)}`}: ${p.message}`);
  // A Phenopacket asked for but unreadable is an invalid input, not a case without a phenotype
  // (issue 16): terms left out are said above, a file that gave nothing stops the import.
  if (
    i.phenopacket?.problems.some(
      (p) =>
        p.code === 'phenopacket-not-json' ||
        p.code === 'phenopacket-invalid' ||
        p.code === 'phenopacket-duplicate-key',
    ) === true
  ) {
    ctx.err(
      `${i.phenopacket.name}: fix the Phenopacket or leave --phenopacket out; nothing was imported.`,
    );
    return EXIT.invalid;
  }
  // A subject id with control characters is not the patient id (decision 0106): said above at its
  // line; without --patient the case would otherwise be filed under the case id or "unknown".
  if (
    o.patient === undefined &&
    i.phenopacket?.problems.some((p) => p.code === 'phenopacket-subject-control') === true
  ) {
    ctx.err(`${i.phenopacket.name}: give the patient id with --patient; nothing was imported.`);
    return EXIT.invalid;
  }
  // A cancer case (issue 19): tumour and normal instead of pedigree members, same request. A
  // somatic caller's file is one unless a pedigree option says otherwise, as New case proposes
  // (decision 0079: before, Mutect2 output without a cancer option became a germline case).
  const pedigree = o.ped !== undefined || o.proband !== undefined || o.link.length > 0;
  const cancerCase = wantsCancer(o) || (i.vcf.somatic !== undefined && !pedigree);
  const asked = cancerCase ? await withGermline(ctx, t, o, cancerRequest(o, i)) : undefined;
  const cancer = asked?.request;
  const overrides = o.link.map((l): SampleLink => {
    const [sample = '', member = ''] = l.split('=');
    if (sample === '' || member === '')
      throw new Stop(EXIT.usage, `--link takes SAMPLE=MEMBER, not "${l}"`);
    return { sample, member };
  });
  const links = [
    ...overrides,
    ...i.links.filter((l) => !overrides.some((x) => x.sample === l.sample)),
  ];
  if (overrides.length === 0 && cancer === undefined)
    for (const m of i.mismatches) ctx.err(`warning: ${m.message}`);
  const started = await t.invoke('case:import', {
    ...(o.id === undefined ? {} : { caseId: o.id }),
    patientId: o.patient ?? i.phenopacket?.subjectId ?? o.id ?? 'unknown',
    sex: o.sex ?? i.phenopacket?.sex ?? 'unknown',
    ...(o.note === undefined ? {} : { note: o.note }),
    ...(i.phenopacket === undefined
      ? {}
      : { phenotype: i.phenopacket.phenotype, phenopacketName: i.phenopacket.name }),
    vcf: file.value.handle,
    ...(cancer === undefined
      ? {
          ...(ped === undefined ? {} : { ped }),
          links,
          ...((o.proband ?? i.proband) === null ? {} : { proband: o.proband ?? i.proband ?? '' }),
        }
      : { cancer }),
  });
  if (!started.ok) {
    ctx.err(
      `${started.error.where === undefined ? '' : `${started.error.where}: `}${started.error.message}`,
    );
    return started.error.code === 'INVALID_REQUEST'
      ? EXIT.invalid
      : exitForError(started.error.code);
  }
  const end = await follow(ctx, t, started.value.jobId, o.json === true);
  for (const p of end.problems) ctx.err(formatProblem(p));
  if (end.phase !== 'done') {
    ctx.err(end.message ?? `Import ${end.phase}.`);
    return end.phase === 'cancelled' ? EXIT.interrupted : EXIT.invalid;
  }
  const result = {
    caseId: end.caseId,
    jobId: end.jobId,
    records: end.records,
    variants: end.variants,
    elapsedMs: Math.round(end.elapsedMs),
    ...(asked === undefined
      ? {}
      : { kind: 'cancer', caller: i.vcf.somatic?.caller ?? 'generic', ...asked.shown }),
  };
  const g = asked?.shown.germline;
  ctx.out(
    o.json === true
      ? JSON.stringify(result)
      : `${end.caseId}: imported ${counted(end.records, 'record')}, ${counted(end.variants, 'variant')} in ${(end.elapsedMs / 1000).toFixed(1)} s${
          cancer === undefined
            ? ''
            : ` (cancer case: tumour ${cancer.tumour}, ${cancer.normal === undefined ? 'tumour-only' : `normal ${cancer.normal}`}${g === undefined ? '' : `, germline VCF ${g.file} sample ${g.sample}`})`
        }`,
  );
  return EXIT.ok;
}

/** Polls the job until it ends; progress lines on stderr unless --json. */
async function follow(
  ctx: CliContext,
  t: CliTransport,
  jobId: string,
  quiet: boolean,
): Promise<CaseProgress> {
  let last = 0;
  for (;;) {
    const r = await t.invoke('case:jobs', undefined);
    const job = r.ok ? r.value.jobs.find((j) => j.jobId === jobId) : undefined;
    if (job !== undefined && FINAL.has(job.phase)) return job;
    if (job !== undefined && !quiet && Date.now() - last > 2000) {
      last = Date.now();
      // Issue 16: "0 of 0 MB" and "1 records" for a small file; sizes as the app words them.
      const eta = job.etaMs === null ? '' : `, about ${(job.etaMs / 1000).toFixed(0)} s left`;
      ctx.err(
        `${job.phase}: ${counted(job.records, 'record')}, ${formatBytes(job.bytesRead, 'en')} of ${formatBytes(job.totalBytes, 'en')}${eta}`,
      );
    }
    await new Promise((r2) => setTimeout(r2, 200));
  }
}
