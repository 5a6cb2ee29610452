import { criterionLabel } from '../acmg/criteria';
import type { Said } from '../acmg/said';
import { saidListText } from '../acmg/saidWords';
import { evaluateSheet } from '../acmg/evaluate';
import type { FederatedAnswer } from '../acmg/sheet';
import type { VariantWork } from '../cases/workChannels';
import { authorText } from '../cases/author';
import type { DocumentT, Values } from '../i18n/documents';
import { documentTranslator, termText } from '../i18n/documents';
import { hpoLabel } from '../i18n/hpoLabel';
import type { Language } from '../i18n/languages';
import type { ReportData } from './reportData';
import { zygosity } from './reportData';
import {
  answerWords,
  filterLines,
  individualsWords,
  inheritanceText,
  limitations,
  reportTime,
  storedError,
} from './reportWords';

/**
 * The clinical report of a case (issue 18): one self-contained HTML page (no script, no external
 * resource: its CSP forbids both), printable on A4. The same text becomes the PDF (Electron
 * printToPDF in the app, headless Chromium in browser mode), so what was previewed is what prints.
 * Written in the reader's language (issue 22; English to share abroad): the words come from the
 * document catalogue, the machine-readable parts (data-* attributes, ids, codes) never change.
 */

const ESC: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Escapes text for HTML content and attribute values. */
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c] ?? c);

/** One report's language: its words, and text with HTML values (already escaped) put in. */
interface Ctx {
  readonly t: DocumentT;
  readonly lang: Language;
  /** The translation escaped, with `html` values inserted as they are (e.g. <strong>…</strong>). */
  readonly h: (key: string, values?: Values, html?: Readonly<Record<string, string>>) => string;
}

function context(lang: Language): Ctx {
  const t = documentTranslator(lang);
  return {
    t,
    lang,
    h: (key, values = {}, html = {}) => {
      // Private-use marks stand for the HTML values through escaping, then become them.
      const marks = Object.fromEntries(Object.keys(html).map((k) => [k, `\uE000${k}\uE000`]));
      return esc(t(key, { ...values, ...marks })).replace(
        /\uE000(\w+)\uE000/g,
        (_, k: string) => html[k] ?? '',
      );
    },
  };
}

const STYLE = `
@page { size: A4; margin: 16mm 14mm; }
body { font: 10.5pt/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif; color: #111; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 12.5pt; margin: 14pt 0 4pt; border-bottom: 1px solid #999; }
h3 { font-size: 11pt; margin: 10pt 0 3pt; } table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
th, td { border: 1px solid #bbb; padding: 2pt 4pt; text-align: left; vertical-align: top; font-size: 9.5pt; }
th { background: #eee; } .variant { break-inside: avoid; } .draft { color: #a00; font-weight: 700; }
.muted { color: #444; } dl { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 8pt; margin: 0; }
dt { font-weight: 600; } dd { margin: 0; }`;

