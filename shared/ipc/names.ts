/**
 * Channel and event names only (no zod): the preload bundles this file and nothing heavier.
 * Every IPC channel is declared here once (CONVENTIONS rule 2); contract.ts adds the schemas.
 */
export const CHANNEL_NAMES = [
  'app:info',
  'app:openExternal',
  'settings:get',
  'settings:set',
  'settings:dismissNotice',
  'federation:directory',
  'auth:session',
  'auth:signIn',
  'auth:cancelSignIn',
  'auth:signOut',
  'search:run',
  'search:cancel',
  'search:retryNode',
  'search:recent',
  'search:suggest',
  'search:saveQuery',
  'search:openQuery',
  'vault:list',
  'vault:unlock',
  'pull:check',
  'pull:start',
  'pull:pause',
  'pull:resume',
  'pull:cancel',
  'pull:jobs',
  'cohorts:list',
  'cohorts:save',
  'cohorts:delete',
  'cohorts:exported',
  'cohorts:parquetBegin',
  'cohorts:parquetRows',
  'cohorts:parquetFinish',
  'audit:list',
  'federation:check',
  'vcf:check',
  'hosts:list',
  'case:list',
  'case:pickFile',
  'case:inspect',
  'case:import',
  'case:cancel',
  'case:releaseFile',
  'case:jobs',
  'case:open',
  'case:delete',
  'case:variants',
  'case:panels',
  'case:presets',
  'case:savePreset',
  'case:deletePreset',
  'case:exported',
  'case:addFile',
  'case:rankFiles',
  // Issue 18: case work, ClinVar, the report and the Phenopacket.
  'case:work',
  'case:updateWork',
  'case:clinvar',
  'case:report',
  'case:phenopacket',
  'case:diseases',
  'cancer:somatic',
  'cancer:review',
  'cancer:gene',
  'cancer:germline',
  'cancer:presets',
  'cancer:savePreset',
  'cancer:deletePreset',
  'cohorts:rows',
  'cohorts:sql',
  'cohorts:sqlBatch',
  'vault:remove',
  'seen:lookup',
  'seen:cancel',
  'seen:stored',
  'seen:likeTerms',
  'seen:likePreview',
  'seen:likeRun',
  'seen:likeStored',
] as const;

export const EVENT_NAMES = [
  'settings:changed',
  'auth:changed',
  'search:nodeUpdate',
  'search:done',
  'pull:progress',
  'vault:changed',
  'federation:changed',
  'case:progress',
  'case:changed',
  'seen:progress',
  'seen:done',
  'seen:likeUpdate',
  'seen:likeDone',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

/** The single Electron IPC channel that carries every invoke; the router dispatches by name. */
export const TRANSPORT_INVOKE = 'cohort-desk:invoke';
/** The single Electron IPC channel that carries every pushed event. */
export const TRANSPORT_EVENT = 'cohort-desk:event';

/** Type guard for a declared channel name. */
export const isChannelName = (value: unknown): value is ChannelName =>
  typeof value === 'string' && (CHANNEL_NAMES as readonly string[]).includes(value);

/** Type guard for a declared event name. */
export const isEventName = (value: unknown): value is EventName =>
  typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
