import type { DatasetPolicy } from '../../catalogue';
import { datasetVisaValue, nodeDacSource } from '../../catalogue';
import { granularityFor, type AccessContext } from '../access/policy';
import type { BeaconAnswer, BeaconContext } from './context';
import { countMembers, reportCount } from './counts';
import { responseMeta } from './meta';
import type { BeaconRequest } from './types';

/** Cohort ids are derived: one cohort per dataset. */
export function cohortId(datasetId: string): string {
  return `${datasetId}-cohort`;
}

/** The dataset a derived cohort id stands for. */
export function datasetOfCohort(id: string): string | undefined {
  return id.endsWith('-cohort') ? id.slice(0, -'-cohort'.length) : undefined;
}

const DUO_VERSION = '2021-02-23';

/** Beacon datasets record: metadata, DUO data use and the access policy (BCN-06: DUO + visa mapping). */
export function datasetRecord(ds: DatasetPolicy, ctx: BeaconContext): Record<string, unknown> {
  return {
    id: ds.id,
    name: ds.title,
    description: `${ds.title} (${ds.kind}), ${ctx.node.name}. Synthetic demo data.`,
    externalUrl: `${ctx.beaconUrl}/datasets/${ds.id}`,
    dataUseConditions: {
      duoDataUse: ds.duo.map((d) => ({
        id: d.id,
        label: d.label,
        version: DUO_VERSION,
        ...(d.modifiers ? { modifiers: d.modifiers } : {}),
      })),
    },
    info: {
      node: ds.node,
      kind: ds.kind,
      securityLevel: ds.securityLevel,
      allowLocalCopies: ds.allowLocalCopies,
      countRounding: ds.countRounding,
      visaValue: datasetVisaValue(ds),
      dacSource: nodeDacSource(ds.node),
      cohortId: cohortId(ds.id),
    },
  };
}

/** Beacon cohorts record; cohortSize only where the caller may see counts (rounded at count level). */
async function cohortRecord(
  ds: DatasetPolicy,
  ctx: BeaconContext,
  access: AccessContext,
): Promise<Record<string, unknown>> {
  const g = granularityFor(ds, access);
  const base = {
    id: cohortId(ds.id),
    name: ds.title,
    cohortType: 'study-defined',
    cohortDesign: { id: 'OMIABIS:0001024', label: 'case-control' },
    cohortDataTypes: [
      { id: 'OGMS:0000015', label: 'clinical history' },
      { id: 'OBI:0002117', label: 'whole genome sequencing' },
    ],
    info: { datasetId: ds.id },
  };
  if (g === 'boolean') return base;
  const rows = await ctx.store.all<{ n: number }>(
    'SELECT count(*)::INTEGER AS n FROM individuals WHERE dataset_id = ?',
    [ds.id],
  );
  const c = reportCount(rows[0]?.n ?? 0, ds, g === 'record');
  return { ...base, cohortSize: c.value, info: { ...base.info, ...countMembers(c) } };
}

/** /datasets and /cohorts (beaconCollectionsResponse): catalogue metadata is public. */
export async function answerCollections(
  ctx: BeaconContext,
  access: AccessContext,
  kind: 'datasets' | 'cohorts',
  req: BeaconRequest,
  onlyId?: string,
): Promise<BeaconAnswer> {
  const selected = ctx.datasets.filter(
    (d) =>
      (onlyId === undefined || d.id === onlyId) &&
      (req.datasetIds === undefined || req.datasetIds.includes(d.id)),
  );
  const page = selected.slice(req.skip * req.limit, req.skip * req.limit + req.limit);
  const collections =
    kind === 'datasets'
      ? page.map((d) => datasetRecord(d, ctx))
      : await Promise.all(page.map((d) => cohortRecord(d, ctx, access)));
  return {
    body: {
      meta: responseMeta(ctx.node, req, kind, 'record'),
      responseSummary: { exists: selected.length > 0, numTotalResults: selected.length },
      response: { collections },
    },
    granularity: 'record',
  };
}
