import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FederationDirectorySchema } from '../../../shared/federation/directory';
import { writeFileAtomic } from '../settings/atomicWrite';
import {
  DirectoryReadError,
  parseDirectoryDocument,
  refuseRepeatedKeys,
  type DirectoryLists,
} from './directoryFile';

/** How long one directory request may take before it counts as failed. */
export const DIRECTORY_TIMEOUT_MS = 10_000;

/** Fetches and validates a directory document; throws an Error whose message says what failed. */
export async function fetchDirectory(
  fetchImpl: typeof fetch,
  url: string,
  timeoutMs = DIRECTORY_TIMEOUT_MS,
): Promise<DirectoryLists> {
  let res: Response;
  try {
    res = await fetchImpl(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error: unknown) {
    if ((error as { name?: unknown }).name === 'TimeoutError')
      throw new DirectoryReadError(
        `it did not answer within ${Math.round(timeoutMs / 1000)} s`,
        'timeout',
        { seconds: Math.round(timeoutMs / 1000) },
        { cause: error },
      );
    throw new DirectoryReadError(
      'it could not be reached',
      'unreachable',
      { detail: error instanceof Error ? error.message : String(error) },
      { cause: error },
    );
  }
  if (!res.ok)
    throw new DirectoryReadError(`the server answered HTTP ${res.status}`, 'http', {
      http: String(res.status),
    });
  let body: unknown;
  let text: string;
  try {
    text = await res.text();
    body = JSON.parse(text);
  } catch (error: unknown) {
    throw new DirectoryReadError('its answer is not JSON', 'not-json', {}, { cause: error });
  }
  refuseRepeatedKeys(text);
  return parseDirectoryDocument(body);
}

/** The last good copy of a remote directory, kept on disk so a restart does not wait for it. */
export interface SavedDirectory {
  readonly url: string;
  /** Epoch ms of the fetch. */
  readonly fetchedAt: number;
  readonly lists: DirectoryLists;
}

const SavedSchema = z.object({
  url: z.string(),
  fetchedAt: z.number().int().nonnegative(),
  lists: FederationDirectorySchema.pick({ brokers: true, nodes: true, trustedVisaIssuers: true }),
});

/** Reads the saved copy; undefined when absent or not valid (it is then simply fetched again). */
export function readSavedDirectory(file: string): SavedDirectory | undefined {
  try {
    const parsed = SavedSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the last good copy atomically. */
export function saveDirectory(file: string, saved: SavedDirectory): void {
  writeFileAtomic(file, `${JSON.stringify(saved)}\n`);
}