const list = (items: readonly string[]): string =>
  `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
const terms = (c: Ctx, ts: ReportData['phenotype']['observed']): string =>
  ts.length === 0
    ? c.t('report.noneRecorded')
    : ts.map((x) => `${hpoLabel(x.id, c.lang, x.label)} (${x.id})`).join('; ');

/**
 * The carriers cell: a failed lookup stored without its code shows main's English as written,
 * marked as English data (decision 0071) inside the report's own words (issue 22, decision 0077).
 */
function answerCell(c: Ctx, a: FederatedAnswer): string {
  const stored = storedError(c.t, a);
  if (stored === undefined) return esc(answerWords(c.t, c.lang, a));
  if (stored.english === undefined) return esc(answerWords(c.t, c.lang, a));
  return c.h(
    'report.federation.errorStored',
    { status: stored.status },
    {
      message: `<q lang="en" translate="no" data-as-written="stored">${esc(stored.english)}</q>`,
    },
  );
}

function federatedRows(c: Ctx, key: string, answers: readonly FederatedAnswer[] | undefined) {
  const { t, lang } = c;
  if (answers === undefined)
    return `<p data-federated="not-looked-up">${esc(t('report.federation.notLookedUp'))}</p>`;
  const mine = answers.filter((a) => a.variantKey === key);
  if (mine.length === 0)
    return `<p data-federated="none">${esc(t('report.federation.noAnswer'))}</p>`;
  const heads = ['node', 'dataset', 'granularity', 'carriers', 'individuals', 'asOf'];
  return `<table data-federated="answers"><thead><tr>${heads
    .map((k) => `<th>${esc(t(`report.federation.${k}`))}</th>`)
    .join('')}</tr></thead><tbody>${mine
    .map(
      (a) =>
        `<tr data-node="${esc(a.node)}" data-dataset="${esc(a.dataset)}"><td>${esc(a.node)}</td><td>${esc(a.dataset)}</td><td>${esc(termText(t, 'granularity', a.granularity))}</td><td>${answerCell(c, a)}</td><td>${esc(individualsWords(t, lang, a))}</td><td><time datetime="${esc(a.at)}">${esc(reportTime(a.at, lang))}</time></td></tr>`,
    )
    .join('')}</tbody></table>`;
}

function classification(c: Ctx, v: VariantWork): string {
  const { t, lang } = c;
  const k = v.sheet.confirmed;
  if (k === null) return `<span class="draft">${esc(t('report.variant.notConfirmed'))}</span>`;
  const e = evaluateSheet(v.sheet);
  return c.h(
    'report.variant.confirmed',
    {
      rule: k.rule,
      points: k.points,
      pointsClass: termText(t, 'acmgClass', e.points.cls),
      by: authorText(t, k),
      at: reportTime(k.at, lang),
    },
    { cls: `<strong>${esc(termText(t, 'acmgClass', k.cls))}</strong>` },
  );
}

/** A suggestion's codes in the report's language; its text when it has none (decision 0057). */
const said = (c: Ctx, list: readonly Said[] | undefined, text: string): string =>
  list === undefined ? text : saidListText(c.t, c.lang, list);

function variantSection(c: Ctx, v: VariantWork, data: ReportData): string {
  const { t } = c;
  const s = v.variant;
  const k = v.sheet.confirmed;
  const accepted = v.sheet.criteria.filter((x) => x.status === 'accepted');
  const title = [s.gene ?? t('report.variant.intergenic'), s.hgvs_c ?? '', s.hgvs_p ?? '']
    .filter((x) => x !== '')
    .join(' ');
  const zyg = zygosity(s.gt);
  const consequence =
    s.consequence === null
      ? t('report.variant.consequenceMissing')
      : s.consequence
          .split('&')
          .map((x) => `${termText(t, 'consequence', x)} (${x})`)
          .join(', ');
  return `<section class="variant" data-variant="${esc(s.variantKey)}">
<h3>${esc(title)}</h3>
<dl>
<dt>${esc(t('report.variant.position'))}</dt><dd>${esc(`${s.chrom}:${s.pos} ${s.ref}>${s.alt}`)} (${esc(s.variantKey)})</dd>
<dt>${esc(t('report.variant.hgvs'))}</dt><dd>${esc([s.hgvs_c, s.hgvs_p].filter((x) => x !== null).join(' ') || t('report.variant.hgvsMissing'))}</dd>
<dt>${esc(t('report.variant.consequence'))}</dt><dd data-consequence="${esc(s.consequence ?? '')}">${esc(consequence)}</dd>
<dt>${esc(t('report.variant.zygosity'))}</dt><dd data-zygosity="${zyg}">${esc(termText(t, 'zygosity', zyg))}${s.gt === null ? '' : ` (${esc(s.gt)})`}</dd>
<dt>${esc(t('report.variant.inheritance'))}</dt><dd data-modes="${esc(s.modes.join(' '))}">${esc(inheritanceText(t, s.modes))}</dd>
<dt>${esc(t('report.classification'))}</dt><dd data-class="${k === null ? 'unconfirmed' : k.cls}">${classification(c, v)}</dd>
<dt>${esc(t('report.variant.clinvar'))}</dt><dd>${esc(s.clinvar_sig === null ? t('report.variant.clinvarMissing') : t('report.variant.clinvarAsCarried', { sig: s.clinvar_sig }))}</dd>
</dl>
<table><thead><tr><th>${esc(t('report.variant.criterion'))}</th><th>${esc(t('report.variant.reason'))}</th><th>${esc(t('report.variant.source'))}</th></tr></thead><tbody>${
    accepted.length === 0
      ? `<tr><td colspan="3">${esc(t('report.variant.noCriterion'))}</td></tr>`
      : accepted
          .map(
            (x) =>
              `<tr data-criterion="${esc(criterionLabel(x.code, x.strength))}"><td>${esc(criterionLabel(x.code, x.strength))}</td><td>${esc(said(c, x.said?.reason, x.reason))}</td><td>${esc(said(c, x.said?.source, x.source))}</td></tr>`,
          )
          .join('')
  }</tbody></table>
