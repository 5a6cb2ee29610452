import { evaluateSheet } from '../acmg/evaluate';
import type { EvidenceSheet } from '../acmg/sheet';
import type { CaseWork, VariantWork, WorkChange } from './workChannels';
import type { Author, WorkAuthor } from './author';
import type { HistorySaid } from './historySaid';
import { history, withdrawnBy } from './historySaid';
import type { ErrorWords } from '../appError';
import { words } from '../appError';

/**
 * Applies one change to a case's work (issue 18), pure: main seals the result and audits it. A
 * change that cannot apply throws WorkRefused with words for the person. Every change is a history
 * entry (who, when, what); a change to what the report shows withdraws a sign-off, and the
 * history says so (status, tags and notes are not in the report and leave it standing).
 */

/** `said`: the refusal as a code the renderer words (issue 22, decision 0063). */
export class WorkRefused extends Error {
  constructor(
    message: string,
    readonly said?: ErrorWords,
  ) {
    super(message);
  }
}

/** An empty work record for a case with this status. */
export const emptyWork = (status: CaseWork['status']): CaseWork => ({
  v: 1,
  status,
  tags: [],
  notes: [],
  variants: [],
  diagnosis: null,
  signOff: null,
  lastReview: null,
  history: [],
});

const uniq = (tags: readonly string[]): string[] => [...new Set(tags.map((t) => t.trim()))];

function sameCriteria(a: EvidenceSheet, b: EvidenceSheet): boolean {
  return (
    a.criteria.length === b.criteria.length &&
    a.criteria.every((c, i) => {
      const d = b.criteria[i];
      return (
        d !== undefined && d.code === c.code && d.status === c.status && d.strength === c.strength
      );
    })
  );
}

/** The codes of the criteria the clinician set to `status` ("PVS1, PM2"), or "" for none. */
const codesWith = (sheet: EvidenceSheet, status: 'accepted' | 'rejected'): string =>
  sheet.criteria
    .filter((x) => x.status === status)
    .map((x) => x.code)
    .join(', ');

function variantOf(work: CaseWork, key: string): VariantWork {
  const v = work.variants.find((x) => x.variant.variantKey === key);
  if (v === undefined)
    throw new WorkRefused(
      `${key} is not among the case's reviewed variants; add it first.`,
      words('notReviewed', { variant: key }),
    );
  return v;
}

function withVariant(work: CaseWork, key: string, f: (v: VariantWork) => VariantWork): CaseWork {
  variantOf(work, key);
  return { ...work, variants: work.variants.map((v) => (v.variant.variantKey === key ? f(v) : v)) };
}

/** Who an entry names: main's label and, from decision 0077 on, the author's kind. */
type Stamp = { by: string; author?: Author };

/** The tags as one value, or undefined for none. */
const tagList = (tags: readonly string[]): string | undefined => uniq(tags).join(', ') || undefined;

