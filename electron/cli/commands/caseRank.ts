import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { RankFilesResult } from '../../../shared/ranking/channels';
import { formatProblem } from '../../../shared/vcf';
import { EXIT, EXIT_HELP } from '../exitCodes';
import type { ExitCode } from '../exitCodes';
import type { CliContext } from '../io';
import { exitForError } from '../results';
import type { CliTransport } from '../transport';
import { int, Stop } from './caseCommon';

interface RankOpts {
  phenopacket?: string;
  vcf?: string;
  sample?: string;
  manifest?: string;
  mode?: 'pheno' | 'vcf';
  top: number;
  json?: boolean;
  jsonl?: boolean;
}

/** One case's files, with the names a message shows (as typed, or as the manifest wrote them). */
interface CaseFiles {
  phenopacket: { path: string; name: string };
  vcf?: { path: string; name: string };
}

type Ranked = { ok: true; value: RankFilesResult } | { ok: false; code: ExitCode; lines: string[] };

async function rankOne(
  t: CliTransport,
  files: CaseFiles,
  o: Pick<RankOpts, 'sample' | 'top'>,
): Promise<Ranked> {
  const r = await t.invoke('case:rankFiles', {
    ...files,
    ...(o.sample === undefined ? {} : { sample: o.sample }),
    limit: o.top,
  });
  if (!r.ok) {
    // A file that is not there is a usage error; one that is read and wrong is invalid input.
    const missing = /^(no such file|not a file)$/.test(r.error.message);
    return {
      ok: false,
      code:
        r.error.code === 'INVALID_REQUEST' && !missing ? EXIT.invalid : exitForError(r.error.code),
      lines: [`${r.error.where ?? files.phenopacket.name}: ${r.error.message}`],
    };
  }
  const v = r.value;
  if (v.problems.length > 0 || v.refusal !== null)
    return {
      ok: false,
      code: EXIT.invalid,
      lines: [...v.problems.map(formatProblem), ...(v.refusal === null ? [] : [v.refusal])],
    };
  return { ok: true, value: v };
}

/** The cases of a casegen manifest (header `case_id phenopacket vcf`; paths relative to it). */
function readManifest(ctx: CliContext, file: string) {
  const path = resolve(ctx.cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Stop(EXIT.usage, `${file}: cannot be read`);
  }
  const lines = text.split(/\r?\n/);
  const head = (lines[0] ?? '').split('\t');
  if (head[0] !== 'case_id' || head[1] !== 'phenopacket')
    throw new Stop(
      EXIT.invalid,
      `${file}:1: expected the header "case_id<TAB>phenopacket<TAB>vcf", found "${lines[0] ?? ''}"`,
    );
  const dir = dirname(path);
  return lines.slice(1).flatMap((line, i) => {
    if (line.trim() === '') return [];
    const [id = '', packet = '', vcf = ''] = line.split('\t');
    if (id === '' || packet === '')
      throw new Stop(
        EXIT.invalid,
        `${file}:${String(i + 2)}: expected a case id and a phenopacket path`,
      );
    return [{ id, line: i + 2, packet, vcf, dir }];
  });
}

async function rankManifest(ctx: CliContext, o: RankOpts, manifest: string): Promise<ExitCode> {
  const rows = readManifest(ctx, manifest);
  const mode = o.mode ?? (rows.some((r) => r.vcf !== '') ? 'vcf' : 'pheno');
  const t = await ctx.transport();
  let code: ExitCode = EXIT.ok;
  for (const row of rows) {
    if (mode === 'vcf' && row.vcf === '') {
      ctx.err(`${manifest}:${String(row.line)}: case ${row.id} has no VCF (--mode vcf)`);
      ctx.out(JSON.stringify({ case: row.id, genes: [], error: 'no VCF' }));
      code = EXIT.invalid;
      continue;
    }
    const r = await rankOne(
      t,
      {
        phenopacket: { path: resolve(row.dir, row.packet), name: row.packet },
        ...(mode === 'vcf' ? { vcf: { path: resolve(row.dir, row.vcf), name: row.vcf } } : {}),
      },
      o,
    );
    if (!r.ok) {
      for (const l of r.lines) ctx.err(l);
      ctx.out(JSON.stringify({ case: row.id, genes: [], error: r.lines[0] ?? '' }));
      code = code === EXIT.ok ? r.code : code;
      continue;
    }
    const genes = r.value.genes.map((g) => ({ symbol: g.symbol, score: g.score }));
    ctx.out(JSON.stringify({ case: row.id, genes }));
  }
  return code;
}

