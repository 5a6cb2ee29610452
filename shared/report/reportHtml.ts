import type { AcmgClass } from '../acmg/combine';
import { criterionLabel } from '../acmg/criteria';
import { evaluateSheet } from '../acmg/evaluate';
import { answerText } from '../acmg/federationFrequency';
import type { FederatedAnswer } from '../acmg/sheet';
import type { VariantWork } from '../cases/workChannels';
import type { ReportData } from './reportData';
import { filterLines, inheritanceText, LIMITATIONS, zygosity } from './reportData';

/**
 * The clinical report of a case (issue 18): one self-contained HTML page (no script, no external
 * resource: its CSP forbids both), printable on A4. The same text becomes the PDF (Electron
 * printToPDF in the app, headless Chromium in browser mode), so what was previewed is what prints.
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

export const CLASS_WORDS: Record<AcmgClass, string> = {
  pathogenic: 'Pathogenic',
  likely_pathogenic: 'Likely pathogenic',
  uncertain_significance: 'Uncertain significance',
  likely_benign: 'Likely benign',
  benign: 'Benign',
};

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
const terms = (ts: ReportData['phenotype']['observed']): string =>
  ts.length === 0 ? 'none recorded' : ts.map((t) => `${t.label ?? t.id} (${t.id})`).join('; ');

const individualsText = (a: FederatedAnswer): string => {
  const s = a.individuals;
  if (s === undefined) return 'not given';
  return s.min === s.max ? s.min.toLocaleString('en-US') : `${String(s.min)}–${String(s.max)}`;
};

function federatedRows(key: string, answers: readonly FederatedAnswer[] | undefined): string {
  if (answers === undefined)
    return '<p data-federated="not-looked-up">Federation: not looked up.</p>';
  const mine = answers.filter((a) => a.variantKey === key);
  if (mine.length === 0)
    return '<p data-federated="none">Federation: no node answered for this allele.</p>';
  return `<table data-federated="answers"><thead><tr><th>Node</th><th>Dataset</th><th>Granularity</th><th>Carriers</th><th>Individuals</th><th>As of</th></tr></thead><tbody>${mine
    .map(
      (a) =>
        `<tr><td>${esc(a.node)}</td><td>${esc(a.dataset)}</td><td>${esc(a.granularity)}</td><td>${esc(answerText(a))}</td><td>${esc(individualsText(a))}</td><td>${esc(a.at)}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

function variantSection(v: VariantWork, data: ReportData): string {
  const s = v.variant;
  const e = evaluateSheet(v.sheet);
  const c = v.sheet.confirmed;
  const accepted = v.sheet.criteria.filter((x) => x.status === 'accepted');
  const title = [s.gene ?? 'intergenic', s.hgvs_c ?? '', s.hgvs_p ?? '']
    .filter((x) => x !== '')
    .join(' ');
  return `<section class="variant" data-variant="${esc(s.variantKey)}">
<h3>${esc(title)}</h3>
<dl>
<dt>Variant (GRCh38)</dt><dd>${esc(`${s.chrom}:${s.pos} ${s.ref}>${s.alt}`)} (${esc(s.variantKey)})</dd>
<dt>HGVS</dt><dd>${esc([s.hgvs_c, s.hgvs_p].filter((x) => x !== null).join(' ') || 'not annotated in the VCF')}</dd>
<dt>Consequence</dt><dd>${esc(s.consequence ?? 'not annotated')}</dd>
<dt>Zygosity</dt><dd>${esc(zygosity(s.gt))}${s.gt === null ? '' : ` (${esc(s.gt)})`}</dd>
<dt>Inheritance</dt><dd>${esc(inheritanceText(s.modes))}</dd>
<dt>Classification</dt><dd data-class="${c === null ? 'unconfirmed' : c.cls}">${
    c === null
      ? '<span class="draft">Not confirmed by the clinician</span>'
      : `<strong>${esc(CLASS_WORDS[c.cls])}</strong> (ACMG/AMP 2015 ${esc(c.rule)}; Tavtigian point scale ${c.points} points, ${esc(CLASS_WORDS[e.points.cls])}); confirmed by ${esc(c.by)} at ${esc(c.at)}`
  }</dd>
<dt>ClinVar</dt><dd>${esc(s.clinvar_sig === null ? 'no assertion in the VCF' : `${s.clinvar_sig} (as the VCF carries it)`)}</dd>
</dl>
<table><thead><tr><th>Criterion</th><th>Reason</th><th>Source</th></tr></thead><tbody>${
    accepted.length === 0
      ? '<tr><td colspan="3">No criterion accepted.</td></tr>'
      : accepted
          .map(
            (x) =>
              `<tr><td>${esc(criterionLabel(x.code, x.strength))}</td><td>${esc(x.reason)}</td><td>${esc(x.source)}</td></tr>`,
          )
          .join('')
  }</tbody></table>
${federatedRows(s.variantKey, data.federated)}
</section>`;
}

/** The report as one HTML document. */
export function reportHtml(data: ReportData): string {
  const w = data.work;
  const reported = w.variants.filter((v) => v.reported);
  const signOff = w.signOff;
  const method = signOff?.method ?? data.method;
  const members = data.members
    .map(
      (m) =>
        `${m.member} (${m.role}${m.affected === true ? ', affected' : m.affected === false ? ', unaffected' : ''})`,
    )
    .join('; ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Clinical report ${esc(data.caseId)}</title><style>${STYLE}</style></head>
<body>
<h1>Genomic analysis report</h1>
<p class="muted">Case ${esc(data.caseId)} · generated ${esc(data.generatedAt)} by ${esc(data.app)}${signOff === null ? ' · <span class="draft">DRAFT: not signed off</span>' : ''}</p>
<h2>Patient</h2>
<dl>
<dt>Pseudonymous id</dt><dd data-field="patient">${esc(data.patientId)}</dd>
<dt>Sex</dt><dd>${esc(data.sex)}</dd>
<dt>Phenotype (HPO)</dt><dd data-field="hpo">${esc(terms(data.phenotype.observed))}</dd>
<dt>Excluded (HPO)</dt><dd>${esc(terms(data.phenotype.excluded))}</dd>
<dt>Family</dt><dd>${esc(members || 'proband only')}</dd>
${w.diagnosis === null ? '' : `<dt>Diagnosis</dt><dd>${esc(`${w.diagnosis.label} (${w.diagnosis.id})`)}</dd>`}
</dl>
<h2>Method</h2>
<dl>
<dt>Sequence data</dt><dd>${esc(`${data.vcf.name} (VCF ${data.vcf.version}; annotations ${data.vcf.annotations.join(', ') || 'none'}; frequency fields ${data.vcf.frequencyFields.join(', ') || 'none'})`)}</dd>
<dt>Filter${method.preset === undefined ? '' : ` (preset ${esc(method.preset)})`}</dt><dd>${list(filterLines(method.filter))}</dd>
<dt>Panels</dt><dd>${esc(data.panels.map((p) => `${p.label} ${p.version}`).join('; ') || 'none used')}</dd>
<dt>Data sources</dt><dd>${list(data.sources.map((s) => `${s.name}: ${s.version}`))}</dd>
<dt>Classification</dt><dd>ACMG/AMP 2015 (Richards et al.) combining rules; Bayesian point scale (Tavtigian et al. 2018, 2020) shown beside.</dd>
</dl>
<h2>Reported variants</h2>
${reported.length === 0 ? '<p data-reported="none">No variant is reported.</p>' : reported.map((v) => variantSection(v, data)).join('\n')}
<h2>Limitations</h2>
${list(LIMITATIONS)}
<h2>Sign-off</h2>
${
  signOff === null
    ? '<p class="draft" data-signoff="none">Not signed off. This draft is not a clinical report.</p>'
    : `<p data-signoff="signed">Signed off by <strong>${esc(signOff.by)}</strong> at ${esc(signOff.at)}.</p>${signOff.statement === '' ? '' : `<p>${esc(signOff.statement)}</p>`}`
}
</body></html>`;
}
