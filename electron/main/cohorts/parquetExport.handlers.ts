import type { AuditLog } from '../audit/auditLog';
import type { Handlers } from '../ipc/router';
import type { ParquetExports } from './parquetExports';
import { createParquetExports } from './parquetExports';

type ParquetChannels = 'cohorts:parquetBegin' | 'cohorts:parquetRows' | 'cohorts:parquetFinish';

/** Handlers for the Parquet export: native DuckDB in main writes the file (issue 6). */
export function parquetExportHandlers(
  audit: AuditLog,
  exports: ParquetExports = createParquetExports({ audit }),
): Pick<Handlers, ParquetChannels> {
  return {
    'cohorts:parquetBegin': (request) => exports.begin(request),
    'cohorts:parquetRows': ({ exportId, rows }) => exports.append(exportId, rows),
    'cohorts:parquetFinish': ({ exportId }) => exports.finish(exportId),
  };
}
