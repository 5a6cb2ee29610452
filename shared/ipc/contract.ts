import { z } from 'zod';
import { AppInfoSchema } from '../app/appInfo';
import { DirectoryCheckSchema, FederationDirectorySchema } from '../federation/directory';
import { SessionSummarySchema } from '../auth/session';
import { SettingsPatchSchema, SettingsViewSchema } from '../settings/settings';
import { HostListSchema } from '../it/hosts';
import * as search from '../search/channels';
import { SearchQuerySchema } from '../search/query';
import { NodeUpdateSchema, SearchDoneSchema } from '../search/results';
import * as vault from '../vault/vault';
import * as cohorts from '../cohorts/channels';
import { CohortDefinitionSchema } from '../cohorts/definition';
import * as parquet from '../cohorts/parquetExport';
import * as audit from '../audit/auditLog';
import * as vcf from '../vcf/channels';
import * as cases from '../cases/channels';
import { CasePresetSchema } from '../cases/filters';
import { SomaticPresetFileSchema } from '../cancer/somaticPresets';
import * as ranking from '../ranking/channels';
import * as work from '../cases/workChannels';
import * as clinvar from '../acmg/clinvar';
import * as cancer from '../cancer/channels';
import * as germline from '../cancer/germline';
import * as nativeCohorts from '../cohorts/nativeChannels';
import * as seen from '../seen/channels';
import type { ChannelName, EventName } from './names';
import * as diseases from '../cases/diseaseSearch';

/**
 * The IPC contract: request and response schemas per channel, payload schema per pushed event.
 * Main parses requests with these; the renderer client parses responses with them.
 */
