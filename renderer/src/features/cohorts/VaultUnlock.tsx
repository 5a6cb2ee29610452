import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';

/**
 * Where the OS offers no secret store (browser mode, Linux basic_text), the vault's master key comes
 * from a passphrase (DATA: passphrase-derived key); the first passphrase sets it.
 */
export function VaultUnlock() {
  const { t } = useTranslation();
  const unlock = useStore((s) => s.unlockVault);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(await unlock(passphrase));
    setBusy(false);
    setPassphrase('');
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} data-testid="vault-unlock">
      <div className="field">
        <label htmlFor="vault-passphrase">{t('cohorts.unlock.label')}</label>
        <input
          id="vault-passphrase"
          type="password"
          autoComplete="current-password"
          minLength={8}
          required
          value={passphrase}
          aria-describedby="vault-passphrase-help"
          onChange={(e) => {
            setPassphrase(e.target.value);
          }}
          data-testid="vault-passphrase"
        />
        <small id="vault-passphrase-help">{t('cohorts.unlock.help')}</small>
      </div>
      <button type="submit" disabled={busy} data-testid="vault-unlock-submit">
        {t('cohorts.unlock.submit')}
      </button>
      {error === undefined ? null : (
        <p role="alert" className="form-error" data-testid="vault-unlock-error">
          {error}
        </p>
      )}
    </form>
  );
}
