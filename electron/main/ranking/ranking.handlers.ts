import { readFile, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { ZodError } from 'zod';
import type { RankedGeneOut, RankFilesResult } from '../../../shared/ranking/channels';
import type { Corpus } from '../../../shared/ranking/corpus';
import type { RankRequest } from '../../../shared/ranking/input';
import type { PhenopacketPhenotype } from '../../../shared/ranking/phenopacketTerms';
import { phenotypeOfPhenopacket } from '../../../shared/ranking/phenopacketTerms';
import type { RankedGene } from '../../../shared/ranking/rank';
import { DEFAULT_RANKING, rankCase } from '../../../shared/ranking/rank';
import { referenceCorpus } from '../../../shared/ranking/reference';
import { isCliSender } from '../ipc/cliSender';
import { parseJsonWithLocation } from '../settings/jsonLocation';
import type { Handlers } from '../ipc/router';
import { HandlerError } from '../ipc/router';
import { readRankVcf } from './rankVcf';
import { firstDuplicateKey } from '../../../shared/json/duplicateKey';
import { words } from '../../../shared/appError';

const round = (x: number): number => Number(x.toFixed(6));

/** A file the command line named: absolute, present, a file; errors name it as typed. */
async function checkFile(f: { path: string; name: string }): Promise<void> {
  if (!isAbsolute(f.path)) throw new HandlerError('INVALID_REQUEST', 'The path must be absolute.');
  const info = await stat(f.path).catch(() => undefined);
  if (info === undefined) throw new HandlerError('INVALID_REQUEST', 'no such file', f.name);
  if (!info.isFile()) throw new HandlerError('INVALID_REQUEST', 'not a file', f.name);
}

/** Reads the phenotype of a Phenopacket v2 JSON file; problems are located (FILE:LINE / field). */
export async function readPhenopacketFile(f: {
  path: string;
  name: string;
}): Promise<PhenopacketPhenotype> {
  const text = await readFile(f.path, 'utf8');
  const json = parseJsonWithLocation(text);
  if (!json.ok)
    throw new HandlerError(
      'INVALID_REQUEST',
      `not JSON (${json.message}, column ${String(json.column)}); expected a Phenopacket v2 JSON document`,
      `${f.name}:${String(json.line)}`,
    );
  // Decision 0095: a key named twice in one object is refused where it is, not read as the last.
  const duplicate = firstDuplicateKey(text);
  if (duplicate !== undefined)
    throw new HandlerError(
      'INVALID_REQUEST',
      `${duplicate.path}: the key "${duplicate.key}" is named twice in one object (column ${String(duplicate.column)}); JSON readers keep only one of them. Remove the repeat`,
      `${f.name}:${String(duplicate.line)}`,
    );
  try {
    return phenotypeOfPhenopacket(json.value);
  } catch (error: unknown) {
    if (!(error instanceof ZodError)) throw error;
    const issue = error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new HandlerError(
      'INVALID_REQUEST',
      `${field === '' ? '' : `${field}: `}${issue?.message ?? 'not a Phenopacket'}; expected a Phenopacket v2 JSON document`,
      f.name,
    );
  }
}

/** ln → log10 for the two-allele credit (decision 0080). */
const LN10 = Math.log(10);

function geneOut(corpus: Corpus, g: RankedGene): RankedGeneOut {
  return {
    symbol: g.symbol,
    score: round(g.score),
    diseases: g.diseases.map((d) => ({
      id: corpus.diseases[d.index]?.id ?? '',
      label: corpus.diseases[d.index]?.label ?? '',
      score: round(d.score),
    })),
    ...(g.genotype === undefined
      ? {}
      : {
          genotype: {
            mode: g.genotype.mode,
            fit: g.genotype.fit,
            ...(g.genotype.rarity > 0 ? { twoAlleleCredit: round(g.genotype.rarity / LN10) } : {}),
            variants: g.genotype.variants.map(({ record: v }) => ({
              chrom: v.chrom,
              pos: v.pos,
              ref: v.ref,
              alt: v.alt,
              consequence: v.consequence,
              zygosity: v.zygosity,
              populationAf: v.populationAf,
              ...(v.hgvsp === undefined ? {} : { hgvsp: v.hgvsp }),
            })),
          },
        }),
  };
}

/**
 * Handlers for ranking files on disk (issue 17): the command line's `case rank`. The reference
 * corpus is built on the first request (about a second) and reused, so a batch loads it once;
 * each request ranks its own case only.
 */
export function rankingHandlers(): Pick<Handlers, 'case:rankFiles'> {
  return {
    'case:rankFiles': async (req, sender): Promise<RankFilesResult> => {
      if (!isCliSender(sender))
        throw new HandlerError(
          'NOT_ALLOWED',
          'Files on disk are ranked from the command line only (npm run cli -- case rank); in the app, rank the case.',
          undefined,
          words('rankFromCli'),
        );
      await checkFile(req.phenopacket);
      if (req.vcf !== undefined) await checkFile(req.vcf);
      const phenotype = await readPhenopacketFile(req.phenopacket);
      const request: RankRequest = { ...phenotype };
      let sexFrom: RankFilesResult['sexFrom'] =
        phenotype.sex === 'unknown' ? 'unknown' : 'phenopacket';
      let records: number | null = null;
      if (req.vcf !== undefined) {
        const read = await readRankVcf(req.vcf.path, {
          file: req.vcf.name,
          ...(req.sample === undefined ? {} : { sample: req.sample }),
        });
        records = read.records;
        if (read.problems.length > 0 || read.refusal !== undefined)
          return {
            mode: 'vcf',
            genes: [],
            sex: phenotype.sex,
            sexFrom,
            observed: phenotype.observed.length,
            excluded: phenotype.excluded.length,
            records,
            problems: [...read.problems],
            refusal: read.refusal ?? null,
          };
        request.variants = read.variants;
        if (request.sex === 'unknown' && read.inferredSex !== 'unknown') {
          request.sex = read.inferredSex;
          sexFrom = 'vcf';
        }
      }
      const corpus = referenceCorpus();
      const result = rankCase(corpus, request, {
        ...DEFAULT_RANKING,
        limit: req.limit,
      });
      return {
        mode: result.mode,
        genes: result.genes.map((g) => geneOut(corpus, g)),
        sex: request.sex,
        sexFrom,
        observed: phenotype.observed.length,
        excluded: phenotype.excluded.length,
        records,
        problems: [],
        refusal: null,
      };
    },
  };
}
