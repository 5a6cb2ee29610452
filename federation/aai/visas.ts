/** GA4GH Passport 1.2 visas (Visa Document Token form): what a user holds, signed with the broker's visa key. */
import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT, type JWK } from 'jose';
import { datasetVisaValue, nodeDacSource } from '../catalogue';
import { ALL_DATASETS } from '../foreign/catalogue';
import type { SeedAccount } from './accounts';
import type { AccountState } from './grantsStore';
import { DEFAULT_GRANT_LIFETIME_SEC } from './grantsStore';

/** Bona fide researcher DOI: value and source of the registered-access visas (PASS spec, Registered Access). */
export const BONA_FIDE_DOI = 'https://doi.org/10.1038/s41431-018-0219-y';
export const VISA_TYP = 'vnd.ga4gh.visa+jwt';

/** The `ga4gh_visa_v1` object of a visa. */
export interface VisaObject {
  type: string;
  asserted: number;
  value: string;
  source: string;
  by?: string;
  conditions?: Record<string, string>[][];
}

/** A visa before signing: the JWT claims other than `iss`, `iat` and `jti`. */
export interface VisaDraft {
  sub: string;
  exp: number;
  ga4gh_visa_v1: VisaObject;
}

/** The visas an account holds now (one ControlledAccessGrants per dataset, PASS-05 value = dataset URL). */
export function visaDrafts(seed: SeedAccount, state: AccountState): VisaDraft[] {
  const sub = seed.username;
  const drafts: VisaDraft[] = [];
  if (state.registeredAt !== undefined) {
    const exp = state.registeredAt + DEFAULT_GRANT_LIFETIME_SEC;
    const common = { asserted: state.registeredAt, value: BONA_FIDE_DOI, source: BONA_FIDE_DOI };
    drafts.push({
      sub,
      exp,
      ga4gh_visa_v1: { type: 'AcceptedTermsAndPolicies', ...common, by: 'system' },
    });
    drafts.push({ sub, exp, ga4gh_visa_v1: { type: 'ResearcherStatus', ...common, by: 'so' } });
  }
  const asserted = state.registeredAt ?? 0;
  for (const aff of seed.affiliations) {
    drafts.push({
      sub,
      exp: asserted + DEFAULT_GRANT_LIFETIME_SEC,
      ga4gh_visa_v1: {
        type: 'AffiliationAndRole',
        asserted,
        value: aff.value,
        source: aff.source,
        by: aff.by,
      },
    });
  }
  for (const [datasetId, grant] of Object.entries(state.grants)) {
    const dataset = ALL_DATASETS.find((d) => d.id === datasetId);
    if (dataset === undefined) continue;
    const visa: VisaObject = {
      type: 'ControlledAccessGrants',
      asserted: grant.asserted,
      value: datasetVisaValue(dataset),
      source: nodeDacSource(dataset.node),
      by: 'dac',
    };
    if (grant.conditions !== undefined)
      visa.conditions = grant.conditions.map((c) => c.map(stripUndefined));
    drafts.push({ sub, exp: grant.expiresAt, ga4gh_visa_v1: visa });
  }
  return drafts;
}

function stripUndefined(clause: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(clause)) if (v !== undefined) out[k] = v;
  return out;
}

export interface VisaSigner {
  readonly kid: string;
  readonly jku: string;
  /** Signs a payload; header defaults {alg, kid, typ, jku} can be overridden (tests build hostile visas). */
  sign(payload: Record<string, unknown>, header?: Record<string, unknown>): Promise<string>;
  /** Signs a draft as a visa issued now by this broker. */
  issue(draft: VisaDraft): Promise<string>;
}

/** Creates the signer for the broker's visa key; `jku` is `${issuer}/visa-jwks`. */
export async function createVisaSigner(
  issuer: string,
  visaKey: JWK & { kid: string; alg: 'ES256' },
): Promise<VisaSigner> {
  const key = await importJWK(visaKey, visaKey.alg);
  const jku = `${issuer}/visa-jwks`;
  const sign = (
    payload: Record<string, unknown>,
    header: Record<string, unknown> = {},
  ): Promise<string> =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: visaKey.alg, kid: visaKey.kid, typ: VISA_TYP, jku, ...header })
      .sign(key);
  return {
    kid: visaKey.kid,
    jku,
    sign,
    issue: (draft) =>
      sign({
        iss: issuer,
        sub: draft.sub,
        iat: Math.floor(Date.now() / 1000),
        exp: draft.exp,
        jti: randomUUID(),
        ga4gh_visa_v1: draft.ga4gh_visa_v1,
      }),
  };
}
