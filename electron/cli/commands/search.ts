import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import type { SearchQueryInput } from '../../../shared/search/query';
import type { NodeUpdate, SearchDone } from '../../../shared/search/results';
import { FINAL_STATUSES } from '../../../shared/search/results';
import { EXIT, EXIT_HELP } from '../exitCodes';
import type { ExitCode } from '../exitCodes';
import type { CliContext } from '../io';
import { passphraseFdOption } from '../passphrase';
import { exitForError } from '../results';
import { optionalSession } from './session';
import { datasetRows, recordRows, statusLine, toTsv } from './searchOutput';

interface SearchOpts {
  gene?: string;
  region?: string;
  variant?: string;
  hpo: string[];
  filter: string[];
  exact?: boolean;
  sex?: 'female' | 'male' | 'unknown';
  target: 'individuals' | 'variants';
  granularity: 'boolean' | 'count' | 'record';
  records?: boolean;
  tsv?: boolean;
  passphraseFd?: number;
}

const collect = (v: string, all: string[]): string[] => [...all, v];
const curie = (prefix: RegExp, name: string) => (v: string, all: string[]) => {
  if (!prefix.test(v)) throw new InvalidArgumentError(`${name} takes a term such as HP:0001250`);
  return collect(v, all);
};

/**
 * `search` (issue 23): the Search page's query form on the command line, sent through the same
 * `search:run` channel and fan-out; progress comes from the same `search:nodeUpdate` events.
 */
export function registerSearch(
  program: Command,
  ctx: CliContext,
  setExit: (code: ExitCode) => void,
): void {
  program
    .command('search')
    .description('ask every node of the federation, as the Search page does')
    .option('--gene <symbol>', 'a gene symbol, optionally with a protein change ("BRAF V600E")')
    .option('--region <chr:start-end>', 'a GRCh38 region, e.g. 17:43044295-43125483')
    .option('--variant <chr-pos-ref-alt>', 'a GRCh38 variant, e.g. 17-43045712-G-A')
    .option('--hpo <id>', 'an HPO term filter (repeat for more)', curie(/^HP:\d{7}$/, '--hpo'), [])
    .option(
      '--filter <curie>',
      'another ontology filter: ORPHA, OMIM, ICD10, NCIT, SO (repeat for more)',
      curie(/^[A-Za-z0-9]+:[A-Za-z0-9._-]+$/, '--filter'),
      [],
    )
    .option('--exact', 'match the filter terms exactly, not their descendants')
    .addOption(new Option('--sex <sex>', 'only individuals of this sex').choices(SEXES))
    .addOption(
      new Option('--target <what>', 'what to find').choices(TARGETS).default('individuals'),
    )
    .addOption(
      new Option('--granularity <g>', 'what to ask for (nodes answer with what you may see)')
        .choices(GRANULARITIES)
        .default('record'),
    )
    .option('--records', 'print the records nodes returned instead of one row per dataset')
    .option('--tsv', 'print tab-separated values with a header instead of JSON lines')
    .addOption(passphraseFdOption())
    .addHelpText(
      'after',
      `
Per-node status goes to stderr as nodes answer; results go to stdout: one JSON object per line
(default) or TSV. Exit 0 when every node answered, 4 when one or more did not (the others' results
are still printed), 2 for a query that cannot be sent. After "login" it asks as you (the vault
passphrase opens the saved sign-in); without the passphrase it asks signed out and says so.
${EXIT_HELP}`,
    )
    .action(async (opts: SearchOpts) => {
      setExit(await search(opts, ctx));
    });
}
const SEXES = ['female', 'male', 'unknown'];
const TARGETS = ['individuals', 'variants'];
const GRANULARITIES = ['boolean', 'count', 'record'];

function queryOf(opts: SearchOpts): SearchQueryInput | string {
  const genomic = [opts.gene, opts.region, opts.variant].filter((v) => v !== undefined);
  if (genomic.length > 1) return 'give one of --gene, --region and --variant';
  const includeDescendantTerms = opts.exact !== true;
  return {
    target: opts.target === 'variants' ? 'g_variants' : 'individuals',
    genomic: genomic[0] ?? '',
    filters: [...opts.hpo, ...opts.filter].map((id) => ({ id, includeDescendantTerms })),
    ...(opts.sex === undefined ? {} : { sex: opts.sex }),
    granularity: opts.granularity,
  };
}

async function search(opts: SearchOpts, ctx: CliContext): Promise<ExitCode> {
  const query = queryOf(opts);
  if (typeof query === 'string') {
    ctx.err(query);
    return EXIT.usage;
  }
  const transport = await optionalSession(ctx, opts.passphraseFd);
  const finals = new Map<string, NodeUpdate>();
  let queryId: string | undefined;
  const early: NodeUpdate[] = [];
  const earlyDone = new Set<string>();
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const onUpdate = (u: NodeUpdate): void => {
    if (u.status === 'waiting') return;
    ctx.err(statusLine(u));
    if (FINAL_STATUSES.includes(u.status)) finals.set(u.nodeId, u);
  };
  // Events may arrive before search:run answers with the id: keep them until it does.
  const off = transport.subscribe((event, payload) => {
    if (event === 'search:nodeUpdate') {
      const u = payload as NodeUpdate;
      if (queryId === undefined) early.push(u);
      else if (u.queryId === queryId) onUpdate(u);
    } else if (event === 'search:done') {
      const id = (payload as SearchDone).queryId;
      if (queryId === undefined) earlyDone.add(id);
      else if (id === queryId) finish();
    }
  });
  try {
    const r = await transport.invoke('search:run', { queryId: randomUUID(), query });
    if (!r.ok) {
      ctx.err(r.error.message);
      return exitForError(r.error.code);
    }
    queryId = r.value.queryId;
    for (const u of early.splice(0)) if (u.queryId === queryId) onUpdate(u);
    if (r.value.nodes > 0 && !earlyDone.has(queryId)) await done;
  } finally {
    off();
  }
  const nodes = [...finals.values()].sort((a, b) => a.nodeId.localeCompare(b.nodeId));
  const rows = opts.records === true ? recordRows(nodes) : datasetRows(nodes);
  if (opts.tsv === true) for (const line of toTsv(rows)) ctx.out(line);
  else for (const row of rows) ctx.out(JSON.stringify(row));
  return nodes.every((n) => n.status === 'ok') ? EXIT.ok : EXIT.unavailable;
}
