import type { DuoTerm } from '../federation/directory';
import type { Purpose } from './vault';
import { DUO_TERMS } from './duo.data';
import type { PullReason, Refusal } from './pullReason';
import { termRef } from './pullReason';

/**
 * DATA-07: the one DUO rule module. A pull (may this dataset come to the cache for the declared
 * purpose?) and an export (may its rows leave the app in a file?) both read the rule table below.
 * Clinical care needs DUO:0000043 (CC). Research needs a research permission: GRU, HMB, POA, NRES,
 * or DS when the declared purpose names a disease within the term's disease modifiers (issue 13;
 * the check is the caller's, see DsCheck). Modifiers we can honour by showing them are allowed with
 * a note; anything not in the table denies, and so does an id that is not a DUO CURIE (unknown
 * term: never a crash, never a grant). Terms are named by label and code (duo.data.ts).
 */

type Rule = { name: string; code: string } & (
  | { kind: 'permission'; purposes: readonly Purpose[] }
  | { kind: 'obligation'; note: string }
  | { kind: 'deny'; code: DeniedCode; why: string }
);

/** The terms the table denies, by the short code a refusal's code names (issue 22). */
type DeniedCode = 'NPOA' | 'GS' | 'TS' | 'US' | 'PS' | 'IS';

/** DUO term ids by their short codes, for code that names a term (exports, tests). */
export const DUO = {
  GRU: 'DUO:0000042',
  HMB: 'DUO:0000006',
  DS: 'DUO:0000007',
  CC: 'DUO:0000043',
  NPU: 'DUO:0000045',
  PUB: 'DUO:0000019',
  COL: 'DUO:0000020',
  IS: 'DUO:0000028',
  GS: 'DUO:0000022',
  NCU: 'DUO:0000046',
} as const;

const permit = (name: string, code: string, purposes: readonly Purpose[]): Rule => ({
  kind: 'permission',
  name,
  code,
  purposes,
});
const oblige = (name: string, code: string, note: string): Rule => ({
  kind: 'obligation',
  name,
  code,
  note,
});
const deny = (name: string, code: DeniedCode, why: string): Rule => ({
  kind: 'deny',
  name,
  code,
  why,
});

export const DUO_RULES: Readonly<Record<string, Rule>> = {
  'DUO:0000043': permit('clinical care use', 'CC', ['clinical-care']),
  'DUO:0000042': permit('general research use', 'GRU', ['research']),
  'DUO:0000006': permit('health/medical/biomedical research', 'HMB', ['research']),
  'DUO:0000007': permit('disease specific research', 'DS', ['research']),
  'DUO:0000011': permit('population origins or ancestry research', 'POA', ['research']),
  'DUO:0000004': permit('no restriction', 'NRES', ['research']),
  'DUO:0000045': oblige(
    'not-for-profit use only',
    'NPU',
    'use only within a not-for-profit organisation',
  ),
  'DUO:0000046': oblige('non-commercial use only', 'NCU', 'no commercial use'),
  'DUO:0000018': oblige(
    'not-for-profit, non-commercial use only',
    'NPUNCU',
    'not-for-profit, non-commercial use only',
  ),
  'DUO:0000019': oblige('publication required', 'PUB', 'results must be published'),
  'DUO:0000020': oblige(
    'collaboration required',
    'COL',
    'collaborate with the primary study investigators',
  ),
  'DUO:0000021': oblige('ethics approval required', 'IRB', 'local ethics approval is required'),
  'DUO:0000024': oblige('publication moratorium', 'MOR', 'respect the publication moratorium'),
  'DUO:0000029': oblige(
    'return to database',
    'RTN',
    'derived data must be returned to the resource',
  ),
  'DUO:0000044': deny(
    'population origins or ancestry research prohibited',
    'NPOA',
    'cannot be enforced on a local copy',
  ),
  'DUO:0000022': deny(
    'geographical restriction',
    'GS',
    'the permitted region is not checked by this app yet',
  ),
  'DUO:0000025': deny('time limit on use', 'TS', 'the time limit is not read by this app yet'),
  'DUO:0000026': deny(
    'user specific restriction',
    'US',
    'needs a named-user permit this app cannot check',
  ),
  'DUO:0000027': deny(
    'project specific restriction',
    'PS',
    'needs a project permit this app cannot check',
  ),
  'DUO:0000028': deny(
    'institution specific restriction',
    'IS',
    'needs an institution permit this app cannot check',
  ),
};

const LABELS = new Map(DUO_TERMS.map(([id, , label]) => [id, label]));
const DUO_ID = /^DUO:\d{7}$/;

/** "clinical care use (DUO:0000043)": a term as people read it, label from the DUO table first. */
export function duoName(term: Pick<DuoTerm, 'id'> & { label?: string | undefined }): string {
  const own = term.label !== undefined && term.label !== term.id ? term.label : undefined;
  const label = LABELS.get(term.id) ?? own;
  return label === undefined ? term.id : `${label} (${term.id})`;
}

