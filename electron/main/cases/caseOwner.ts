import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { AuthService } from '../auth/authService';
import type { VaultUser } from '../vault/datasetFolder';
import { scopeOf } from '../vault/datasetFolder';
import type { KeyDeriver } from '../vault/keyHierarchy';
import { localAccountLabel } from '../../../shared/cases/author';

/** The issuer of the owner used while nobody is signed in: this computer account. */
export const LOCAL_ISSUER = 'urn:cohort-desk:local-account';

/**
 * Whose cases the app works with (docs/decisions/case-import-and-filters.md): the signed-in user's,
 * or, signed out (and in the command line until issue 23 adds `login`), this computer account's.
 * The vault master key protects both; the account owner is what the OS key store (Electron) or the
 * vault passphrase (browser mode, CLI) already identifies.
 */
export interface CaseOwner {
  readonly user: VaultUser;
  readonly scope: string;
  readonly kind: 'user' | 'local';
  readonly label: string;
  /** `<vault>/<scope>` */
  readonly userDir: string;
}

export function caseOwnerOf(
  auth: Pick<AuthService, 'grants'>,
  vaultRoot: string,
  account: () => string = () => userInfo().username,
): CaseOwner {
  const signedIn = auth.grants()?.user;
  const user = signedIn ?? { iss: LOCAL_ISSUER, sub: account() };
  const scope = scopeOf(user);
  return {
    user,
    scope,
    kind: signedIn === undefined ? 'local' : 'user',
    label: signedIn === undefined ? localAccountLabel(user.sub) : user.sub,
    userDir: join(vaultRoot, scope),
  };
}

/** The owner's case key-wrapping key (0011 purpose `case-data`), or undefined while the vault is locked. */
export function caseWrapKey(derive: KeyDeriver | undefined, owner: CaseOwner): Buffer | undefined {
  if (derive === undefined) return undefined;
  try {
    return derive('case-data', owner.scope);
  } catch {
    return undefined;
  }
}
