import type { IgnoredVisa } from '../../../../shared/auth/session';
import { conditionsMet } from './conditions';
import type { VerifiedVisa } from './visaVerifier';
import type { VisaReason } from '../../../../shared/auth/visaReason';

/** What a passport authorises, before matching grants to datasets. */
export interface PassportDecision {
  /** ControlledAccessGrants that passed every rule (matched to datasets later, PASS-05). */
  readonly grants: readonly VerifiedVisa[];
  /** Registered access (AcceptedTermsAndPolicies + ResearcherStatus, same value) and when it ends. */
  readonly registered?: { readonly exp: number };
  readonly ignored: readonly IgnoredVisa[];
}

const ignore = (v: VerifiedVisa, reason: string, said: VisaReason): IgnoredVisa => ({
  type: v.type,
  issuer: v.iss,
  value: v.value,
  reason,
  said,
});

/**
 * The app's clearinghouse rules over verified visas (PASS-02): conditions evaluated against the
 * passport's condition-free visas (or the visa is ignored); `by` required on ControlledAccessGrants
 * and AcceptedTermsAndPolicies (the spec's MUST), and `by=dac` for grants; Registered Access needs
 * both visas with the same value. Every visa not used for a reason is listed with that reason.
 */
export function decidePassport(
  visas: readonly VerifiedVisa[],
  alreadyIgnored: readonly IgnoredVisa[],
): PassportDecision {
  const ignored: IgnoredVisa[] = [...alreadyIgnored];
  const support = visas.filter((v) => v.conditions === undefined);
  const usable: VerifiedVisa[] = [];
  for (const visa of visas) {
    if (visa.conditions !== undefined && !conditionsMet(visa.conditions, support)) {
      ignored.push(
        ignore(visa, 'its conditions are not met by your other visas', {
          code: 'conditions-not-met',
        }),
      );
    } else usable.push(visa);
  }
  const grants: VerifiedVisa[] = [];
  for (const visa of usable) {
    if (visa.type !== 'ControlledAccessGrants') continue;
    if (visa.by === undefined)
      ignored.push(ignore(visa, 'says nothing about who granted it (by)', { code: 'no-by-grant' }));
    else if (visa.by !== 'dac')
      ignored.push(
        ignore(visa, `granted by "${visa.by}", not by a data access committee`, {
          code: 'not-by-dac',
          params: { by: visa.by },
        }),
      );
    else grants.push(visa);
  }
  const atp = usable.filter((v) => v.type === 'AcceptedTermsAndPolicies');
  for (const v of atp.filter((a) => a.by === undefined))
    ignored.push(ignore(v, 'says nothing about who asserted it (by)', { code: 'no-by-terms' }));
  const rs = usable.filter((v) => v.type === 'ResearcherStatus' && v.by !== undefined);
  let registered: { exp: number } | undefined;
  for (const terms of atp.filter((a) => a.by !== undefined)) {
    const status = rs.find((r) => r.value === terms.value);
    if (status === undefined) continue;
    const exp = Math.min(terms.exp, status.exp);
    if (registered === undefined || exp > registered.exp) registered = { exp };
  }
  return { grants, ignored, ...(registered === undefined ? {} : { registered }) };
}
