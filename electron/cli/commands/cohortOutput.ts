import { writeFileSync } from 'node:fs';
import type { CohortFilters } from '../../../shared/cohorts/definition';
import type { ExportRows } from '../../../shared/cohorts/exportFile';
import { exportNote, exportText, NothingToExportError } from '../../../shared/cohorts/exportFile';
import type { ExportRow } from '../../../shared/cohorts/exportFormats';
import { EXPORT_COLUMNS } from '../../../shared/cohorts/exportFormats';
import { parquetChunks } from '../../../shared/cohorts/parquetExport';
import type { Result } from '../../../shared/result';
import { EXIT } from '../exitCodes';
import type { CliContext } from '../io';
import { exitForError } from '../results';
import type { CliTransport } from '../transport';
import { Stop } from './caseCommon';

export type CohortFormat = 'tsv' | 'jsonl' | 'parquet' | 'phenopacket';

/** A TSV cell: tabs and line breaks inside a value would break the row, so they become spaces. */
const tsvCell = (v: ExportRow[keyof ExportRow]): string =>
  (v === null ? '' : Array.isArray(v) ? v.join(';') : String(v)).replace(/[\t\r\n]+/g, ' ');

/** Header and rows as TSV, the export's columns in its order (provenance first). */
export function toTsv(rows: readonly ExportRow[]): string[] {
  const cols = EXPORT_COLUMNS.map((c) => c.name);
  return [cols.join('\t'), ...rows.map((r) => cols.map((c) => tsvCell(r[c])).join('\t'))];
}

const leftOut = (e: ExportRows): string[] =>
  e.decisions.filter((d) => !d.allowed).map((d) => d.datasetId);

/** The value of a router Result, or a Stop with the error's exit code and message. */
export const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Stop(exitForError(r.error.code), r.error.message);
  return r.value;
};

/**
 * Writes the export as the app does (renderer/src/store/exportSlice.ts): the same rows and DUO
 * note; TSV, JSON lines and Phenopackets audited through cohorts:exported before a byte is
 * written, Parquet written and audited by main (cohorts:parquet*). The DUO note goes beside a
 * file (`.note.txt`) or, for stdout, to stderr.
 */
export async function writeExport(opts: {
  t: CliTransport;
  ctx: CliContext;
  e: ExportRows;
  filters: CohortFilters;
  format: CohortFormat;
  out: string | undefined;
}): Promise<void> {
  const { t, ctx, e, filters, format, out } = opts;
  const note = exportNote(e.decisions);
  if (format === 'parquet') {
    if (out === undefined) throw new Stop(EXIT.usage, 'Parquet needs --out FILE.');
    const { exportId } = ok(
      await t.invoke('cohorts:parquetBegin', {
        datasets: e.included,
        leftOut: leftOut(e),
        filters,
        note,
        total: e.rows.length,
      }),
    );
    for (const rows of parquetChunks(e.rows))
      ok(await t.invoke('cohorts:parquetRows', { exportId, rows }));
    const file = ok(await t.invoke('cohorts:parquetFinish', { exportId }));
    writeFileSync(out, Buffer.from(file.base64, 'base64'), { mode: 0o600 });
  } else {
    let text: string[];
    if (format === 'phenopacket') {
      if (out === undefined) throw new Stop(EXIT.usage, 'Phenopacket output needs --out FILE.');
      try {
        text = [exportText(e, 'phenopacket', filters).text];
      } catch (error: unknown) {
        if (error instanceof NothingToExportError)
          throw new Stop(EXIT.refused, `Nothing may be exported. ${error.message}`);
        throw error;
      }
    } else text = format === 'tsv' ? toTsv(e.rows) : e.rows.map((r) => JSON.stringify(r));
    ok(
      await t.invoke('cohorts:exported', {
        format,
        rows: e.rows.length,
        datasets: e.included,
        leftOut: leftOut(e),
        filters,
      }),
    );
    if (out === undefined) for (const line of text) ctx.out(line);
    else writeFileSync(out, `${text.join('\n')}\n`, { mode: 0o600 });
  }
  if (note.length === 0) return;
  if (out === undefined || format === 'phenopacket') for (const n of note) ctx.err(`note: ${n}`);
  else
    writeFileSync(out.replace(/(\.[^./]+)?$/, '.note.txt'), `${note.join('\n')}\n`, {
      mode: 0o600,
    });
}
