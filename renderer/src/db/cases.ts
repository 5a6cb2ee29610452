/**
 * Case databases in the renderer's duckdb-wasm (issue 16): main decrypts a case's DuckDB file and
 * serves it on the app's own origin (`CaseDetail.database.path`); it is registered as a file under
 * /vault/ (the one folder the engine may open, engine.ts) and ATTACHed READ_ONLY. No rows are
 * copied; the filter SQL (shared/cases/filterSql.ts) reads the attached file directly.
 */
import type { CaseDetail } from '../../../shared/cases/channels';
import { CASE_SCHEMA_MIN, CASE_SCHEMA_VERSION } from '../../../shared/cases/dbSchema';
import { vaultRequestHeaders } from '../api/browserSession';
import { SaidError } from '../i18n/said';
import type { Engine } from './engine';
import { onConnection } from './query';
import { plainRow } from './plain';

type Database = CaseDetail['database'];

/** Attached cases by id: which copy (alias, file) the engine holds. */
const attached = new Map<string, Database>();

/** Aliases and registered files are built from main's folder names: only these characters. */
const SAFE_ALIAS = /^case_[A-Za-z0-9_]{1,200}$/;
const SAFE_FILE = /^\/vault\/case_[A-Za-z0-9_]{1,200}\.duckdb$/;

async function detachDatabase(e: Engine, db: Database): Promise<void> {
  await e.conn.query(`DETACH DATABASE IF EXISTS ${db.alias}`);
  await e.db.dropFile(db.registeredFile);
}

/** A single value of a one-row query. */
async function scalar(e: Engine, sql: string): Promise<unknown> {
  const t = await e.conn.query(sql);
  const row = t.toArray()[0] as { toJSON(): Record<string, unknown> } | undefined;
  return row === undefined ? undefined : Object.values(plainRow(row))[0];
}

/**
 * Attaches a case's database (again when main serves a different copy). Resolves with its alias.
 * The error says what happened in the person's words (a `SaidError`: newer file, failed check).
 */
export async function attachCase(caseId: string, db: Database): Promise<string> {
  if (!SAFE_ALIAS.test(db.alias) || !SAFE_FILE.test(db.registeredFile))
    throw new SaidError(
      { key: 'caseBadName', params: { caseId } },
      `Case ${caseId} has a database name this app does not accept.`,
    );
  const held = attached.get(caseId);
  if (held?.alias === db.alias && held.registeredFile === db.registeredFile) return db.alias;
  const res = await fetch(db.path, {
    cache: 'no-store',
    credentials: 'same-origin',
    headers: vaultRequestHeaders(),
  });
  if (!res.ok) {
    const why = (await res.text().catch(() => '')).trim();
    // Main's reason is English for the console; the person reads the status in their words.
    throw new SaidError(
      { key: 'caseNotServed', params: { caseId, status: String(res.status) } },
      `Case ${caseId} could not be opened (HTTP ${String(res.status)}${why === '' ? '' : `: ${why}`}).`,
    );
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  // On the connection alone (query.ts onConnection): a statement beside a streamed query ends it.
  return onConnection(async (e) => {
    if (held !== undefined) await detachDatabase(e, held);
    await detachDatabase(e, db);
    attached.delete(caseId);
    // The buffer is transferred to the worker: no copy stays on this thread.
    await e.db.registerFileBuffer(db.registeredFile, bytes);
    await e.conn.query(`ATTACH '${db.registeredFile}' AS ${db.alias} (READ_ONLY)`);
    const version = Number(
      await scalar(
        e,
        `SELECT max(TRY_CAST(value AS INTEGER)) FROM ${db.alias}.main.case_meta WHERE key = 'schema_version'`,
      ),
    );
    if (!(version <= CASE_SCHEMA_VERSION)) {
      await detachDatabase(e, db);
      throw new SaidError(
        { key: 'caseNewer', params: { caseId, version: String(version) } },
        `Case ${caseId} was written for case schema ${String(version)}; update Cohort Desk to open it.`,
      );
    }
    if (version < CASE_SCHEMA_MIN) {
      await detachDatabase(e, db);
      throw new SaidError(
        { key: 'caseTooOld', params: { caseId, version: String(version) } },
        `Case ${caseId} was imported by an older Cohort Desk (case schema ${String(version)}) and could not be upgraded to this version; it is unchanged. The log file says why; to review it here, import its VCF again.`,
      );
    }
    attached.set(caseId, db);
    return db.alias;
  });
}

/** The alias of an attached case, if it is attached. */
export const attachedCaseAlias = (caseId: string): string | undefined =>
  attached.get(caseId)?.alias;

/** Detaches a case (deleted, or the vault locked) and drops its registered bytes. */
export async function detachCase(caseId: string): Promise<void> {
  const held = attached.get(caseId);
  if (held === undefined) return;
  attached.delete(caseId);
  await onConnection((e) => detachDatabase(e, held));
}

/** Forgets every attached case (the engine itself was closed). */
export function forgetCases(): void {
  attached.clear();
}
