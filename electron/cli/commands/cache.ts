import type { Command } from 'commander';
import type { VaultList } from '../../../shared/vault/vault';
import { EXIT, EXIT_HELP } from '../exitCodes';
import type { CliContext } from '../io';
import { passphraseFdOption } from '../passphrase';
import type { Run } from './caseCommon';
import { ok } from './cohortOutput';
import { sessionTransport, signedIn } from './session';

/** What the cache holds and why some of it is not readable, as the Cohorts page lists it. */
function printList(ctx: CliContext, list: VaultList, json: boolean | undefined): void {
  if (json === true) {
    ctx.out(JSON.stringify(list));
    return;
  }
  ctx.out(
    [
      'dataset',
      'node',
      'purpose',
      'individuals',
      'variants',
      'genotypes',
      'pulled',
      'expires',
    ].join('\t'),
  );
  for (const d of list.datasets)
    ctx.out(
      [
        d.datasetId,
        d.nodeId,
        d.purpose,
        d.rows.individuals,
        d.rows.variants,
        d.rows.genotypes,
        d.pulledAt,
        d.expiresAt,
      ]
        .map(String)
        .join('\t'),
    );
  for (const n of list.notes ?? []) ctx.err(`${n.datasetId}: ${n.message}`);
  for (const r of list.removed)
    ctx.err(`${r.datasetId}: removed ${r.at} (${r.reason}): ${r.message}`);
}

/** `cache list | purge DATASET` (issue 23): the encrypted cache through vault:list and vault:remove. */
export function registerCache(program: Command, ctx: CliContext, run: Run): void {
  const cache = program
    .command('cache')
    .description('the encrypted local cache of pulled datasets');
  cache
    .command('list')
    .description('your cached datasets (what the Cohorts page lists), notes on stderr')
    .option('--json', 'print the list as JSON')
    .addOption(passphraseFdOption())
    .addHelpText('after', EXIT_HELP)
    .action((o: { json?: boolean; passphraseFd?: number }) =>
      run(async () => {
        const t = await sessionTransport(ctx, o.passphraseFd);
        await signedIn(t);
        printList(ctx, ok(await t.invoke('vault:list', undefined)), o.json);
        return EXIT.ok;
      }),
    );
  cache
    .command('purge')
    .description('delete a cached dataset now (its key first), audited')
    .argument('<dataset...>', 'dataset ids, as cache list shows them')
    .addOption(passphraseFdOption())
    .addHelpText(
      'after',
      `\nExit 2 when a dataset is not in your cache (the others are still deleted).\n${EXIT_HELP}`,
    )
    .action((ids: string[], o: { passphraseFd?: number }) =>
      run(async () => {
        const t = await sessionTransport(ctx, o.passphraseFd);
        await signedIn(t);
        let code: typeof EXIT.ok | typeof EXIT.usage = EXIT.ok;
        for (const datasetId of ids) {
          const r = await t.invoke('vault:remove', { datasetId });
          if (r.ok) ctx.err(`${datasetId}: deleted`);
          else {
            ctx.err(r.error.message);
            code = EXIT.usage;
          }
        }
        return code;
      }),
    );
}
