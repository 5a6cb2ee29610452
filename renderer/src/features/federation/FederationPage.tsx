import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { AccessTable } from './AccessTable';
import { IgnoredVisas } from './IgnoredVisas';
import { NodeList } from './NodeList';
import { SignInPanel } from './SignInPanel';

/** Federation: who you are, at which broker, what each node's datasets let you see, and the nodes. */
export function FederationPage() {
  const { t } = useTranslation();
  const session = useStore((s) => s.session);
  const directory = useStore((s) => s.directory);
  return (
    <>
      <SignInPanel />
      {session?.state === 'signed-in' ? (
        <>
          <section aria-labelledby="access-heading">
            <h2 id="access-heading">{t('access.heading')}</h2>
            <AccessTable access={session.access} />
          </section>
          <IgnoredVisas visas={session.ignoredVisas} />
        </>
      ) : null}
      {directory === undefined ? null : <NodeList directory={directory} />}
    </>
  );
}
