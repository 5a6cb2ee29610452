import type { DuoTerm } from '../domain/federation';
import type { Purpose } from '../domain/vault';

/**
 * DATA-07: does a dataset's DUO data use permit the declared purpose? The rule table, as data.
 * Clinical care needs DUO:0000043 (CC). Research needs a research permission: GRU, HMB, DS (the
 * disease the research is about is the user's declaration), POA or NRES. Modifiers we can honour
 * by showing them are allowed with a note; anything not in the table denies (unknown codes → deny).
 */

type Rule =
  | { kind: 'permission'; label: string; purposes: readonly Purpose[] }
  | { kind: 'obligation'; label: string; note: string }
  | { kind: 'deny'; label: string; why: string };

export const DUO_RULES: Readonly<Record<string, Rule>> = {
  'DUO:0000043': {
    kind: 'permission',
    label: 'clinical care use (CC)',
    purposes: ['clinical-care'],
  },
  'DUO:0000042': {
    kind: 'permission',
    label: 'general research use (GRU)',
    purposes: ['research'],
  },
  'DUO:0000006': {
    kind: 'permission',
    label: 'health/medical/biomedical research (HMB)',
    purposes: ['research'],
  },
  'DUO:0000007': {
    kind: 'permission',
    label: 'disease specific research (DS)',
    purposes: ['research'],
  },
  'DUO:0000011': {
    kind: 'permission',
    label: 'population origins or ancestry research (POA)',
    purposes: ['research'],
  },
  'DUO:0000004': { kind: 'permission', label: 'no restriction (NRES)', purposes: ['research'] },
  'DUO:0000045': {
    kind: 'obligation',
    label: 'not-for-profit use only (NPU)',
    note: 'use only within a not-for-profit organisation',
  },
  'DUO:0000046': {
    kind: 'obligation',
    label: 'non-commercial use only (NCU)',
    note: 'no commercial use',
  },
  'DUO:0000018': {
    kind: 'obligation',
    label: 'not-for-profit, non-commercial use only (NPUNCU)',
    note: 'not-for-profit, non-commercial use only',
  },
  'DUO:0000019': {
    kind: 'obligation',
    label: 'publication required (PUB)',
    note: 'results must be published',
  },
  'DUO:0000020': {
    kind: 'obligation',
    label: 'collaboration required (COL)',
    note: 'collaborate with the primary study investigators',
  },
  'DUO:0000021': {
    kind: 'obligation',
    label: 'ethics approval required (IRB)',
    note: 'local ethics approval is required',
  },
  'DUO:0000024': {
    kind: 'obligation',
    label: 'publication moratorium (MOR)',
    note: 'respect the publication moratorium',
  },
  'DUO:0000029': {
    kind: 'obligation',
    label: 'return to database (RTN)',
    note: 'derived data must be returned to the resource',
  },
  'DUO:0000044': {
    kind: 'deny',
    label: 'population origins or ancestry research prohibited (NPOA)',
    why: 'cannot be enforced on a local copy',
  },
  'DUO:0000022': {
    kind: 'deny',
    label: 'geographical restriction (GS)',
    why: 'the permitted region is not checked by this app yet',
  },
  'DUO:0000025': {
    kind: 'deny',
    label: 'time limit on use (TS)',
    why: 'the time limit is not read by this app yet',
  },
  'DUO:0000026': {
    kind: 'deny',
    label: 'user specific restriction (US)',
    why: 'needs a named-user permit this app cannot check',
  },
  'DUO:0000027': {
    kind: 'deny',
    label: 'project specific restriction (PS)',
    why: 'needs a project permit this app cannot check',
  },
  'DUO:0000028': {
    kind: 'deny',
    label: 'institution specific restriction (IS)',
    why: 'needs an institution permit this app cannot check',
  },
};

export interface DuoVerdict {
  readonly allowed: boolean;
  /** Why not, one line each (empty when allowed). */
  readonly reasons: string[];
  /** Obligations to show and acknowledge (DATA-07). */
  readonly notes: string[];
}

const PURPOSE_WORDS: Record<Purpose, string> = {
  'clinical-care': 'clinical care',
  research: 'research',
};

/** Pure DATA-07 check of a dataset's DUO terms against the declared purpose. */
export function duoPermits(duo: readonly DuoTerm[], purpose: Purpose): DuoVerdict {
  const reasons: string[] = [];
  const notes: string[] = [];
  let permitted = false;
  for (const term of duo) {
    const rule = DUO_RULES[term.id];
    if (rule === undefined) {
      reasons.push(
        `The dataset's data use term ${term.id} (${term.label}) is not known to Cohort Desk, so it is treated as forbidding the use.`,
      );
    } else if (rule.kind === 'permission') {
      if (rule.purposes.includes(purpose)) permitted = true;
    } else if (rule.kind === 'obligation') {
      notes.push(`${rule.label}: ${rule.note}`);
    } else {
      reasons.push(`The dataset's data use term ${term.id} ${rule.label}: ${rule.why}.`);
    }
  }
  if (!permitted) {
    const need =
      purpose === 'clinical-care'
        ? 'DUO:0000043 (clinical care use)'
        : 'a research-use term (GRU, HMB, DS, POA or NRES)';
    const has = duo.length === 0 ? 'none' : duo.map((d) => d.id).join(', ');
    reasons.unshift(
      `The dataset's data use conditions do not permit ${PURPOSE_WORDS[purpose]}: it needs ${need}; the dataset has ${has}.`,
    );
  }
  return { allowed: reasons.length === 0, reasons, notes };
}
