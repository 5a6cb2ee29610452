import { z } from 'zod';
import { firstDuplicateKey } from '../../../shared/json/duplicateKey';
import type { CodedParams } from '../../../shared/i18n/coded';
import type { DirectoryCause, FederationDirectory } from '../../../shared/federation/directory';
import {
  BrokerSchema,
  NodeEntrySchema,
  FederationDirectorySchema,
} from '../../../shared/federation/directory';

/** The demo federation's federation.json (federation/federationInfo.ts); extra members are ignored. */
const DemoFileSchema = z.object({
  issuer: z.url(),
  jwksUri: z.url(),
  clientId: z.string().min(1),
  nodes: z.array(NodeEntrySchema),
});

/** A hospital's directory file: several brokers, nodes with their visa-value mapping, trusted issuers. */
const DirectoryFileSchema = FederationDirectorySchema.pick({
  nodes: true,
  trustedVisaIssuers: true,
}).extend({ brokers: z.array(BrokerSchema).min(1) });

/** What a directory document lists: brokers, nodes and trusted visa issuers. */
export type DirectoryLists = Pick<FederationDirectory, 'brokers' | 'nodes' | 'trustedVisaIssuers'>;
type Lists = DirectoryLists;

/**
 * A directory that could not be read, with its cause as a code and values (issue 22, decision
 * 0076): the message stays main's English for the logs and the command line.
 */
export class DirectoryReadError extends Error {
  constructor(
    message: string,
    readonly code: DirectoryCause,
    readonly params: CodedParams = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'DirectoryReadError';
  }
}

/**
 * Refuses a directory document that names a key twice in one object (decision 0100): two "nodes",
 * or two of a node's hosts, were read as the last one; IT must know exactly which hosts the app
 * contacts. Call it on text JSON.parse accepted.
 */
export function refuseRepeatedKeys(text: string): void {
  const d = firstDuplicateKey(text);
  if (d !== undefined)
    throw new DirectoryReadError(
      `line ${String(d.line)}, column ${String(d.column)}: the key "${d.key}" is named twice in one object (at ${d.path})`,
      'duplicate-key',
      { key: d.key, field: d.path, line: d.line, column: d.column },
    );
}

/** The cause of a failed read as the `directoryCause` values; another error's text as `detail`. */
export function causeOf(error: unknown): CodedParams {
  if (error instanceof DirectoryReadError) return { directoryCause: error.code, ...error.params };
  return {
    directoryCause: 'failed',
    detail: error instanceof Error ? error.message : String(error),
  };
}

/**
 * Parses a directory document of either shape; throws an Error whose message names the problem
 * (the caller adds the file name). The admin secret of federation.json is never kept.
 */
export function parseDirectoryDocument(value: unknown): Lists {
  const full = DirectoryFileSchema.safeParse(value);
  if (full.success) return full.data;
  const demo = DemoFileSchema.safeParse(value);
  if (demo.success) {
    const { issuer, jwksUri, clientId, nodes } = demo.data;
    return {
      brokers: [{ issuer, clientId, name: 'Demo federation broker' }],
      nodes,
      trustedVisaIssuers: [{ iss: issuer, jku: jwksUri }],
    };
  }
  const issue = demo.error.issues[0];
  const field = issue?.path.join('.') || 'top level';
  throw new DirectoryReadError(
    `it is neither a federation directory nor a demo federation.json (${field}: ${issue?.message ?? 'invalid'})`,
    'not-directory',
    // zod's own words are another program's: shown as written (decision 0071).
    {
      field: issue === undefined || issue.path.length === 0 ? '$' : issue.path.join('.'),
      detail: issue?.message ?? '',
    },
  );
}

const isLoopback = (url: string): boolean => new URL(url).hostname === '127.0.0.1';

/** The embedded demo must be the local demo: every URL on 127.0.0.1 (so a stray file cannot point elsewhere). */
export function allLoopback(lists: Lists): boolean {
  return [
    ...lists.brokers.map((b) => b.issuer),
    ...lists.nodes.flatMap((n) => [
      n.beaconUrl,
      ...(n.htsgetUrl === undefined ? [] : [n.htsgetUrl]),
    ]),
    ...lists.trustedVisaIssuers.flatMap((t) => [t.iss, t.jku]),
  ].every(isLoopback);
}
