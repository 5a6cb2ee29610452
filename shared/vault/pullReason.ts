import { z } from 'zod';
import { CodedParamsSchema } from '../i18n/coded';

/**
 * Why a pull is refused (DATA-01, DATA-07, PASS-03), as a code the renderer words in the reader's
 * language (issue 22, decisions 0063, 0070); main's English stays in `PullCheck.reasons`, one line
 * per reason in the same order. Values are data: node and dataset ids, a term id and the label
 * the node gave it, a disease's id and label, an ontology release. DUO terms travel as ids the
 * renderer words from its DUO table (the label the node sent when it does not know the term).
 */
export const PULL_REASON_CODES = [
  'sign-in',
  'node-not-listed',
  'no-access',
  'no-grant-none',
  'no-grant-boolean',
  'no-grant-count',
  'no-grant-record',
  'grant-expired-none',
  'grant-expired-boolean',
  'grant-expired-count',
  'grant-expired-record',
  'dataset-not-published',
  'conditions-unreachable',
  // shared/vault/duoRules.ts: the dataset's terms against the declared purpose.
  'purpose-clinical-care',
  'purpose-clinical-care-none',
  'purpose-research',
  'purpose-research-none',
  'duo-not-id',
  'duo-not-id-labelled',
  'duo-unenforceable',
  'duo-denied-NPOA',
  'duo-denied-GS',
  'duo-denied-TS',
  'duo-denied-US',
  'duo-denied-PS',
  'duo-denied-IS',
  // shared/vault/diseaseCheck.ts: disease specific research (DS) and the declared disease.
  'ds-no-disease',
  'ds-name-disease',
  'ds-not-within',
  // electron/main/pull/localCopies.ts (decision 0018).
  'node-forbids-copies',
  'directory-forbids-copies',
  'copies-unstated',
  'cache-off',
  'vault-locked',
  // shared/vault/duoRules.ts exportDecision: why a cached dataset's rows stay out of an export
  // (issue 22): worded in the export window; the export's own note stays English (decision 0048).
  'export-no-copies',
  'export-purpose-clinical-care',
  'export-purpose-research',
  'export-ds-no-disease',
] as const;
export type PullReasonCode = (typeof PULL_REASON_CODES)[number];

/** A term a reason names: its id, and the label the node gave it (when it gave one). */
export const TermRefSchema = z
  .object({ id: z.string().max(200), label: z.string().max(300).optional() })
  .strict();
export type TermRef = z.infer<typeof TermRefSchema>;

export const PullReasonSchema = z
  .object({
    code: z.enum(PULL_REASON_CODES),
    params: CodedParamsSchema.optional(),
    /** DUO terms the dataset has (`{{has}}`), worded one by one and listed in the locale. */
    terms: z.array(TermRefSchema).max(100).optional(),
    /** A disease specific term's diseases (`{{within}}`), listed as alternatives in the locale. */
    within: z.array(TermRefSchema).max(100).optional(),
  })
  .strict();
export type PullReason = z.infer<typeof PullReasonSchema>;

/** One refusal: main's English line and its code. */
export interface Refusal {
  readonly text: string;
  readonly said: PullReason;
}

/** A term as `{ id, label? }`, without a label that only repeats the id. */
export const termRef = (t: { id: string; label?: string | undefined }): TermRef =>
  t.label === undefined || t.label === t.id
    ? { id: t.id.slice(0, 200) }
    : { id: t.id.slice(0, 200), label: t.label.slice(0, 300) };