/**
 * Decides a DS (disease specific research) term for a research purpose: undefined when the declared
 * disease lies within the term's modifiers, else the reason in words and as a code. Pulls pass an
 * ontology check; without one, DS permits research as it did (exports apply their own DS rule).
 */
export type DsCheck = (term: DuoTerm) => Refusal | undefined;

/** The table applied to one dataset's terms: is the purpose permitted, what denies, what obliges. */
export interface DuoReading {
  readonly permitted: boolean;
  readonly denials: Refusal[];
  /** Why a disease-specific permission did not permit this purpose (when nothing else did). */
  readonly dsDenials?: Refusal[];
  readonly obligations: { readonly id: string; readonly rule: Rule & { kind: 'obligation' } }[];
}

const refusal = (text: string, said: PullReason): Refusal => ({ text, said });

/** Reads a dataset's terms against a purpose (the pull's and the export's rules share it). */
export function readDuo(duo: readonly DuoTerm[], purpose: Purpose, ds?: DsCheck): DuoReading {
  const reading: DuoReading = { permitted: false, denials: [], obligations: [] };
  let permitted = false;
  const dsReasons: Refusal[] = [];
  for (const term of duo) {
    const rule = DUO_RULES[term.id];
    if (!DUO_ID.test(term.id)) {
      const labelled = term.label !== term.id;
      reading.denials.push(
        refusal(
          `The dataset's data use term "${term.id.slice(0, 80)}"${labelled ? ` (${term.label.slice(0, 80)})` : ''} is not a DUO term id (DUO:0000000), so it is an unknown term, which forbids the use.`,
          labelled
            ? {
                code: 'duo-not-id-labelled',
                params: { term: term.id.slice(0, 80), label: term.label.slice(0, 80) },
              }
            : { code: 'duo-not-id', params: { term: term.id.slice(0, 80) } },
        ),
      );
    } else if (rule === undefined) {
      reading.denials.push(
        refusal(
          `The dataset's data use term ${duoName(term)} is not one Cohort Desk can enforce, so it is treated as forbidding the use.`,
          { code: 'duo-unenforceable', terms: [termRef(term)] },
        ),
      );
    } else if (rule.kind === 'permission') {
      if (!rule.purposes.includes(purpose)) continue;
      const why =
        purpose === 'research' && rule.code === 'DS' && ds !== undefined ? ds(term) : undefined;
      if (why === undefined) permitted = true;
      else dsReasons.push(why);
    } else if (rule.kind === 'obligation') {
      reading.obligations.push({ id: term.id, rule });
    } else {
      reading.denials.push(
        refusal(`The dataset's data use term ${duoName(term)}: ${rule.why}.`, {
          code: `duo-denied-${rule.code}`,
          terms: [termRef(term)],
        }),
      );
    }
  }
  // A disease-specific term that the purpose does not satisfy denies only when nothing else permits.
  return { ...reading, permitted, dsDenials: permitted ? [] : dsReasons };
}

export interface DuoVerdict {
  readonly allowed: boolean;
  /** Why not, one line each (empty when allowed). */
  readonly reasons: string[];
  /** `reasons` as codes, in the same order (issue 22). */
  readonly said: PullReason[];
  /** Obligations to show and acknowledge (DATA-07). */
  readonly notes: string[];
}

const PURPOSE_WORDS: Record<Purpose, string> = {
  'clinical-care': 'clinical care',
  research: 'research',
};

const NEEDS: Record<Purpose, string> = {
  'clinical-care': 'clinical care use (DUO:0000043)',
  research:
    'a research-use term (general research use, health/medical/biomedical research, disease specific research for a named disease, population origins or ancestry research, or no restriction)',
};

/** Pure DATA-07 check of a dataset's DUO terms against the declared purpose (before a pull). */
export function duoPermits(duo: readonly DuoTerm[], purpose: Purpose, ds?: DsCheck): DuoVerdict {
  const r = readDuo(duo, purpose, ds);
  const refusals = [...(r.dsDenials ?? []), ...r.denials];
  if (!r.permitted && (r.dsDenials ?? []).length === 0) {
    const has = duo.length === 0 ? 'none' : duo.map(duoName).join(', ');
    refusals.unshift(
      refusal(
        `The dataset's data use conditions do not permit ${PURPOSE_WORDS[purpose]}: it needs ${NEEDS[purpose]}; the dataset has ${has}.`,
        duo.length === 0
          ? { code: `purpose-${purpose}-none` }
          : { code: `purpose-${purpose}`, terms: duo.slice(0, 100).map(termRef) },
      ),
    );
  }
  const notes = r.obligations.map((o) => `${o.rule.name} (${o.id}): ${o.rule.note}`);
  return {
    allowed: refusals.length === 0,
    reasons: refusals.map((x) => x.text),
    said: refusals.map((x) => x.said),
    notes,
  };
}
