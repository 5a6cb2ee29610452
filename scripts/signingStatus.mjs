// Which signing credentials this build has, from the environment only (issue 21). Nothing here reads
// a credential's value beyond "is it set"; the repository never holds one.

/** The environment each platform's signing needs; any one complete set signs. */
export const SIGNING_ENV = {
  win32: [
    ['WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD'],
    ['CSC_LINK', 'CSC_KEY_PASSWORD'],
    [
      'AZURE_TENANT_ID',
      'AZURE_CLIENT_ID',
      'AZURE_CLIENT_SECRET',
      'AZURE_SIGNING_ENDPOINT',
      'AZURE_SIGNING_ACCOUNT',
      'AZURE_CERTIFICATE_PROFILE',
    ],
  ],
  darwin: [
    ['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'],
  ],
  linux: [['GPG_KEY_ID']],
};

/** Whether a build for `platform` is signed, and if not, what is missing, in plain words. */
export function signingStatus(platform, env = process.env) {
  const sets = SIGNING_ENV[platform] ?? [];
  const set = (name) => typeof env[name] === 'string' && env[name] !== '';
  if (sets.some((names) => names.every(set)))
    return { signed: true, message: `${platform}: signed` };
  const closest =
    [...sets].sort(
      (a, b) => a.filter((n) => !set(n)).length - b.filter((n) => !set(n)).length,
    )[0] ?? [];
  const missing = closest.filter((n) => !set(n));
  return {
    signed: false,
    missing,
    message: `UNSIGNED BUILD (${platform}): ${missing.join(', ')} not set. These artefacts are not signed${platform === 'darwin' ? ' or notarized' : ''}; do not distribute them to clinicians.`,
  };
}
