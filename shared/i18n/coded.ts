import { z } from 'zod';

/**
 * A sentence main or shared code sends as a code and its values, worded by the renderer's
 * catalogue in the reader's language (issue 22, decision 0064). The English sentence travels
 * beside it for the command line and the logs. Values are data (file names, ids, line numbers,
 * the node's or the parser's own text), never words the catalogue should translate.
 */
export type { CodedParams } from './codedParams';
export { params } from './codedParams';

/** Only codes the catalogue words cross a boundary; values are bounded. */
export const CodedParamsSchema = z.record(
  z.string().max(40),
  z.union([z.string().max(2000), z.number()]),
);

/** `{ code, params? }` admitting only the listed codes. */
export function codedSchema<const C extends readonly [string, ...string[]]>(codes: C) {
  return z.object({ code: z.enum(codes), params: CodedParamsSchema.optional() }).strict();
}
