import { useTranslation } from 'react-i18next';
import { useStore } from '../store';

/** Notices from main (a corrupt settings file, an invalid policy): shown until dismissed. */
export function NoticeList() {
  const { t } = useTranslation();
  const notices = useStore((s) => s.settings?.notices ?? []);
  const dismiss = useStore((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices" data-testid="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice ${notice.level}`} role="status" data-testid="notice">
          <p>{t(notice.messageKey, notice.params)}</p>
          <button type="button" onClick={() => void dismiss(notice.id)}>
            {t('notice.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
