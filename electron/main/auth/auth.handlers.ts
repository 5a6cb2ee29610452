import type { Handlers } from '../ipc/router';
import type { AuthService } from './authService';

/** Handlers for auth:* channels: thin, every decision lives in the auth service. */
export function authHandlers(
  auth: AuthService,
): Pick<Handlers, 'auth:session' | 'auth:signIn' | 'auth:cancelSignIn' | 'auth:signOut'> {
  return {
    'auth:session': () => auth.summary(),
    'auth:signIn': ({ issuer, switchUser }) =>
      auth.signIn(issuer, switchUser === undefined ? {} : { switchUser }),
    'auth:cancelSignIn': () => auth.cancelSignIn(),
    'auth:signOut': () => auth.signOut(),
  };
}
