/**
 * Parses htsget 1.3 variants requests (GET query string or POST JSON body) into one validated shape,
 * raising the spec's error types (HTS-04 maps them to UX on the client side).
 */
import { z } from 'zod';
import { HtsgetError } from './errors.js';
import type { Region } from './vcfScan.js';

export interface TicketRequest {
  readonly headerOnly: boolean;
  /** undefined = the whole file. */
  readonly regions: readonly Region[] | undefined;
}

/** POST bodies and region lists beyond these limits get PayloadTooLarge (htsget 1.3). */
export const MAX_BODY_BYTES = 64 * 1024;
export const MAX_REGIONS = 1024;

const READ_FIELDS = new Set([
  'QNAME',
  'FLAG',
  'RNAME',
  'POS',
  'MAPQ',
  'CIGAR',
  'RNEXT',
  'PNEXT',
  'TLEN',
  'SEQ',
  'QUAL',
]);
const U32 = 2 ** 32 - 1;

function checkFormat(format: string | undefined): void {
  if (format === undefined || format === 'VCF') return;
  throw new HtsgetError(
    'UnsupportedFormat',
    `format ${format} is not served; this server returns VCF`,
  );
}

function checkFilters(
  fields: readonly string[] | undefined,
  tags?: readonly string[],
  notags?: readonly string[],
): void {
  const bad = fields?.find((f) => !READ_FIELDS.has(f));
  if (bad !== undefined) throw new HtsgetError('InvalidInput', `unknown field ${bad}`);
  const clash = tags?.find((t) => notags?.includes(t) === true);
  if (clash !== undefined)
    throw new HtsgetError('InvalidInput', `tag ${clash} is in both tags and notags`);
}

function parseU32(name: string, raw: string | null): number | undefined {
  if (raw === null) return undefined;
  if (!/^\d{1,10}$/.test(raw) || Number(raw) > U32) {
    throw new HtsgetError('InvalidInput', `${name} must be an unsigned 32-bit integer`);
  }
  return Number(raw);
}

const list = (raw: string | null): string[] | undefined =>
  raw === null ? undefined : raw.split(',').filter((s) => s !== '');

/** Validates a GET query string (htsget "Query parameters"). */
export function parseGet(query: URLSearchParams): TicketRequest {
  for (const key of new Set(query.keys())) {
    if (query.getAll(key).length > 1)
      throw new HtsgetError('InvalidInput', `parameter ${key} given more than once`);
  }
  checkFormat(query.get('format') ?? undefined);
  const cls = query.get('class');
  if (cls !== null && cls !== 'header')
    throw new HtsgetError('InvalidInput', 'class must be "header"');
  const others = ['referenceName', 'start', 'end', 'fields', 'tags', 'notags'].filter((k) =>
    query.has(k),
  );
  if (cls === 'header' && others.length > 0) {
    throw new HtsgetError(
      'InvalidInput',
      `class=header cannot be combined with ${others.join(', ')}`,
    );
  }
  checkFilters(list(query.get('fields')), list(query.get('tags')), list(query.get('notags')));
  const referenceName = query.get('referenceName');
  const start = parseU32('start', query.get('start'));
  const end = parseU32('end', query.get('end'));
  if (
    (start !== undefined || end !== undefined) &&
    (referenceName === null || referenceName === '*')
  ) {
    throw new HtsgetError('InvalidInput', 'start and end need a referenceName');
  }
  if (start !== undefined && end !== undefined && start > end) {
    throw new HtsgetError('InvalidRange', 'start is greater than end');
  }
  if (referenceName === null) return { headerOnly: cls === 'header', regions: undefined };
  return { headerOnly: false, regions: [{ referenceName, start, end }] };
}

const u32 = z.number().int().min(0).max(U32);
const postBody = z.object({
  format: z.string().optional(),
  class: z.string().optional(),
  fields: z.array(z.string()).optional(),
  tags: z.array(z.string()).optional(),
  notags: z.array(z.string()).optional(),
  regions: z
    .array(
      z.object({ referenceName: z.string().min(1), start: u32.optional(), end: u32.optional() }),
    )
    .optional(),
});

/** Validates a POST body (htsget 1.3 "POST request"); `hasQuery` = the URL carried query parameters. */
export function parsePost(text: string, hasQuery: boolean): TicketRequest {
  if (hasQuery) throw new HtsgetError('InvalidInput', 'query parameters are not allowed on POST');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HtsgetError('InvalidInput', 'request body is not JSON');
  }
  const parsed = postBody.safeParse(json);
  if (!parsed.success)
    throw new HtsgetError(
      'InvalidInput',
      `invalid request body: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  const body = parsed.data;
  checkFormat(body.format);
  if (body.class !== undefined && body.class !== 'header')
    throw new HtsgetError('InvalidInput', 'class must be "header"');
  checkFilters(body.fields, body.tags, body.notags);
  if (body.regions?.length === 0)
    throw new HtsgetError('InvalidInput', 'regions must not be empty');
  if ((body.regions?.length ?? 0) > MAX_REGIONS) {
    throw new HtsgetError('PayloadTooLarge', `at most ${MAX_REGIONS} regions per request`);
  }
  if (body.class === 'header') {
    if (
      body.regions !== undefined ||
      body.fields !== undefined ||
      body.tags !== undefined ||
      body.notags !== undefined
    ) {
      throw new HtsgetError('InvalidInput', 'class=header can only be combined with format');
    }
    return { headerOnly: true, regions: undefined };
  }
  for (const r of body.regions ?? []) {
    if (r.start !== undefined && r.end !== undefined && r.start >= r.end) {
      throw new HtsgetError(
        'InvalidRange',
        `region ${r.referenceName}: start must be less than end`,
      );
    }
  }
  return { headerOnly: false, regions: body.regions };
}
