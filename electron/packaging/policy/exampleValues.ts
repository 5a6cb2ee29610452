import type { PolicyKey } from '../../../shared/settings/policy';
import type { Settings } from '../../../shared/settings/settings';

/**
 * A value for every policy key, different from the built-in default where the schema allows: the
 * published templates carry these as the values IT edits, and the tests read them back through every
 * mechanism. The hosts are reserved example names (RFC 2606).
 */
export const EXAMPLE_POLICY: Settings & { cachePurgeRequest: string } = {
  theme: 'dark',
  language: 'en',
  nodeTimeoutMs: 8000,
  allowLocalCache: false,
  federationConfigUrl: 'https://directory.hospital.example/federation.json',
  externalLinkOrigins: ['https://www.ga4gh.org', 'https://hpo.jax.org'],
  allowedBrokers: ['https://login.broker.example/oidc'],
  allowedNodes: ['NL-UMCG', 'SE-KI'],
  cacheLocation: '${LOCALAPPDATA}\\Cohort Desk\\vault',
  purgeIntervalMinutes: 30,
  cacheMaxDays: 90,
  trustedVisaIssuers: [
    'https://login.broker.example/oidc https://login.broker.example/oidc/jwks',
    'https://visas.dac.example',
  ],
  allowedBeaconHosts: ['beacon.umcg.example', 'beacon.ki.example:8443'],
  allowedHtsgetHosts: ['htsget.umcg.example'],
  updateMode: 'off',
  updateChannel: 'beta',
  updateFeedUrl: 'https://updates.hospital.example/cohort-desk',
  telemetry: 'none',
  crashReportUpload: false,
  cachePurgeRequest: 'INC-2026-0042',
};

/** The keys of the example (every policy key: the type above requires each). */
export const EXAMPLE_KEYS = Object.keys(EXAMPLE_POLICY) as PolicyKey[];
