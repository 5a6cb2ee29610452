import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { detectAssembly } from '../../../shared/vcf';
import type { VcfCheckResult } from '../../../shared/vcf/channels';
import { isCliSender } from '../ipc/cliSender';
import type { Handlers } from '../ipc/router';
import { HandlerError } from '../ipc/router';
import { readVcfFile } from './nodeVcf';
import { words } from '../../../shared/appError';

/** Handlers for vcf:* channels (issue 16). */
export function vcfHandlers(): Pick<Handlers, 'vcf:check'> {
  return {
    'vcf:check': async ({ path, name, maxProblems }, sender): Promise<VcfCheckResult> => {
      if (!isCliSender(sender)) {
        throw new HandlerError(
          'NOT_ALLOWED',
          'Files on disk are checked from the command line only (npm run cli -- vcf check FILE); in the app, open the file instead.',
          undefined,
          words('vcfCheckFromCli'),
        );
      }
      if (!isAbsolute(path)) {
        throw new HandlerError('INVALID_REQUEST', 'The path must be absolute.', 'path');
      }
      const shown = name ?? path;
      const info = await stat(path).catch(() => undefined);
      if (info === undefined) throw new HandlerError('INVALID_REQUEST', 'no such file', shown);
      if (!info.isFile()) throw new HandlerError('INVALID_REQUEST', 'not a file', shown);
      const s = await readVcfFile(path, {
        file: shown,
        ...(maxProblems === undefined ? {} : { maxProblems }),
      });
      const guess = s.header === undefined ? undefined : detectAssembly(s.header);
      return {
        file: shown,
        valid: s.problemCount === 0,
        container: s.container ?? null,
        version: s.header?.version ?? null,
        samples: s.header?.samples.length ?? 0,
        records: s.records,
        errors: [...s.problems],
        errorCount: s.problemCount,
        warnings: [...s.warnings],
        warningCount: s.warningCount,
        assembly: guess === undefined ? null : { name: guess.assembly, evidence: guess.evidence },
      };
    },
  };
}
