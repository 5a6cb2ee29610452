import { z } from 'zod';
import { SearchQuerySchema, type SearchQuery } from './query';

/** The JSON file a saved query is written as; `format` + `version` let later versions migrate it. */
export const SavedQueryFileSchema = z.object({
  format: z.literal('cohort-desk.search-query'),
  version: z.literal(1),
  savedAt: z.iso.datetime().optional(),
  query: SearchQuerySchema,
});
export type SavedQueryFile = z.infer<typeof SavedQueryFileSchema>;

/** Why a file is not a saved query, as a code the renderer words (issue 22). */
export type QueryFileCode = 'query-not-json' | 'query-invalid' | 'query-not-query';

export type OpenResult =
  | { ok: true; query: SearchQuery }
  | {
      ok: false;
      message: string;
      where: string;
      code: QueryFileCode;
      params: { file: string; field: string };
    };

/** Serialises a query as a saved-query file (pretty JSON, stable key order). */
export function saveQueryText(query: SearchQuery, now: Date = new Date()): string {
  const file: SavedQueryFile = {
    format: 'cohort-desk.search-query',
    version: 1,
    savedAt: now.toISOString(),
    query,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Parses a saved-query file; a bad file yields a message naming the file and the field. */
export function openQueryText(text: string, fileName: string): OpenResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {
      ok: false,
      where: fileName,
      message: `${fileName} is not a JSON file.`,
      code: 'query-not-json',
      params: { file: fileName, field: '' },
    };
  }
  const parsed = SavedQueryFileSchema.safeParse(raw);
  if (parsed.success) return { ok: true, query: parsed.data.query };
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const where = field === '' ? fileName : `${fileName}: ${field}`;
  return {
    ok: false,
    where,
    message: `${fileName} is not a Cohort Desk search query: ${field === '' ? '' : `field "${field}": `}${issue?.message ?? 'invalid'}.`,
    code: field === '' ? 'query-not-query' : 'query-invalid',
    params: { file: fileName, field },
  };
}
