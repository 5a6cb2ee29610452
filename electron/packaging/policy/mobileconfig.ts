import { createHash } from 'node:crypto';
import plist from 'plist';
import type { PlistObject, PlistValue } from 'plist';
import type { PolicyKey } from '../../../shared/settings/policy';
import { POLICY_KEYS, nativePolicyName } from '../../../shared/settings/policy';
import { BUNDLE_ID } from '../../main/platform/managedPreferences';

/** A stable UUID from a name, so the committed template does not change on every generation. */
function stableUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

/**
 * A macOS configuration profile that sets Cohort Desk's managed preferences (issue 21): one payload
 * of type BUNDLE_ID whose keys are the PascalCase policy names. Every managed preference is forced,
 * so each key in it is locked in the app.
 */
export function buildMobileconfig(values: Partial<Record<PolicyKey, PlistValue>>): string {
  const preferences: Record<string, PlistValue> = {};
  for (const key of POLICY_KEYS) {
    const value = values[key];
    if (value !== undefined) preferences[nativePolicyName(key)] = value;
  }
  const payload: PlistObject = {
    PayloadType: BUNDLE_ID,
    PayloadIdentifier: `${BUNDLE_ID}.policy.preferences`,
    PayloadUUID: stableUuid(`${BUNDLE_ID}.policy.preferences`),
    PayloadVersion: 1,
    PayloadDisplayName: 'Cohort Desk settings',
    ...preferences,
  };
  const profile: PlistObject = {
    PayloadContent: [payload],
    PayloadDescription:
      'Locks Cohort Desk settings for every user of this Mac. Remove the keys you do not manage (docs/hospital-it.md).',
    PayloadDisplayName: 'Cohort Desk policy',
    PayloadIdentifier: `${BUNDLE_ID}.policy`,
    PayloadOrganization: 'Your hospital',
    PayloadScope: 'System',
    PayloadType: 'Configuration',
    PayloadUUID: stableUuid(`${BUNDLE_ID}.policy`),
    PayloadVersion: 1,
  };
  return `${plist.build(profile, { pretty: true, indent: '  ' })}\n`;
}

/** The app's managed preferences as macOS writes them from the profile (its payload's dictionary). */
export function payloadPreferences(mobileconfig: string): PlistObject {
  const profile = plist.parse(mobileconfig) as PlistObject;
  const content = profile.PayloadContent as readonly PlistObject[];
  const payload = content.find((p) => p.PayloadType === BUNDLE_ID);
  if (payload === undefined) throw new Error(`no payload of type ${BUNDLE_ID}`);
  return payload;
}
