import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { CohortFilters } from '../../../shared/cohorts/definition';
import { CohortFiltersSchema } from '../../../shared/cohorts/definition';
import { EXIT, EXIT_HELP } from '../exitCodes';
import type { CliContext } from '../io';
import { passphraseFdOption } from '../passphrase';
import type { CliTransport } from '../transport';
import type { Run } from './caseCommon';
import { Stop } from './caseCommon';
import type { CohortFormat } from './cohortOutput';
import { ok, writeExport } from './cohortOutput';
import { sessionTransport, signedIn } from './session';
import { registerSql } from './sql';

const FORMATS: CohortFormat[] = ['tsv', 'jsonl', 'parquet', 'phenopacket'];

/** The cohort's filters: builder JSON (`{…}` or `@file`), or the name of a saved cohort. */
async function filtersOf(t: CliTransport, ctx: CliContext, cohort: string): Promise<CohortFilters> {
  let json: string | undefined;
  if (cohort.startsWith('@')) {
    try {
      json = readFileSync(resolve(ctx.cwd, cohort.slice(1)), 'utf8');
    } catch {
      throw new Stop(EXIT.usage, `${cohort.slice(1)}: cannot be read`);
    }
  } else if (cohort.trimStart().startsWith('{')) json = cohort;
  if (json === undefined) {
    const saved = ok(await t.invoke('cohorts:list', undefined)).items.find(
      (c) => c.name === cohort,
    );
    if (saved === undefined)
      throw new Stop(
        EXIT.usage,
        `No saved cohort is named "${cohort}" (give the builder's JSON instead).`,
      );
    return saved.filters;
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Stop(EXIT.usage, 'The cohort definition is not JSON.');
  }
  // A saved definition ({name, filters}) or the builder's filters alone.
  const body =
    typeof value === 'object' && value !== null && 'filters' in value ? value.filters : value;
  const parsed = CohortFiltersSchema.safeParse(body);
  if (!parsed.success)
    throw new Stop(
      EXIT.usage,
      `The cohort definition is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

/**
 * `cohort query` and `sql` (issue 23): the cohort builder's export (cohorts:rows, written and
 * audited as the app's exports are) and the SQL console (sql.ts), on native DuckDB in main.
 */
export function registerCohort(program: Command, ctx: CliContext, run: Run): void {
  const cohort = program.command('cohort').description('cohorts over the datasets you pulled');
  cohort
    .command('query')
    .description(
      "a cohort's individuals (and matching variants) with provenance, as the app exports them",
    )
    .argument('<cohort>', "a saved cohort's name, the builder's JSON, or @FILE with that JSON")
    .addOption(new Option('--format <f>', 'output format').choices(FORMATS).default('tsv'))
    .option('--out <file>', 'write to this file (needed for parquet and phenopacket)')
    .addOption(passphraseFdOption())
    .addHelpText(
      'after',
      `
Only datasets whose DUO terms allow an export are included; what was left out and why goes to
stderr (or FILE.note.txt beside --out). Every export is in the audit log, as the app's are.
${EXIT_HELP}`,
    )
    .action((c: string, o: { format: CohortFormat; out?: string; passphraseFd?: number }) =>
      run(async () => {
        const t = await sessionTransport(ctx, o.passphraseFd, { passportOnly: true });
        await signedIn(t);
        const filters = await filtersOf(t, ctx, c);
        const r = ok(await t.invoke('cohorts:rows', { filters }));
        for (const s of r.skipped) ctx.err(`${s.datasetId}: not queried: ${s.message}`);
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const e = { ...r, baseName: `cohort-${stamp}` };
        const out = o.out === undefined ? undefined : resolve(ctx.cwd, o.out);
        await writeExport({ t, ctx, e, filters, format: o.format, out });
        ctx.err(
          `${String(r.individuals)} individuals, ${String(r.rows.length)} rows from ${r.included.join(', ') || 'no dataset'}`,
        );
        return EXIT.ok;
      }),
    );
  registerSql(program, ctx, run);
}
