import * as client from 'openid-client';
import { ZodError } from 'zod';
import type { NodeEntry } from '../../../shared/federation/directory';
import type { IgnoredVisa, NodeListWhy } from '../../../shared/auth/session';
import type { PublishedDataset } from './access/datasetCatalog';
import { CatalogueHttpError, fetchNodeDatasets } from './access/datasetCatalog';
import { withGrantedAccess } from './access/grantedAccess';
import type { PassportDecision } from './passport/clearinghouse';
import { decidePassport } from './passport/clearinghouse';
import type { VerifiedVisa, VisaCheck } from './passport/visaVerifier';

/**
 * Reads the passport from UserInfo with the Passport-Scoped Access Token (PASS-01: a public client
 * cannot use token exchange), checks that UserInfo speaks for the ID token's subject, verifies
 * every visa (PASS-02) and applies the clearinghouse rules. Raw visas stay inside this function.
 */
export async function readPassport(opts: {
  config: client.Configuration;
  accessToken: string;
  sub: string;
  verify: (jws: string, subject: string) => Promise<VisaCheck>;
}): Promise<{ decision: PassportDecision; name?: string; email?: string }> {
  const info = await client.fetchUserInfo(opts.config, opts.accessToken, opts.sub);
  const raw = Array.isArray(info.ga4gh_passport_v1) ? (info.ga4gh_passport_v1 as unknown[]) : [];
  const verified: VerifiedVisa[] = [];
  const ignored: IgnoredVisa[] = [];
  for (const jws of raw) {
    if (typeof jws !== 'string') {
      ignored.push({
        type: 'unknown',
        issuer: 'unknown',
        reason: 'not a signed visa (JWS)',
        said: { code: 'not-jws' },
      });
      continue;
    }
    const check = await opts.verify(jws, opts.sub);
    if (check.ok) verified.push(check.visa);
    else {
      const { type, issuer, value, reason, said } = check;
      ignored.push({ type, issuer, reason, said, ...(value === undefined ? {} : { value }) });
    }
  }
  return {
    decision: decidePassport(verified, ignored),
    ...(typeof info.name === 'string' ? { name: info.name } : {}),
    ...(typeof info.email === 'string' ? { email: info.email } : {}),
  };
}

/**
 * Every node's published datasets, fetched in parallel; a failing node is reported, never fatal.
 * With the user's token, each dataset also carries what its node actually returns to this user
 * (grantedAccess.ts), which the access view shows (issue 13, issue 15 item 5).
 */
export async function readCatalogue(
  nodes: readonly NodeEntry[],
  fetchImpl: typeof fetch,
  timeoutMs: number,
  tokenFor?: (node: NodeEntry) => Promise<string | undefined>,
): Promise<{ datasets: PublishedDataset[]; problems: NodeListProblem[] }> {
  const settled = await Promise.allSettled(
    nodes.map((n) => fetchNodeDatasets(n, fetchImpl, timeoutMs)),
  );
  const datasets: PublishedDataset[] = [];
  const problems: NodeListProblem[] = [];
  settled.forEach((result, i) => {
    const node = nodes[i];
    if (node === undefined) return;
    if (result.status === 'fulfilled') datasets.push(...result.value);
    else
      problems.push({
        nodeId: node.id,
        message: `${node.name} did not list its datasets (${result.reason instanceof Error ? result.reason.message : 'error'}); its datasets are missing from this list.`,
        name: node.name.slice(0, 200),
        ...whyNotListed(result.reason),
      });
  });
  return { datasets: await withGrantedAccess(datasets, tokenFor, fetchImpl, timeoutMs), problems };
}

/** A node whose dataset list could not be read: main's English and its code (decision 0063). */
export interface NodeListProblem {
  nodeId: string;
  message: string;
  name: string;
  why: NodeListWhy;
  http?: number;
}

/** Why a node's /datasets failed, as a code the renderer words (issue 22). */
function whyNotListed(reason: unknown): { why: NodeListWhy; http?: number } {
  if (reason instanceof CatalogueHttpError) return { why: 'http', http: reason.status };
  if (reason instanceof ZodError || reason instanceof SyntaxError) return { why: 'not-beacon' };
  if (reason instanceof Error && (reason.name === 'TimeoutError' || reason.name === 'AbortError'))
    return { why: 'timeout' };
  return { why: 'unreachable' };
}
