import { useAuth } from '../auth/context';
import { useI18n } from '../i18n/context';
import { isLocale, LOCALES, type Locale } from '../i18n/locales';
import type { MessageKey } from '../i18n/translate';

const NAME_KEY: Record<Locale, MessageKey> = { lv: 'language.lv.name', en: 'language.en.name' };

/**
 * LV / EN. Each language is named in itself (and marked with its `lang`), so someone who cannot read
 * the current language still finds their own.
 */
export function LanguageSelect() {
  const { t, locale } = useI18n();
  const { changeLocale } = useAuth();
  return (
    <div className="language-select">
      <label htmlFor="language-select">{t('language.switchLabel')}</label>
      <select
        id="language-select"
        value={locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) changeLocale(e.target.value);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(NAME_KEY[l])}
          </option>
        ))}
      </select>
    </div>
  );
}
