import { hpoVersion } from '../../../shared/cohorts/hpo';
import type { FederatedAnswer } from '../../../shared/acmg/sheet';
import type { Panel } from '../../../shared/cases/channels';
import type { CaseWork, ReportMethod } from '../../../shared/cases/workChannels';
import { ANNOTATIONS_VERSION } from '../../../shared/ranking/annotations.data';
import type { ReportData, ReportSource } from '../../../shared/report/reportData';
import type { OpenedCase } from './caseService';
import { clinvarTable } from './clinvarTable';

/** The ClinVar table's release, or why it was not there (the report still renders). */
function clinvarSource(): ReportSource {
  try {
    return { kind: 'clinvar', version: clinvarTable().source };
  } catch (error: unknown) {
    return {
      kind: 'clinvar',
      version: '',
      unavailable: error instanceof Error ? error.message : String(error),
    };
  }
}

/** The report's data from the opened case, its work and the page's method (issue 18). */
export function reportData(opts: {
  c: OpenedCase;
  work: CaseWork;
  method: ReportMethod;
  federated: readonly FederatedAnswer[] | undefined;
  panels: readonly Panel[];
  app: string;
  now: Date;
}): ReportData {
  const m = opts.c.manifest;
  // A signed report shows the method it was signed with.
  const method = opts.work.signOff?.method ?? opts.method;
  const used = new Set<string>(method.filter.panels ?? []);
  return {
    caseId: m.caseId,
    patientId: m.patientId,
    sex: m.sex,
    phenotype: m.phenotype,
    members: m.members.map((x) => ({ member: x.member, role: x.role, affected: x.affected })),
    vcf: {
      name: m.vcf.name,
      version: m.vcf.version,
      annotations: m.vcf.annotations,
      frequencyFields: m.vcf.frequencyFields,
      importedAt: m.createdAt,
    },
    method,
    panels: opts.panels
      .filter((p) => used.has(p.id))
      .map((p) => ({ id: p.id, label: p.label, version: p.version })),
    sources: [
      clinvarSource(),
      { kind: 'hpo', version: hpoVersion() },
      {
        kind: 'ranking',
        version: `hpoa ${ANNOTATIONS_VERSION.hpoa}, hpo ${ANNOTATIONS_VERSION.hpo}`,
      },
    ],
    work: opts.work,
    ...(opts.federated === undefined ? {} : { federated: opts.federated }),
    generatedAt: opts.now.toISOString(),
    app: opts.app,
  };
}