async function rankFiles(ctx: CliContext, o: RankOpts, phenopacket: string): Promise<ExitCode> {
  const t = await ctx.transport();
  const r = await rankOne(
    t,
    {
      phenopacket: { path: resolve(ctx.cwd, phenopacket), name: phenopacket },
      ...(o.vcf === undefined ? {} : { vcf: { path: resolve(ctx.cwd, o.vcf), name: o.vcf } }),
    },
    o,
  );
  if (!r.ok) {
    for (const l of r.lines) ctx.err(l);
    return r.code;
  }
  const v = r.value;
  if (o.json === true) {
    ctx.out(JSON.stringify({ mode: v.mode, sex: v.sex, sexFrom: v.sexFrom, genes: v.genes }));
    return EXIT.ok;
  }
  ctx.out(['rank', 'gene', 'score', 'disease', 'genotype'].join('\t'));
  v.genes.forEach((g, i) => {
    const d = g.diseases[0];
    const gt = g.genotype === undefined ? '' : `${g.genotype.mode} ${g.genotype.fit}`;
    ctx.out(
      [
        String(i + 1),
        g.symbol,
        g.score.toFixed(3),
        d === undefined ? '' : `${d.id} ${d.label}`,
        gt,
      ].join('\t'),
    );
  });
  return EXIT.ok;
}

/** `case rank`: genes ranked by phenotype and variants (issue 17), one case or a manifest. */
export function registerCaseRank(
  c: Command,
  run: (fn: () => Promise<ExitCode>) => () => Promise<void>,
  ctx: CliContext,
): void {
  c.command('rank')
    .description(
      "rank the patient's genes from a Phenopacket's HPO terms and, with --vcf, the variants",
    )
    .option('--phenopacket <file>', 'a Phenopacket v2 JSON (observed and excluded HPO terms, sex)')
    .option('--vcf <file>', 'the patient VCF (plain, gzip or BGZF; GRCh38; VEP CSQ or SnpEff ANN)')
    .option('--sample <name>', 'the VCF sample of the patient (default: the first)')
    .option('--manifest <file>', 'rank every case of a manifest.tsv (case_id, phenopacket, vcf)')
    .addOption(
      new Option('--mode <mode>', 'with --manifest: phenotype only, or with the VCFs').choices([
        'pheno',
        'vcf',
      ]),
    )
    .addOption(
      new Option('--top <n>', 'genes listed per case').default(100).argParser(int('--top')),
    )
    .option('--json', 'one case: print {"genes":[{"symbol","score",…}]} best first')
    .option('--jsonl', 'with --manifest: one {"case","genes"} line per case')
    .addHelpText(
      'after',
      `
Each case is ranked on its own; the reference tables are loaded once per run.
${EXIT_HELP}`,
    )
    .action((o: RankOpts) =>
      run(async () => {
        if ((o.manifest === undefined) === (o.phenopacket === undefined))
          throw new Stop(EXIT.usage, 'case rank takes --phenopacket FILE or --manifest FILE');
        if (o.manifest !== undefined) {
          if (o.vcf !== undefined || o.json === true)
            throw new Stop(EXIT.usage, '--manifest takes --mode and --jsonl, not --vcf or --json');
          return rankManifest(ctx, o, o.manifest);
        }
        if (o.mode !== undefined || o.jsonl === true)
          throw new Stop(EXIT.usage, '--mode and --jsonl go with --manifest');
        return rankFiles(ctx, o, o.phenopacket ?? '');
      })(),
    );
}
