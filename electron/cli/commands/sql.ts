import { readFileSync } from 'node:fs';
import type { Json } from '@duckdb/node-api';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { ScriptStatement } from '../../../shared/cohorts/consoleSql';
import { splitConsoleScript } from '../../../shared/cohorts/consoleSql';
import type { CohortSqlResult } from '../../../shared/cohorts/nativeChannels';
import { EXIT, EXIT_HELP } from '../exitCodes';
import type { CliContext } from '../io';
import { wholeNumber } from '../options';
import { passphraseFdOption } from '../passphrase';
import type { Run } from './caseCommon';
import { Stop } from './caseCommon';
import { ok } from './cohortOutput';
import { sessionTransport, signedIn } from './session';

interface SqlOptions {
  limit: number;
  json?: boolean;
  file?: string;
  passphraseFd?: number;
}

type Result = Omit<CohortSqlResult, 'skipped'>;

const cell = (v: Json): string =>
  (v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)).replace(
    /[\t\r\n]+/g,
    ' ',
  );

/** TSV with a header line, or one JSON object per row (inside `wrap` for a script's statements). */
function print(ctx: CliContext, r: Result, json: boolean, wrap?: (row: object) => object): void {
  if (json)
    for (const row of r.rows) {
      const o = Object.fromEntries(r.columns.map((c, i) => [c, row[i] ?? null]));
      ctx.out(JSON.stringify(wrap === undefined ? o : wrap(o)));
    }
  else {
    ctx.out(r.columns.join('\t'));
    for (const row of r.rows) ctx.out(row.map(cell).join('\t'));
  }
}

/** The script's statements, or a usage error located in the file. */
function readScript(ctx: CliContext, file: string): ScriptStatement[] {
  let text: string;
  try {
    text = readFileSync(resolve(ctx.cwd, file), 'utf8');
  } catch {
    throw new Stop(EXIT.usage, `${file}: cannot be read`);
  }
  const statements = splitConsoleScript(text);
  if (statements.length === 0) throw new Stop(EXIT.usage, `${file}: holds no statement`);
  if (statements.length > 1000)
    throw new Stop(EXIT.usage, `${file}: more than 1000 statements; split the script`);
  return statements;
}

/**
 * `sql` (issue 23): the SQL console over the cache views on native DuckDB in main (cohorts:sql),
 * or a whole script with --file on one opening of the cache (cohorts:sqlBatch), so a nightly run
 * pays the vault unlock and the session restore once rather than once per query.
 */
export function registerSql(program: Command, ctx: CliContext, run: Run): void {
  program
    .command('sql')
    .description('read-only SQL over the cache views (individuals, variants, genotypes)')
    .argument('[query]', 'one SELECT, WITH, SUMMARIZE, DESCRIBE or FROM statement')
    .option('--file <file>', 'run every statement of this script, separated by semicolons')
    .addOption(
      new Option('--limit <n>', 'rows at most, per statement')
        .default(1000)
        .argParser(wholeNumber('--limit', 1)),
    )
    .option('--json', 'print JSON lines (one object per row) instead of TSV')
    .addOption(passphraseFdOption())
    .addHelpText(
      'after',
      `
The same views as the app's SQL console, with provenance (dataset_id, node_id) in every row. Only
reading statements run; the engine cannot reach files or the network. More rows than --limit: the
first ones are printed and stderr says so.

With --file, every statement is checked before any runs (a refusal names FILE:LINE). Results come
in the script's order: TSV blocks separated by an empty line, or JSON lines
{"statement":N,"row":{...}} with N counted from 1.
${EXIT_HELP}`,
    )
    .action((query: string | undefined, o: SqlOptions) =>
      run(async () => {
        if ((query === undefined) === (o.file === undefined))
          throw new Stop(EXIT.usage, 'Give one query, or a script with --file, not both.');
        const script =
          o.file === undefined ? undefined : { file: o.file, statements: readScript(ctx, o.file) };
        const t = await sessionTransport(ctx, o.passphraseFd, { passportOnly: true });
        await signedIn(t);
        const json = o.json === true;
        const truncated = (r: Result, where: string): void => {
          if (r.truncated)
            ctx.err(
              `${where}More than ${String(o.limit)} rows: the first ${String(o.limit)} are shown (--limit).`,
            );
        };
        if (script === undefined) {
          const r = ok(await t.invoke('cohorts:sql', { sql: query ?? '', limit: o.limit }));
          for (const s of r.skipped) ctx.err(`${s.datasetId}: not queried: ${s.message}`);
          print(ctx, r, json);
          truncated(r, '');
          return EXIT.ok;
        }
        const { file, statements } = script;
        const r = await t.invoke('cohorts:sqlBatch', {
          statements: statements.map((s) => s.sql),
          limit: o.limit,
        });
        if (!r.ok) {
          // The failing statement, located in the script (where: "statements.N").
          const n = /^statements\.(\d+)$/.exec(r.error.where ?? '')?.[1];
          const at = n === undefined ? undefined : statements[Number(n)];
          if (at !== undefined && r.error.code === 'INVALID_REQUEST')
            throw new Stop(EXIT.usage, `${file}:${String(at.line)}: ${r.error.message}`);
        }
        const batch = ok(r);
        for (const s of batch.skipped) ctx.err(`${s.datasetId}: not queried: ${s.message}`);
        batch.results.forEach((res, i) => {
          if (!json && i > 0) ctx.out('');
          print(ctx, res, json, (row) => ({ statement: i + 1, row }));
          truncated(res, `${file}:${String(statements[i]?.line ?? 0)}: `);
        });
        return EXIT.ok;
      }),
    );
}
