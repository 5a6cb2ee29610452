import type { Command } from 'commander';
import { Option } from 'commander';
import type { PullProgress, PullTarget } from '../../../shared/vault/vault';
import { EXIT, EXIT_HELP } from '../exitCodes';
import type { ExitCode } from '../exitCodes';
import type { CliContext } from '../io';
import { passphraseFdOption } from '../passphrase';
import { exitForError } from '../results';
import type { CliTransport } from '../transport';
import type { Run } from './caseCommon';
import { Stop } from './caseCommon';
import { progressPrinter } from './pullProgress';
import { sessionTransport, signedIn } from './session';

interface PullOpts {
  node?: string;
  purpose: 'clinical' | 'research';
  disease?: string;
  json?: boolean;
  passphraseFd?: number;
}

// A pull the service paused on its own (the network went away) ends the command: the same command
// resumes it later.
const FINAL = new Set(['done', 'failed', 'cancelled', 'paused']);

/**
 * `pull DATASET` (issue 23): the Cohorts page's pull through the same channels: pull:check (DUO,
 * local-copy rules, the passport grant), then pull:start, or pull:resume for a job an earlier run
 * left paused. Ctrl-C cancels the job, which deletes what it staged: nothing partial is kept.
 */
export function registerPull(program: Command, ctx: CliContext, run: Run): void {
  program
    .command('pull')
    .description('copy a dataset you may copy into the encrypted local cache (resumable)')
    .argument('<dataset>', 'the dataset id, as whoami lists it (e.g. FI-RD-01)')
    .option('--node <id>', 'the node that holds it (default: the one your passport names)')
    .addOption(
      new Option('--purpose <purpose>', 'what the copy is for (checked against DUO)')
        .choices(['clinical', 'research'])
        .default('clinical'),
    )
    .option('--disease <curie>', 'the disease a research purpose is about (e.g. MONDO:0005071)')
    .option('--json', 'print the finished job as JSON')
    .addOption(passphraseFdOption())
    .addHelpText(
      'after',
      `
Progress goes to stderr: a bar on a terminal, one plain line per page otherwise. A run that was
stopped (killed, network lost) is resumed by running the same command again; Ctrl-C cancels and
keeps nothing. Exit 0 copied, 3 refused (the reasons on stderr: DUO, local copies not allowed,
no grant), 4 the node could not be reached or the pull failed, 130 interrupted.
${EXIT_HELP}`,
    )
    .action((dataset: string, o: PullOpts) => run(() => pull(dataset, o, ctx)));
}

async function pull(datasetId: string, o: PullOpts, ctx: CliContext): Promise<ExitCode> {
  const t = await sessionTransport(ctx, o.passphraseFd);
  const session = await signedIn(t);
  const nodeId = o.node ?? session.access.find((a) => a.datasetId === datasetId)?.nodeId;
  if (nodeId === undefined)
    throw new Stop(
      EXIT.usage,
      `${datasetId} is not a dataset of this federation you can see (whoami lists them); name its node with --node.`,
    );
  const target: PullTarget = {
    nodeId,
    datasetId,
    purpose: o.purpose === 'clinical' ? 'clinical-care' : 'research',
    ...(o.disease === undefined ? {} : { disease: { id: o.disease } }),
  };
  const check = await t.invoke('pull:check', target);
  if (!check.ok) throw new Stop(exitForError(check.error.code), check.error.message);
  if (!check.value.allowed) {
    for (const reason of check.value.reasons) ctx.err(`${nodeId}/${datasetId}: ${reason}`);
    const offer = check.value.offer;
    if (offer !== undefined)
      ctx.err(
        `Still possible without a copy: ${offer === 'counts-only' ? 'counts' : 'yes/no answers'} (cli search).`,
      );
    return EXIT.refused;
  }
  return follow(t, target, o, ctx);
}

/** Starts or resumes the job and follows its progress to the end. */
async function follow(
  t: CliTransport,
  target: PullTarget,
  o: PullOpts,
  ctx: CliContext,
): Promise<ExitCode> {
  const printer = progressPrinter(
    (s) => (ctx.errWrite === undefined ? ctx.err(s.replace(/\n$/, '')) : ctx.errWrite(s)),
    ctx.errIsTty === true,
  );
  const seen: PullProgress[] = [];
  let jobId: string | undefined;
  let finish: (p: PullProgress) => void = () => undefined;
  const ended = new Promise<PullProgress>((resolve) => (finish = resolve));
  const onProgress = (p: PullProgress): void => {
    printer.update(p);
    if (FINAL.has(p.state)) finish(p);
  };
  const off = t.subscribe((event, payload) => {
    if (event !== 'pull:progress') return;
    const p = payload as PullProgress;
    if (jobId === undefined) seen.push(p);
    else if (p.jobId === jobId) onProgress(p);
  });
  const offInterrupt = ctx.onInterrupt?.(async () => {
    if (jobId === undefined) return;
    // Cancelling deletes what the job staged; the job says so with its last event.
    if ((await t.invoke('pull:cancel', { jobId })).ok) await ended;
  });
  try {
    const jobs = await t.invoke('pull:jobs', undefined);
    const paused = jobs.ok
      ? jobs.value.jobs.find(
          (j) =>
            j.nodeId === target.nodeId && j.datasetId === target.datasetId && j.state === 'paused',
        )
      : undefined;
    if (paused !== undefined) {
      ctx.err(`Resuming the pull stopped at ${String(paused.records)} records.`);
      jobId = paused.jobId;
      const r = await t.invoke('pull:resume', { jobId });
      if (!r.ok || !r.value.ok)
        throw new Stop(EXIT.internal, 'The stopped pull could not be resumed.');
    } else {
      const r = await t.invoke('pull:start', target);
      if (!r.ok) throw new Stop(exitForError(r.error.code), r.error.message);
      jobId = r.value.jobId;
    }
    for (const p of seen.splice(0)) if (p.jobId === jobId) onProgress(p);
    const last = await ended;
    printer.end();
    if (last.state !== 'done')
      throw new Stop(
        last.state === 'cancelled' ? EXIT.interrupted : EXIT.unavailable,
        `${target.nodeId}/${target.datasetId}: ${last.message ?? last.state}${last.state === 'paused' ? ' Run the same command again to resume.' : ''}`,
      );
    if (o.json === true) ctx.out(JSON.stringify(last));
    else ctx.out(`${target.nodeId}/${target.datasetId}: ${String(last.records)} records copied`);
    return EXIT.ok;
  } finally {
    offInterrupt?.();
    off();
  }
}
