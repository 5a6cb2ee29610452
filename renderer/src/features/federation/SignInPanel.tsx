import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useStore } from '../../store';
import type { SessionSummary } from '../../../../shared/auth/session';

/**
 * Where the session is kept: main's key storage code worded in the reader's language (decision
 * 0076); a summary without the code (an older main) shows main's English reason as it came.
 */
function persistenceText(t: TFunction, p: SessionSummary['persistence']): string {
  if (p.mode === 'secure-store') return t('access.persistSecure');
  if (p.why === undefined) return t('access.persistMemory', { reason: p.reason ?? '' });
  const said = t('access.persistMemory', { reason: t(`cohorts.cache.storage.${p.why}`) });
  return p.why === 'no-keyring' ? `${said} ${t('access.persistKeyring')}` : said;
}

/** Sign in (system browser), sign-in in progress, or who is signed in and where the session is kept. */
export function SignInPanel() {
  const { t } = useTranslation();
  const session = useStore((s) => s.session);
  const directory = useStore((s) => s.directory);
  const error = useStore((s) => s.sessionError);
  const { signIn, cancelSignIn, signOut } = useStore.getState();
  const brokers = directory?.brokers ?? [];
  // Main's sign-in failure by its code (issue 22, decision 0077); its English for a code not known.
  const failure =
    session?.error === undefined
      ? error
      : t(`mainCoded.auth.${session.error.code}`, { defaultValue: session.error.message });
  return (
    <section aria-labelledby="signin-heading" className="panel" data-testid="signin-panel">
      <h2 id="signin-heading">{t('access.signInHeading')}</h2>
      {failure === undefined ? null : (
        <p role="alert" className="form-error" data-testid="signin-error">
          {failure}
        </p>
      )}
      {session?.nodeProblems === undefined || session.nodeProblems.length === 0 ? null : (
        <ul className="hint" data-testid="node-problems">
          {session.nodeProblems.map((problem) => (
            <li key={problem.nodeId}>
              {problem.why === undefined
                ? t('access.nodeProblem', problem)
                : t(`mainCoded.nodeList.${problem.why}`, {
                    node: problem.name ?? problem.nodeId,
                    http: String(problem.http ?? ''),
                  })}
            </li>
          ))}
        </ul>
      )}
      {session === undefined ? null : session.state === 'signed-in' ? (
        <>
          <p data-testid="signed-in-as">
            {t('access.signedInAs', {
              name: session.user?.name ?? session.user?.sub ?? '',
              broker: session.broker?.name ?? session.broker?.issuer ?? '',
            })}
          </p>
          <p data-testid="session-persistence" className="hint">
            {persistenceText(t, session.persistence)}
          </p>
          {session.endSessionUrl === undefined ? (
            <button type="button" data-testid="sign-out" onClick={() => void signOut()}>
              {t('access.signOut')}
            </button>
          ) : (
            // Browser mode: the broker's session cookie lives in this browser, so its own sign-out
            // page opens in a new tab (no ID token in the URL) while main revokes the tokens.
            <a
              href={session.endSessionUrl}
              target="_blank"
              rel="noopener noreferrer"
              role="button"
              className="button-link"
              data-testid="sign-out"
              onClick={() => void signOut()}
            >
              {t('access.signOut')}
            </a>
          )}
        </>
      ) : session.state === 'signing-in' ? (
        <>
          <p role="status" data-testid="signing-in">
            {t('access.signingIn')}
          </p>
          {session.authorizationUrl === undefined ? null : (
            // Browser mode: main cannot open a browser tab, so the page offers the broker's page.
            <p>
              <a
                href={session.authorizationUrl}
                target="_blank"
                rel="noopener noreferrer"
                data-testid="open-sign-in-page"
              >
                {t('access.openSignInPage')}
              </a>
            </p>
          )}
          <button type="button" data-testid="cancel-sign-in" onClick={() => void cancelSignIn()}>
            {t('access.cancel')}
          </button>
        </>
      ) : brokers.length === 0 ? (
        <p>{t('access.noBroker')}</p>
      ) : (
        <>
          <p>{t('access.signInIntro')}</p>
          {brokers.map((broker) => (
            <p key={broker.issuer} className="form-actions">
              <button
                type="button"
                data-testid="sign-in"
                onClick={() => void signIn(broker.issuer)}
              >
                {brokers.length === 1
                  ? t('access.signIn')
                  : t('access.signInAt', { name: broker.name })}
              </button>
              {/* Shared workstations: the broker asks for credentials even if it remembers someone. */}
              <button
                type="button"
                className="secondary"
                data-testid="sign-in-switch-user"
                onClick={() => void signIn(broker.issuer, true)}
              >
                {t('access.signInSwitchUser')}
              </button>
            </p>
          ))}
        </>
      )}
    </section>
  );
}
