import { codedSchema } from '../i18n/coded';

/**
 * Why a visa was not used (PASS-02: never silently dropped), as a code the renderer words
 * (`coded.visa.*`, issue 22, decision 0071); `IgnoredVisa.reason` keeps main's English for the
 * audit log and the command line. Values are data: an algorithm, a token type, a JOSE error code,
 * who granted a visa, a dataset id.
 */
export const VISA_REASON_CODES = [
  'not-jws',
  'algorithm',
  'token-type',
  'no-jku',
  'untrusted',
  'expired',
  'signature',
  'unverifiable',
  'claims-missing',
  'issued-in-future',
  'other-identity',
  'no-visa-claim',
  'fields-missing',
  'asserted-missing',
  'by-not-string',
  'conditions-malformed',
  'asserted-after-issued',
  'conditions-not-met',
  'no-by-grant',
  'not-by-dac',
  'no-by-terms',
  'other-committee',
  'no-dataset',
] as const;
export type VisaReasonCode = (typeof VISA_REASON_CODES)[number];

/** `{ code, params? }` of a visa's reason, admitting only the listed codes. */
export const VisaReasonSchema = codedSchema(VISA_REASON_CODES);
export type VisaReason = ReturnType<typeof VisaReasonSchema.parse>;
