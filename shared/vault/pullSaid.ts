import { z } from 'zod';

/**
 * A pull job's message as a code the renderer words (`mainCoded.pull.<key>`; issue 22, decisions
 * 0063 and 0070), beside main's English; the values are parameters.
 */
export const PULL_SAID_KEYS = [
  'paused',
  'cancelled',
  'interrupted',
  'nodeLeft',
  'noConversion',
  'unplaced',
  // The node's answers to a page (electron/main/pull/beaconPages.ts): `node`, `http` (a status).
  'pageTooLarge',
  'timeout',
  'unreachable',
  'refused',
  'refusedWhy',
  'throttled',
  'serverError',
  'httpStatus',
  // Decision 0096: another status, or a Beacon error's errorCode, with the node's words (`why`).
  'httpStatusWhy',
  'incomplete',
  'notBeacon',
  'onlyCounts',
  'onlyYesNo',
  'noCountIndividuals',
  'noCountVariants',
  // Decision 0105: the node says it did not use a filter (`filters`, its words `why`), or answered
  // a dataset's route with another dataset's records (`answered`).
  'filterNotUsed',
  'filterNotUsedWhy',
  'otherDataset',
  // A record that does not follow the model (recordConvert.ts): `record` is its index on the page.
  'individualShape',
  'variantShape',
  'variantNoChromosome',
  'variantNoPosition',
  'variantNoBases',
  'variantDisagreesChromosome',
  'variantDisagreesPosition',
  'variantDisagreesBases',
  'variantDisagreesAssembly',
  // The pull loop, the build and the node's /map (pullLoop.ts, pageSink.ts, pullRoutes.ts).
  'pastCount',
  'duplicated',
  'countMismatchIndividuals',
  'countMismatchVariants',
  'countMismatchBoth',
  'noRoute',
  'routeOutside',
  // The end of the pull (pullFinish.ts) and the page worker (pageThread.ts).
  'grantGone',
  'cacheOff',
  'otherUser',
  'vaultChanged',
  'processingFailed',
  'processingStopped',
  /** Anything else (a disk or database error): `detail` is its own text, shown as it came. */
  'failed',
] as const;
export type PullSaidKey = (typeof PULL_SAID_KEYS)[number];
export const PullSaidSchema = z
  .object({
    key: z.enum(PULL_SAID_KEYS),
    params: z
      .record(
        z.string().regex(/^[a-z][A-Za-z0-9]{0,31}$/),
        z.union([z.string().max(2000), z.number()]),
      )
      .optional(),
  })
  .strict();
export type PullSaid = z.infer<typeof PullSaidSchema>;
