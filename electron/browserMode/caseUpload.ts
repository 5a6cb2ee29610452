import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { CASE_UPLOAD_PATH } from '../../shared/cases/channels';
import type { CaseService } from '../main/cases/caseService';
import { writeSpool } from '../main/cases/files/spool';
import type { Logger } from '../main/logging/logger';

/** The largest VCF browser mode accepts (a deep whole genome with many samples fits). */
const MAX_UPLOAD = 256 * 1024 ** 3;

/** True for the upload route. */
export const isCaseUploadPath = (pathname: string): boolean => pathname === CASE_UPLOAD_PATH;

/**
 * POST /cases/upload?name=FILE (browser mode, issue 16): the page streams the VCF the user chose
 * into main, which spools it encrypted under a key held in memory only (files/spool.ts) and answers
 * with an opaque handle (shared/cases/channels.ts FileRef) for case:inspect and case:import. The
 * caller has already applied the same session checks as the /vault route, with Origin required.
 */
export async function handleCaseUpload(
  req: IncomingMessage,
  res: ServerResponse,
  opts: { cases: CaseService; logger: Logger; headers: Record<string, string>; url: URL },
): Promise<void> {
  const answer = (status: number, body: unknown): void => {
    const json = typeof body !== 'string';
    res.writeHead(status, {
      ...opts.headers,
      'Content-Type': json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(json ? JSON.stringify(body) : body);
  };
  if (req.method !== 'POST') {
    answer(405, 'Method not allowed');
    return;
  }
  const length = Number(req.headers['content-length']);
  const name = (opts.url.searchParams.get('name') ?? '').split(/[\\/]/).pop() ?? '';
  if (
    !Number.isSafeInteger(length) ||
    length < 0 ||
    length > MAX_UPLOAD ||
    name === '' ||
    name.length > 255
  ) {
    answer(
      400,
      'Send the file as the body, with its name (?name=) and its length (Content-Length).',
    );
    return;
  }
  const owner = opts.cases.owner();
  if (opts.cases.wrapKey(owner) === undefined) {
    answer(423, 'Unlock the vault first: the file is kept encrypted until it is imported.');
    return;
  }
  const key = randomBytes(32);
  const path = join(opts.cases.spoolDir, randomBytes(12).toString('hex'));
  try {
    const size = await writeSpool(path, key, req, length);
    if (size !== length) throw new Error(`received ${String(size)} of ${String(length)} bytes`);
    const ref = opts.cases.files.add({
      name,
      size,
      source: { kind: 'spool', path, key },
      owner: owner.scope,
    });
    answer(200, ref);
  } catch (error: unknown) {
    rmSync(path, { force: true });
    opts.logger.warn('case.upload_failed', { error });
    if (!res.headersSent) answer(400, 'The upload did not arrive whole; choose the file again.');
  }
}
