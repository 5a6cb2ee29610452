import type { PolicyFieldKind, PolicyKey } from '../../../shared/settings/policy';
import { POLICY_KEYS, nativePolicyName, policyFieldKind } from '../../../shared/settings/policy';
import { POLICY_TEXT } from '../../../shared/settings/policyText';
import { defaultSettings } from '../../../shared/settings/settings';

/** Group Policy templates (ADMX + en-US ADML) generated from the policy schema (issue 21). */

const REG_KEY = 'Software\\Policies\\CohortDesk\\CohortDesk';
const NS = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';
const XSI =
  'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const SUPPORTED = 'SUPPORTED_CohortDesk_0_1';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Variant {
  readonly id: string;
  readonly key: PolicyKey;
  readonly recommended: boolean;
}

const variants = (): Variant[] => [
  ...POLICY_KEYS.map((key) => ({ id: nativePolicyName(key), key, recommended: false })),
  // A purge request is an order, not a preset: it has no recommended form.
  ...POLICY_KEYS.filter((k) => k !== 'cachePurgeRequest').map((key) => ({
    id: `${nativePolicyName(key)}_Recommended`,
    key,
    recommended: true,
  })),
];

function element(v: Variant, kind: PolicyFieldKind): string {
  const name = nativePolicyName(v.key);
  switch (kind.kind) {
    case 'boolean':
      return '';
    case 'integer':
      return `<elements><decimal id="${v.id}" valueName="${name}" minValue="${kind.min}" maxValue="${kind.max}" /></elements>`;
    case 'enum':
      return `<elements><enum id="${v.id}" valueName="${name}" required="true">${kind.values
        .map(
          (value) =>
            `<item displayName="$(string.${name}_${value})"><value><string>${esc(value)}</string></value></item>`,
        )
        .join('')}</enum></elements>`;
    case 'list':
      return `<elements><multiText id="${v.id}" valueName="${name}" /></elements>`;
    case 'string':
      return `<elements><text id="${v.id}" valueName="${name}" maxLength="1000" /></elements>`;
  }
}

function policy(v: Variant): string {
  const kind = policyFieldKind(v.key);
  const name = nativePolicyName(v.key);
  const key = v.recommended ? `${REG_KEY}\\Recommended` : REG_KEY;
  const presentation = kind.kind === 'boolean' ? '' : ` presentation="$(presentation.${v.id})"`;
  const values =
    kind.kind !== 'boolean'
      ? ''
      : kind.only === false
        ? `<enabledValue><decimal value="0" /></enabledValue>`
        : `<enabledValue><decimal value="1" /></enabledValue><disabledValue><decimal value="0" /></disabledValue>`;
  return `    <policy name="${v.id}" class="Machine" displayName="$(string.${name})" explainText="$(string.${name}_Explain)"${presentation} key="${key}"${kind.kind === 'boolean' ? ` valueName="${name}"` : ''}>
      <parentCategory ref="${v.recommended ? 'CohortDeskRecommended' : 'CohortDesk'}" />
      <supportedOn ref="${SUPPORTED}" />
      ${values}${element(v, kind)}
    </policy>`;
}

/** The ADMX file (deploy/windows/CohortDesk.admx). */
export function buildAdmx(): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated from shared/settings/policy.ts by electron/packaging/policy/generate.ts: do not edit. -->
<policyDefinitions ${XSI} revision="1.0" schemaVersion="1.0" xmlns="${NS}">
  <policyNamespaces>
    <target prefix="cohortdesk" namespace="CohortDesk.Policies.CohortDesk" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <supportedOn>
    <definitions>
      <definition name="${SUPPORTED}" displayName="$(string.${SUPPORTED})" />
    </definitions>
  </supportedOn>
  <categories>
    <category name="CohortDesk" displayName="$(string.CohortDesk)" />
    <category name="CohortDeskRecommended" displayName="$(string.CohortDeskRecommended)">
      <parentCategory ref="CohortDesk" />
    </category>
  </categories>
  <policies>
${variants().map(policy).join('\n')}
  </policies>
</policyDefinitions>
`;
}

function presentation(v: Variant): string {
  const kind = policyFieldKind(v.key);
  const label = esc(POLICY_TEXT[v.key].title);
  const initial = v.key === 'cachePurgeRequest' ? undefined : defaultSettings()[v.key];
  switch (kind.kind) {
    case 'boolean':
      return '';
    case 'integer':
      return `<presentation id="${v.id}"><decimalTextBox refId="${v.id}" defaultValue="${String(initial)}">${label}</decimalTextBox></presentation>`;
    case 'enum': {
      const index = Math.max(0, kind.values.indexOf(String(initial)));
      return `<presentation id="${v.id}"><dropdownList refId="${v.id}" noSort="true" defaultItem="${index}">${label}</dropdownList></presentation>`;
    }
    case 'list':
      return `<presentation id="${v.id}"><multiTextBox refId="${v.id}">${label}</multiTextBox></presentation>`;
    case 'string':
      return `<presentation id="${v.id}"><textBox refId="${v.id}"><label>${label}</label></textBox></presentation>`;
  }
}

/** The en-US ADML file (deploy/windows/en-US/CohortDesk.adml). */
export function buildAdml(): string {
  const strings: [string, string][] = [
    ['CohortDesk', 'Cohort Desk'],
    ['CohortDeskRecommended', 'Recommended (the user may change these)'],
    [SUPPORTED, 'Cohort Desk 0.1 and later'],
  ];
  for (const key of POLICY_KEYS) {
    const name = nativePolicyName(key);
    const text = POLICY_TEXT[key];
    strings.push(
      [name, text.title],
      [`${name}_Explain`, `${text.help}\n\nRegistry value: ${name}.`],
    );
    const kind = policyFieldKind(key);
    if (kind.kind === 'enum')
      for (const value of kind.values) strings.push([`${name}_${value}`, value]);
  }
  const table = strings.map(([id, text]) => `      <string id="${id}">${esc(text)}</string>`);
  const presentations = variants()
    .map(presentation)
    .filter((p) => p !== '')
    .map((p) => `      ${p}`);
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated from shared/settings/policy.ts by electron/packaging/policy/generate.ts: do not edit. -->
<policyDefinitionResources ${XSI} revision="1.0" schemaVersion="1.0" xmlns="${NS}">
  <displayName>Cohort Desk</displayName>
  <description>Machine policy for Cohort Desk (docs/hospital-it.md).</description>
  <resources>
    <stringTable>
${table.join('\n')}
    </stringTable>
    <presentationTable>
${presentations.join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
}