export const channels = {
  'app:info': { request: z.undefined(), response: AppInfoSchema },
  'app:openExternal': {
    request: z.strictObject({ url: z.string().max(2048) }),
    response: z.object({ opened: z.boolean(), delegated: z.boolean() }),
  },
  'settings:get': { request: z.undefined(), response: SettingsViewSchema },
  'settings:set': { request: SettingsPatchSchema, response: SettingsViewSchema },
  'settings:dismissNotice': {
    request: z.strictObject({ id: z.string().max(200) }),
    response: SettingsViewSchema,
  },
  /** The federation directory: brokers, nodes, trusted visa issuers (no secrets). */
  'federation:directory': { request: z.undefined(), response: FederationDirectorySchema },
  /** The current session summary (never tokens: AUTH-01, AUTH-10). */
  'auth:session': { request: z.undefined(), response: SessionSummarySchema },
  /**
   * Starts sign-in with a directory broker (default: the first) and resolves when it completed,
   * failed or was cancelled. While pending, auth:changed reports state 'signing-in' (with
   * `authorizationUrl` only when the page must open the system browser itself: browser mode).
   */
  'auth:signIn': {
    request: z
      .object({
        issuer: z.url().max(2048).optional(),
        /** "Sign in as someone else": the broker asks for credentials again (prompt=login). */
        switchUser: z.boolean().optional(),
      })
      .strict(),
    response: SessionSummarySchema,
  },
  /** Cancels a pending sign-in (its loopback listener closes); resolves with the signed-out summary. */
  'auth:cancelSignIn': { request: z.undefined(), response: SessionSummarySchema },
  /** Revokes refresh then access token, opens the broker's end-session page, wipes local tokens and passport data. */
  'auth:signOut': { request: z.undefined(), response: SessionSummarySchema },
  'search:run': {
    request: search.RunRequestSchema,
    response: z.object({ queryId: z.string(), nodes: z.number().int().nonnegative() }),
  },
  'search:cancel': {
    request: search.QueryIdSchema,
    response: z.object({ cancelled: z.boolean() }),
  },
  'search:retryNode': {
    request: search.RetryRequestSchema,
    response: z.object({ retried: z.boolean() }),
  },
  'search:recent': { request: z.undefined(), response: search.RecentListSchema },
  'search:suggest': {
    request: search.SuggestRequestSchema,
    response: search.SuggestResponseSchema,
  },
  'search:saveQuery': { request: search.SaveRequestSchema, response: search.SaveResponseSchema },
  'search:openQuery': { request: search.OpenRequestSchema, response: SearchQuerySchema },
  /** Pulled datasets (manifests), recent purges and whether the vault is locked (issue 6). */
  'vault:list': { request: z.undefined(), response: vault.VaultListSchema },
  /** Browser mode / no safeStorage: the passphrase-derived master key (scrypt). */
  'vault:unlock': { request: vault.VaultUnlockRequestSchema, response: vault.VaultListSchema },
  /** DATA-01/07, PASS-03: may this dataset be copied locally for this purpose? Names every reason. */
  'pull:check': { request: vault.PullTargetSchema, response: vault.PullCheckSchema },
  /** Starts a pull (checked again); progress arrives as pull:progress events. */
  'pull:start': {
    request: vault.PullStartRequestSchema,
    response: z.object({ jobId: z.string() }),
  },
  'pull:pause': { request: vault.JobIdSchema, response: z.object({ ok: z.boolean() }) },
  'pull:resume': { request: vault.JobIdSchema, response: z.object({ ok: z.boolean() }) },
  'pull:cancel': { request: vault.JobIdSchema, response: z.object({ ok: z.boolean() }) },
  'pull:jobs': { request: z.undefined(), response: vault.PullJobsSchema },
  /** Saved cohort definitions (filters and names, never patient data). */
  'cohorts:list': { request: z.undefined(), response: cohorts.CohortListSchema },
  'cohorts:save': { request: cohorts.CohortSaveRequestSchema, response: CohortDefinitionSchema },
  'cohorts:delete': {
    request: cohorts.CohortDeleteRequestSchema,
    response: z.object({ deleted: z.boolean() }),
  },
  /** An export left the app: main writes the audit entry (what, how many, which datasets). */
  'cohorts:exported': {
    request: cohorts.CohortExportedRequestSchema,
    response: z.object({ recorded: z.boolean() }),
  },
  /** A Parquet export, written by native DuckDB in main: begin, send rows in chunks, finish. */
  'cohorts:parquetBegin': {
    request: parquet.ParquetBeginRequestSchema,
    response: parquet.ExportIdSchema,
  },
  'cohorts:parquetRows': {
    request: parquet.ParquetRowsRequestSchema,
    response: z.object({ received: z.number().int().nonnegative() }),
  },
  /** Writes the file, audits it like 'cohorts:exported', and answers with its bytes (base64). */
  'cohorts:parquetFinish': { request: parquet.ExportIdSchema, response: parquet.ParquetFileSchema },
  /** The audit log, newest first and filtered, with its chain verification (issue 13). */
  'audit:list': { request: audit.AuditListRequestSchema, response: audit.AuditListSchema },
  /** Reads a directory address now and says what it lists, or why it cannot be used (issue 13). */
  'federation:check': {
    request: z.object({ url: z.url({ protocol: /^https?$/ }).max(2048) }).strict(),
    response: DirectoryCheckSchema,
  },
  /** Checks a VCF on disk with the strict reader (issue 16); command line only (a path). */
  'vcf:check': { request: vcf.VcfCheckRequestSchema, response: vcf.VcfCheckResultSchema },
  /** Every host and port the app may contact, and why (issue 21). */
  'hosts:list': { request: z.undefined(), response: HostListSchema },
  /** The signed-in user's cases (or this computer account's while signed out), issue 16. */
  'case:list': { request: z.undefined(), response: cases.CaseListSchema },
  /** Electron: main's open dialog for a VCF; answers an opaque handle, never a path. */
  'case:pickFile': { request: cases.PickFileRequestSchema, response: cases.PickFileResponseSchema },
  /** Reads the VCF header, the PED and the Phenopacket; proposes the sample mapping. */
  'case:inspect': { request: cases.CaseInspectRequestSchema, response: cases.CaseInspectionSchema },
  /** Starts an import in a worker; progress arrives as case:progress events. */
  'case:import': {
    request: cases.CaseImportRequestSchema,
    response: z.object({ jobId: z.string(), caseId: z.string() }),
  },
  'case:cancel': { request: cases.JobRefSchema, response: z.object({ cancelled: z.boolean() }) },
  /** A chosen file New case no longer needs: an upload's encrypted copy is deleted (DATA-02). */
  'case:releaseFile': {
    request: z.object({ handle: cases.FileHandleSchema }).strict(),
    response: z.object({ released: z.boolean() }),
  },
  'case:jobs': {
    request: z.undefined(),
    response: z.object({ jobs: z.array(cases.CaseProgressSchema) }),
  },
  /** The case's record and where its DuckDB file is served (audited as case.open). */
  'case:open': { request: cases.CaseRefSchema, response: cases.CaseDetailSchema },
  'case:delete': { request: cases.CaseRefSchema, response: z.object({ deleted: z.boolean() }) },
  /** The filters run by native DuckDB in main (the command line; same SQL as the page's). */
  'case:variants': { request: cases.CaseVariantsRequestSchema, response: cases.CaseVariantsSchema },
  'case:panels': { request: z.undefined(), response: cases.PanelListSchema },
  'case:presets': { request: z.undefined(), response: cases.PresetListSchema },
  'case:savePreset': { request: CasePresetSchema, response: cases.PresetListSchema },
  'case:deletePreset': { request: cases.PresetNameSchema, response: cases.PresetListSchema },
  /** The command line's way to choose a VCF: a path (trusted local sender only, like vcf:check). */
  'case:addFile': { request: cases.AddFileRequestSchema, response: cases.FileRefSchema },
  /** Ranks genes from a Phenopacket (and a VCF) on disk (issue 17); command line only (paths). */
  'case:rankFiles': {
    request: ranking.RankFilesRequestSchema,
    response: ranking.RankFilesResultSchema,
  },
  /** An export of a case's variants left the app: main writes the audit entry. */
  'case:exported': {
    request: cases.CaseExportedRequestSchema,
    response: z.object({ recorded: z.boolean() }),
  },
  /** Issue 18: the case's work (status, tags, notes, evidence sheets, sign-off), sealed with it. */
  'case:work': { request: work.CaseWorkRequestSchema, response: work.CaseWorkSchema },
  /** One change to the case's work, recorded in its history and audited (case.work). */
  'case:updateWork': { request: work.UpdateWorkRequestSchema, response: work.CaseWorkSchema },
  /** ClinVar assertions for alleles and genes from the app's compact table. */
  'case:clinvar': {
    request: clinvar.ClinvarLookupRequestSchema,
    response: clinvar.ClinvarLookupSchema,
  },
  /** The clinical report, HTML or PDF, rendered locally (audited as case.report). */
  'case:report': { request: work.CaseReportRequestSchema, response: work.CaseReportSchema },
  /** The case as a Phenopacket v2 with interpretations (audited as case.export). */
  'case:phenopacket': {
    request: work.CaseWorkRequestSchema,
    response: work.CasePhenopacketSchema,
  },
  /** The diagnosis picker: OMIM/Orphanet diseases of the shipped HPO annotations (issue 18). */
  'case:diseases': {
    request: diseases.DiseaseSearchRequestSchema,
    response: diseases.DiseaseSearchSchema,
  },
  /** A cancer case's somatic rows through the somatic filter (issue 19; native DuckDB in main). */
  'cancer:somatic': { request: cancer.SomaticRequestSchema, response: cancer.SomaticResultSchema },
  'cancer:review': { request: cancer.TierReviewRequestSchema, response: cancer.TierReviewsSchema },
  /** The somatic filter presets: built in, and the user's own, sealed per user (decision 0079). */
  'cancer:presets': { request: z.undefined(), response: cancer.SomaticPresetListSchema },
  'cancer:savePreset': {
    request: SomaticPresetFileSchema,
    response: cancer.SomaticPresetListSchema,
  },
  'cancer:deletePreset': {
    request: cases.PresetNameSchema,
    response: cancer.SomaticPresetListSchema,
  },
  'cancer:gene': {
    request: cancer.GeneKnowledgeRequestSchema,
    response: cancer.GeneKnowledgeSchema,
  },
  /** The predisposition superpanel applied to a cancer case's normal sample (issue 19). */
  'cancer:germline': {
    request: germline.GermlineRequestSchema,
    response: germline.GermlineResultSchema,
  },
  /** A cohort's export rows on native DuckDB in main, DUO applied (issue 23); command line only. */
  'cohorts:rows': {
    request: nativeCohorts.CohortRowsRequestSchema,
    response: nativeCohorts.CohortRowsSchema,
  },
  /** A read-only query over the cache views on native DuckDB (issue 23); command line only. */
  'cohorts:sql': {
    request: nativeCohorts.CohortSqlRequestSchema,
    response: nativeCohorts.CohortSqlResultSchema,
  },
  /** Several read-only queries on one opening of the native cache (issue 23: `cli sql --file`). */
  'cohorts:sqlBatch': {
    request: nativeCohorts.CohortSqlBatchRequestSchema,
    response: nativeCohorts.CohortSqlBatchResultSchema,
  },
  /** Deletes one of the user's cached datasets (crypto-shredded, audited; issue 23). */
  'vault:remove': {
    request: z.strictObject({ datasetId: z.string().min(1).max(200) }),
    response: vault.VaultListSchema,
  },
  /** Seen before (issue 18): every node asked for each allele; progress as seen:progress events. */
  'seen:lookup': {
    request: seen.SeenLookupRequestSchema,
    response: z.object({ queryId: z.string(), nodes: z.number(), candidates: z.number() }),
  },
  /** Cancels a seen-before lookup or a patients-like-mine query. */
  'seen:cancel': { request: seen.SeenCancelSchema, response: z.object({ cancelled: z.boolean() }) },
  /** The answers stored with the case, each with its node and time. */
  'seen:stored': { request: seen.SeenCaseRefSchema, response: seen.SeenStoredSchema },
  /** The case's phenotype terms, most informative first. */
  'seen:likeTerms': { request: seen.SeenCaseRefSchema, response: seen.LikeTermsSchema },
  /** Exactly what patients like mine would send, to which nodes (nothing is sent). */
  'seen:likePreview': { request: seen.LikeRequestSchema, response: seen.LikePreviewSchema },
  /** Sends it (audited as seen.like); answers as seen:likeUpdate events. */
  'seen:likeRun': {
    request: seen.LikeRunRequestSchema,
    response: z.object({ queryId: z.string(), nodes: z.number() }),
  },
  /** The case's stored patients-like-mine runs: what was sent, to whom, when, and the answers. */
  'seen:likeStored': { request: seen.SeenCaseRefSchema, response: seen.LikeStoredSchema },
} as const satisfies Record<ChannelName, { request: z.ZodType; response: z.ZodType }>;

export const events = {
  'settings:changed': SettingsViewSchema,
  /** Every session change: signing-in, signed-in, refresh failure, expiry, access change, sign-out. */
  'auth:changed': SessionSummarySchema,
  'search:nodeUpdate': NodeUpdateSchema,
  'search:done': SearchDoneSchema,
  'pull:progress': vault.PullProgressSchema,
  'vault:changed': vault.VaultListSchema,
  /** The directory changed (another address, a refresh): every page shows the new one at once. */
  'federation:changed': FederationDirectorySchema,
  'case:progress': cases.CaseProgressSchema,
  'case:changed': cases.CaseListSchema,
  'seen:progress': seen.SeenProgressSchema,
  'seen:done': seen.SeenDoneSchema,
  'seen:likeUpdate': seen.LikeUpdateSchema,
  'seen:likeDone': SearchDoneSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type Channels = typeof channels;
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
/** A request as its handler receives it: parsed once by the router, defaults filled (issue 14). */
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<(typeof events)[E]>;
