import type { PolicyKey } from './policy';

/**
 * What each policy key means, for IT: the ADML strings and the key table (deploy/policy/keys.md,
 * linked from docs/hospital-it.md) are generated from this (issue 21). A new setting without a
 * text fails to compile.
 */
export const POLICY_TEXT: Readonly<Record<PolicyKey, { title: string; help: string }>> = {
  theme: { title: 'Theme', help: 'Colour theme: system, light or dark.' },
  language: {
    title: 'Language',
    help: "Language of the interface: system (the operating system's language when the app has it, else English), en, de, fr, it, es, pt, fi or sv.",
  },
  nodeTimeoutMs: {
    title: 'Node timeout (ms)',
    help: 'How long a federated search waits for each node, in milliseconds (500 to 60000).',
  },
  allowLocalCache: {
    title: 'Allow the local cache',
    help: 'Whether record-level subsets may be pulled into the encrypted local cache. Off: searches return counts only.',
  },
  federationConfigUrl: {
    title: 'Federation directory URL',
    help: 'Address of the federation directory (brokers, nodes, trusted visa issuers). Empty: the embedded demo federation.',
  },
  externalLinkOrigins: {
    title: 'External link origins',
    help: 'https origins that links may open in the system browser, one per line.',
  },
  allowedBrokers: {
    title: 'Allowed sign-in brokers',
    help: 'OIDC issuer URLs the app may sign in with, one per line. Empty: every broker of the federation directory.',
  },
  allowedNodes: {
    title: 'Allowed nodes',
    help: 'Node ids (as in the federation directory) the app may contact, one per line. Empty: every node of the directory.',
  },
  cacheLocation: {
    title: 'Local cache folder',
    help: 'Absolute folder for the encrypted local cache; ${NAME} expands an environment variable (e.g. ${LOCALAPPDATA}\\Cohort Desk\\vault). Empty: %LOCALAPPDATA%\\Cohort Desk\\vault on Windows (it does not roam), the app data folder elsewhere. Read at start.',
  },
  purgeIntervalMinutes: {
    title: 'Purge interval (minutes)',
    help: 'Minutes between purges of cached datasets whose visa expired or was revoked (5 to 1440). Read at start.',
  },
  cacheMaxDays: {
    title: 'Maximum days in the cache',
    help: 'Days a pulled dataset may stay in the local cache, whatever its access grant allows (0 to 3650). 0: until the grant ends. Older copies are deleted at the next purge, with an audit entry.',
  },
  trustedVisaIssuers: {
    title: 'Trusted visa issuers',
    help: 'Visa issuers whose visas grant access, one per line: the issuer URL, or the issuer URL, a space and its key-set (jku) URL. Narrows the federation directory’s list; a visa from any other issuer grants nothing. Empty: the directory’s list.',
  },
  allowedBeaconHosts: {
    title: 'Allowed Beacon hosts',
    help: 'Hosts a node’s Beacon may be on, one per line (host or host:port). A node whose Beacon is elsewhere is never contacted. Empty: any host of the federation directory.',
  },
  allowedHtsgetHosts: {
    title: 'Allowed htsget hosts',
    help: 'Hosts a node’s htsget may be on, one per line (host or host:port). An htsget service elsewhere is never contacted. Empty: any host of the federation directory.',
  },
  updateMode: {
    title: 'Update mode',
    help: 'off: never check; notify: check and ask before downloading; automatic: download and install when the app quits.',
  },
  updateChannel: { title: 'Update channel', help: 'latest (stable releases) or beta.' },
  updateFeedUrl: {
    title: 'Update feed URL',
    help: 'https address of the update feed (for example the hospital’s internal mirror). Empty: no update check.',
  },
  telemetry: {
    title: 'Telemetry',
    help: 'Cohort Desk sends no telemetry; the only value is none. Lock it to document this.',
  },
  crashReportUpload: {
    title: 'Crash report upload',
    help: 'Crash reports are never uploaded (they contain memory); the only value is off.',
  },
  cachePurgeRequest: {
    title: 'Purge the local cache',
    help: 'A new value (any token, e.g. a ticket number) deletes every cached dataset once, at the next start, with an audit entry.',
  },
};
