import { existsSync, statSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import { isCliSender } from '../ipc/cliSender';
import type { CaseFilter } from '../../../shared/cases/filters';
import { presetKindsOf, presetNameKey } from '../../../shared/cases/presetKind';
import { builtInPreset } from '../../../shared/cases/presets';
import { cut, show } from '../../../shared/vcf/problems';
import type { AuditLog } from '../audit/auditLog';
import type { Handlers } from '../ipc/router';
import { HandlerError } from '../ipc/router';
import type { Platform } from '../platform/platform';
import { inspectCase } from './caseInspect';
import { startCaseImport } from './caseImportStart';
import type { CasePresets, SomaticPresets } from './casePresets';
import { queryCaseBytes } from './caseQuery';
import type { CaseService } from './caseService';
import { loadPanels } from './genomeAssets';
import { join } from 'node:path';
import { casesRoot, STAGING_DIR } from './caseFolder';
import { randomBytes } from 'node:crypto';
import { words } from '../../../shared/appError';
import { caseReadRefusal, noCaseRefusal } from './caseReadRefusal';

type CaseChannels =
  | 'case:list'
  | 'case:pickFile'
  | 'case:inspect'
  | 'case:import'
  | 'case:cancel'
  | 'case:releaseFile'
  | 'case:jobs'
  | 'case:open'
  | 'case:delete'
  | 'case:variants'
  | 'case:panels'
  | 'case:presets'
  | 'case:savePreset'
  | 'case:deletePreset'
  | 'case:exported'
  | 'case:addFile';

const INDEXES = ['.tbi', '.csi'];

/** Handlers for case:* channels (issue 16). */
export function caseHandlers(
  cases: CaseService,
  presets: CasePresets,
  audit: AuditLog,
  platform: Pick<Platform, 'chooseFile'>,
  somaticPresets: Pick<SomaticPresets, 'list'>,
): Pick<Handlers, CaseChannels> {
  const panels = loadPanels();
  const known = (caseId: string) => {
    const c = cases.find(caseId);
    if (c === undefined) throw noCaseRefusal(cases, caseId);
    return c;
  };
  const handleOf = (handle: string) => {
    const f = cases.files.get(handle, cases.owner().scope);
    if (f === undefined)
      throw new HandlerError(
        'INVALID_REQUEST',
        'That file is no longer available; choose it again.',
        'vcf',
        words('fileGone'),
      );
    return f;
  };
  return {
    'case:list': () => cases.list(),
    'case:pickFile': async () => {
      if (platform.chooseFile === undefined)
        throw new HandlerError(
          'NOT_ALLOWED',
          'Choose the file in the page: browser mode uploads it to Cohort Desk.',
          undefined,
          words('chooseInPage'),
        );
      const path = await platform.chooseFile({
        title: 'Choose the patient VCF',
        filters: [{ name: 'VCF', extensions: ['vcf', 'gz', 'bgz'] }],
      });
      if (path === undefined) return { file: null };
      const index = INDEXES.map((x) => `${path}${x}`).find((p) => existsSync(p));
      return {
        file: cases.files.add({
          name: basename(path),
          size: statSync(path).size,
          source: { kind: 'file', path },
          owner: cases.owner().scope,
          ...(index === undefined ? {} : { index: basename(index) }),
        }),
      };
    },
    'case:addFile': ({ path }, sender) => {
      if (!isCliSender(sender))
        throw new HandlerError(
          'NOT_ALLOWED',
          'Files are chosen in the app with its own dialog or upload; paths come from the command line only.',
          undefined,
          words('pathsFromCli'),
        );
      if (!isAbsolute(path))
        throw new HandlerError(
          'INVALID_REQUEST',
          'The path must be absolute.',
          'path',
          words('pathNotAbsolute'),
        );
      const info = statSync(path, { throwIfNoEntry: false });
      if (info === undefined || !info.isFile())
        throw new HandlerError(
          'INVALID_REQUEST',
          info === undefined ? 'no such file' : 'not a file',
          path,
          words(info === undefined ? 'noSuchFile' : 'notAFile', { file: path }),
        );
      const index = INDEXES.map((x) => `${path}${x}`).find((p) => existsSync(p));
      return cases.files.add({
        name: basename(path),
        size: info.size,
        source: { kind: 'file', path },
        owner: cases.owner().scope,
        ...(index === undefined ? {} : { index: basename(index) }),
      });
    },
    'case:inspect': ({ vcf, ped, phenopacket }) => inspectCase(handleOf(vcf), ped, phenopacket),
    'case:import': (req) => startCaseImport(cases, audit, req),
    'case:cancel': ({ jobId }) => ({ cancelled: cases.imports.cancel(jobId) }),
    // Issue 16 (DATA-02/03): New case closed or another VCF chosen before an import started. Only
    // an upload's spool goes; a file on disk is the user's own. An import that started with it
    // removes it when it ends (caseImportStart.ts), and main keeps it while it runs.
    'case:releaseFile': ({ handle }) => {
      const f = cases.files.get(handle, cases.owner().scope);
      if (f?.source.kind !== 'spool' || cases.files.inUse(handle)) return { released: false };
      cases.files.drop(handle);
      return { released: true };
    },
    'case:jobs': () => ({ jobs: cases.imports.jobs() }),
    'case:open': ({ caseId }) => {
      known(caseId);
      const detail = cases.detail(caseId);
      audit.append('case.open', { caseId });
      return detail;
    },
    'case:delete': ({ caseId }) => ({ deleted: cases.remove(caseId) }),
    'case:variants': async ({ caseId, filter, preset, limit, offset }) => {
      const germlineCase = known(caseId).manifest.cancer === undefined;
      let f: CaseFilter | undefined = filter;
      if (f === undefined && preset !== undefined) {
        const saved = presets.list();
        f = (
          builtInPreset(preset) ??
          saved.find((p) => presetNameKey(p.name) === presetNameKey(preset))
        )?.filter;
        // Issue 19: on a germline case, a somatic preset (built in or saved) is refused as one.
        if (
          f === undefined &&
          germlineCase &&
          presetKindsOf(preset, { germline: saved, somatic: somaticPresets.list() }).includes(
            'somatic',
          )
        )
          throw new HandlerError(
            'INVALID_REQUEST',
            `Case "${caseId}" is a germline case: ${show(preset)} is a somatic filter preset for cancer cases. Choose a filter preset for germline cases.`,
            'preset',
            words('somaticPresetOnGermline', { caseId, preset: cut(preset) }),
          );
        if (f === undefined)
          throw new HandlerError(
            'INVALID_REQUEST',
            `There is no preset ${show(preset)}.`,
            'preset',
            words('noPreset', { preset: cut(preset) }),
          );
      }
      const read = await cases.openDatabase(caseId);
      if (!read.ok) throw caseReadRefusal(read, caseId);
      const scratch = join(
        casesRoot(cases.owner().userDir),
        STAGING_DIR,
        `query-${randomBytes(6).toString('hex')}`,
      );
      return queryCaseBytes({
        bytes: read.bytes,
        scratchDir: scratch,
        filter: f ?? {},
        panels,
        page: { limit: limit ?? 500, offset: offset ?? 0 },
      });
    },
    'case:panels': () => ({ panels }),
    'case:presets': () => presets.view(),
    'case:savePreset': (p) => presets.save(p),
    'case:deletePreset': ({ name }) => presets.remove(name),
    'case:exported': ({ caseId, format, rows }) => {
      known(caseId);
      audit.append('case.export', { caseId, format, rows });
      return { recorded: true };
    },
  };
}
