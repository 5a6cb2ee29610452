import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../shared/settings/settings';
import { useStore } from '../store';
import { noticeParams } from '../i18n/auditBreakText';
import { wordedValues } from '../i18n/codedText';

// A stable empty list: a selector returning a fresh [] each call makes zustand 5 re-render forever
// (React error #185, "Maximum update depth exceeded") while settings are still loading.
const NO_NOTICES: readonly Notice[] = [];

/** Notices from main (a corrupt settings file, an invalid policy): shown until dismissed. */
export function NoticeList() {
  const { t } = useTranslation();
  const notices = useStore((s) => s.settings?.notices ?? NO_NOTICES);
  const dismiss = useStore((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices" data-testid="notices">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`notice ${notice.level}`}
          role="status"
          data-testid="notice"
        >
          <p>{t(notice.messageKey, wordedValues(t, notice.params, noticeParams(t, notice)))}</p>
          <button type="button" onClick={() => void dismiss(notice.id)}>
            {t('notice.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