${federatedRows(c, s.variantKey, data.federated)}
</section>`;
}

function member(c: Ctx, m: ReportData['members'][number]): string {
  const role = termText(c.t, 'role', m.role);
  const state =
    m.affected === true
      ? `, ${c.t('report.affected')}`
      : m.affected === false
        ? `, ${c.t('report.unaffected')}`
        : '';
  return `${m.member} (${role}${state})`;
}

function sourceLines(c: Ctx, data: ReportData): string[] {
  const { t, lang } = c;
  const v = data.vcf;
  const fed = data.federated;
  return [
    `${t('report.source.vcf')}: ${t('report.source.vcfValue', { name: v.name, version: v.version, at: reportTime(v.importedAt, lang) })}`,
    ...data.sources.map(
      (s) =>
        `${t(`report.source.${s.kind}`)}: ${s.unavailable === undefined ? s.version : t('report.source.clinvarMissing', { reason: s.unavailable })}`,
    ),
    `${t('report.source.federation')}: ${fed === undefined ? t('report.source.notLookedUp') : t('report.source.answers', { count: fed.length })}`,
  ];
}

/**
 * The report as one HTML document, in `lang` (default English, the language to share abroad).
 * Numbers and dates follow the language; codes, ids and data-* attributes are the same in every one.
 */
export function reportHtml(data: ReportData, lang: Language = 'en'): string {
  const c = context(lang);
  const { t } = c;
  const w = data.work;
  const reported = w.variants.filter((v) => v.reported);
  const signOff = w.signOff;
  const method = signOff?.method ?? data.method;
  const members = data.members.map((m) => member(c, m)).join('; ');
  const none = t('report.none');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(t('report.title', { caseId: data.caseId }))}</title><style>${STYLE}</style></head>
<body data-case="${esc(data.caseId)}" data-generated="${esc(data.generatedAt)}">
<h1>${esc(t('report.heading'))}</h1>
<p class="muted">${esc(t('report.byline', { caseId: data.caseId, at: reportTime(data.generatedAt, lang), app: data.app }))}${signOff === null ? ` · <span class="draft">${esc(t('report.draftMark'))}</span>` : ''}</p>
<h2>${esc(t('report.patient'))}</h2>
<dl>
<dt>${esc(t('report.pseudonym'))}</dt><dd data-field="patient">${esc(data.patientId)}</dd>
<dt>${esc(t('report.sex'))}</dt><dd data-sex="${esc(data.sex)}">${esc(termText(t, 'sex', data.sex))}</dd>
<dt>${esc(t('report.phenotype'))}</dt><dd data-field="hpo" data-hpo="${esc(data.phenotype.observed.map((x) => x.id).join(' '))}">${esc(terms(c, data.phenotype.observed))}</dd>
<dt>${esc(t('report.excluded'))}</dt><dd data-hpo="${esc(data.phenotype.excluded.map((x) => x.id).join(' '))}">${esc(terms(c, data.phenotype.excluded))}</dd>
<dt>${esc(t('report.family'))}</dt><dd>${esc(members || t('report.probandOnly'))}</dd>
${w.diagnosis === null ? '' : `<dt>${esc(t('report.diagnosis'))}</dt><dd data-diagnosis="${esc(w.diagnosis.id)}">${esc(`${w.diagnosis.label} (${w.diagnosis.id})`)}</dd>`}
</dl>
<h2>${esc(t('report.method'))}</h2>
<dl>
<dt>${esc(t('report.sequenceData'))}</dt><dd>${esc(t('report.sequenceDataValue', { name: data.vcf.name, version: data.vcf.version, annotations: data.vcf.annotations.join(', ') || none, fields: data.vcf.frequencyFields.join(', ') || none }))}</dd>
<dt>${esc(method.preset === undefined ? t('report.filter') : t('report.filterPreset', { preset: method.preset }))}</dt><dd>${list(filterLines(t, lang, method.filter))}</dd>
<dt>${esc(t('report.panels'))}</dt><dd>${esc(data.panels.map((p) => `${p.label} ${p.version}`).join('; ') || t('report.noneUsed'))}</dd>
<dt>${esc(t('report.dataSources'))}</dt><dd>${list(sourceLines(c, data))}</dd>
<dt>${esc(t('report.classification'))}</dt><dd>${esc(t('report.classificationMethod'))}</dd>
</dl>
<h2>${esc(t('report.reportedVariants'))}</h2>
${reported.length === 0 ? `<p data-reported="none">${esc(t('report.noneReported'))}</p>` : reported.map((v) => variantSection(c, v, data)).join('\n')}
<h2>${esc(t('report.limitations'))}</h2>
${list(limitations(t))}
<h2>${esc(t('report.signOff'))}</h2>
${
  signOff === null
    ? `<p class="draft" data-signoff="none">${esc(t('report.notSigned'))}</p>`
    : `<p data-signoff="signed" data-by="${esc(signOff.by)}" data-at="${esc(signOff.at)}">${c.h('report.signedBy', { at: reportTime(signOff.at, lang) }, { by: `<strong>${esc(authorText(c.t, signOff))}</strong>` })}</p>${signOff.statement === '' ? '' : `<p>${esc(signOff.statement)}</p>`}`
}
</body></html>`;
}