/** The changed work and a one-line description for the history, in English and as codes. */
function change(
  work: CaseWork,
  c: WorkChange,
  who: Stamp,
  at: string,
): [CaseWork, string, HistorySaid] {
  switch (c.kind) {
    case 'status':
      return [
        { ...work, status: c.status },
        `status ${work.status} → ${c.status}`,
        history('status', { from: work.status, to: c.status }),
      ];
    case 'tags': {
      const tags = tagList(c.tags);
      return c.variantKey === undefined
        ? [
            { ...work, tags: uniq(c.tags) },
            `case tags: ${tags ?? '(none)'}`,
            tags === undefined ? history('caseTagsNone') : history('caseTags', { tags }),
          ]
        : [
            withVariant(work, c.variantKey, (v) => ({ ...v, tags: uniq(c.tags) })),
            `${c.variantKey} tags: ${tags ?? '(none)'}`,
            tags === undefined
              ? history('variantTagsNone', { variant: c.variantKey })
              : history('variantTags', { variant: c.variantKey, tags }),
          ];
    }
    case 'note': {
      const note = { text: c.text, ...who, at };
      return c.variantKey === undefined
        ? [{ ...work, notes: [...work.notes, note] }, 'case note added', history('caseNote')]
        : [
            withVariant(work, c.variantKey, (v) => ({ ...v, notes: [...v.notes, note] })),
            `${c.variantKey} note added`,
            history('variantNote', { variant: c.variantKey }),
          ];
    }
    case 'addVariant': {
      const key = c.variant.variantKey;
      if (work.variants.some((v) => v.variant.variantKey === key))
        throw new WorkRefused(
          `${key} is already under review.`,
          words('alreadyReviewed', { variant: key }),
        );
      if (c.sheet.confirmed !== null)
        throw new WorkRefused(
          'A new sheet cannot arrive confirmed; confirm it after review.',
          words('sheetArrivesConfirmed'),
        );
      const added: VariantWork = {
        variant: c.variant,
        tags: [],
        notes: [],
        sheet: c.sheet,
        reported: false,
      };
      return [
        { ...work, variants: [...work.variants, added] },
        `${key} added for review`,
        history('added', { variant: key }),
      ];
    }
    case 'removeVariant':
      variantOf(work, c.variantKey);
      return [
        { ...work, variants: work.variants.filter((v) => v.variant.variantKey !== c.variantKey) },
        `${c.variantKey} removed from review`,
        history('removed', { variant: c.variantKey }),
      ];
    case 'sheet':
      return [
        withVariant(work, c.variantKey, (v) => {
          // The confirmation belongs to the criteria it was given on: edits drop it.
          const keep = v.sheet.confirmed !== null && sameCriteria(v.sheet, c.sheet);
          return {
            ...v,
            sheet: { criteria: c.sheet.criteria, confirmed: keep ? v.sheet.confirmed : null },
          };
        }),
        `${c.variantKey} evidence: ${c.sheet.criteria
          .filter((x) => x.status !== 'suggested')
          .map((x) => `${x.code} ${x.status}`)
          .join(', ')}`,
        history('evidence', {
          variant: c.variantKey,
          accepted: codesWith(c.sheet, 'accepted'),
          rejected: codesWith(c.sheet, 'rejected'),
        }),
      ];
    case 'confirm': {
      const v = variantOf(work, c.variantKey);
      const e = evaluateSheet(v.sheet);
      if (e.pending > 0)
        throw new WorkRefused(
          `Accept or reject the ${e.pending} suggested criteria of ${c.variantKey} before confirming its class.`,
          words('pendingCriteria', { count: e.pending, variant: c.variantKey }),
        );
      const confirmed = {
        cls: e.richards.cls,
        rule: e.richards.rule,
        points: e.points.points,
        ...who,
        at,
      };
      return [
        withVariant(work, c.variantKey, (x) => ({ ...x, sheet: { ...x.sheet, confirmed } })),
        `${c.variantKey} class confirmed: ${e.richards.cls} (${e.richards.rule}; ${e.points.points} points)`,
        history('confirmed', {
          variant: c.variantKey,
          cls: e.richards.cls,
          rule: e.richards.rule,
          count: e.points.points,
        }),
      ];
    }
    case 'unconfirm':
      return [
        withVariant(work, c.variantKey, (x) => ({ ...x, sheet: { ...x.sheet, confirmed: null } })),
        `${c.variantKey} class confirmation withdrawn`,
        history('unconfirmed', { variant: c.variantKey }),
      ];
    case 'reported':
      return [
        withVariant(work, c.variantKey, (x) => ({ ...x, reported: c.reported })),
        `${c.variantKey} ${c.reported ? 'included in' : 'left out of'} the report`,
        history(c.reported ? 'included' : 'leftOut', { variant: c.variantKey }),
      ];
    case 'signOff': {
      const unconfirmed = work.variants.filter((v) => v.reported && v.sheet.confirmed === null);
      if (unconfirmed.length > 0)
        throw new WorkRefused(
          `Confirm the class of every reported variant before signing off (${unconfirmed.map((v) => v.variant.variantKey).join(', ')}).`,
          words('unconfirmedReported', {
            count: unconfirmed.length,
            variants: unconfirmed.map((v) => v.variant.variantKey).join(', '),
          }),
        );
      const reported = work.variants.filter((v) => v.reported).length;
      return [
        { ...work, signOff: { ...who, at, statement: c.statement, method: c.method } },
        `report signed off (${reported} reported variants)`,
        history('signedOff', { count: reported }),
      ];
    }
    case 'diagnosis':
      return [
        { ...work, diagnosis: c.diagnosis },
        c.diagnosis === null
          ? 'diagnosis cleared'
          : `diagnosis ${c.diagnosis.id} ${c.diagnosis.label}`,
        c.diagnosis === null
          ? history('diagnosisCleared')
          : history('diagnosis', { id: c.diagnosis.id, label: c.diagnosis.label }),
      ];
    case 'reviewed':
      return [
        { ...work, lastReview: { at, ...who, basis: c.basis } },
        `marked reviewed (${c.basis.datasets.length} cached datasets, ${c.basis.nodes.length} nodes)`,
        history('reviewed', { datasets: c.basis.datasets.length, nodes: c.basis.nodes.length }),
      ];
    case 'withdrawSignOff':
      if (work.signOff === null)
        throw new WorkRefused('The report is not signed off.', words('notSignedOff'));
      return [{ ...work, signOff: null }, 'sign-off withdrawn', history('withdrawn')];
  }
}

/**
 * Applies `c` as `by` at `at` (ISO); returns the new work and its history entry's words. Every
 * entry it writes names `by` by main's label and, given a `WorkAuthor`, by kind and account for
 * the reader's words (issue 22, decision 0077); a plain label is stored as it is.
 */
export function applyWorkChange(
  work: CaseWork,
  c: WorkChange,
  by: WorkAuthor | string,
  at: string,
): { work: CaseWork; detail: string } {
  const who: Stamp =
    typeof by === 'string'
      ? { by }
      : { by: by.label, author: { kind: by.kind, account: by.account } };
  const [next, detail, said] = change(work, c, who, at);
  const entries = [
    ...next.history,
    { at, ...who, what: c.kind, detail: detail.slice(0, 500), said },
  ];
  const keepsSignOff =
    ['signOff', 'withdrawSignOff', 'status', 'tags', 'note', 'reviewed'].includes(c.kind) ||
    next.signOff === null;
  if (keepsSignOff) return { work: { ...next, history: entries }, detail };
  // A reported fact changed after the sign-off withdraws it: a signed report must say what was signed.
  return {
    work: {
      ...next,
      signOff: null,
      history: [
        ...entries,
        {
          at,
          ...who,
          what: 'withdrawSignOff',
          detail: `sign-off withdrawn by: ${detail}`.slice(0, 500),
          said: withdrawnBy(said),
        },
      ],
    },
    detail,
  };
}
