import { useI18n } from '../i18n/context';

/**
 * Lets people check what they typed — easier for anyone who finds typing blind hard. A toggle button
 * rather than a checkbox, so that "Password" labels only the password field itself.
 */
export function ShowPassword({ controls, shown, onChange }: { controls: string; shown: boolean; onChange: (shown: boolean) => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="button button-secondary button-toggle" aria-pressed={shown} aria-controls={controls} onClick={() => onChange(!shown)}>
      <span className="toggle-mark" aria-hidden="true" />
      {t('common.showPassword')}
    </button>
  );
}
