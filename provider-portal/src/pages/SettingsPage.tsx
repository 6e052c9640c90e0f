import { useEffect, useState, type FormEvent } from 'react';
import { useAuth } from '../auth/context';
import { useI18n } from '../i18n/context';
import { LOCALES, type Locale } from '../i18n/locales';
import type { MessageKey } from '../i18n/translate';
import { ROLE_NAME_KEY } from '../roles';
import { PageHeading } from '../ui/PageHeading';

const NAME_KEY: Record<Locale, MessageKey> = { lv: 'language.lv.name', en: 'language.en.name' };

/** The account at a glance and the language, chosen with a deliberate "Save". */
export function SettingsPage() {
  const { t, locale } = useI18n();
  const { user, changeLocale } = useAuth();
  const [choice, setChoice] = useState<Locale>(locale);
  const [saved, setSaved] = useState(false);

  // the header's language menu may change the language while this page is open
  useEffect(() => setChoice(locale), [locale]);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    changeLocale(choice);
    setSaved(true);
  };

  return (
    <>
      <PageHeading title={t('settings.title')} />

      {user && (
        <section className="card" aria-labelledby="settings-account">
          <h2 id="settings-account">{t('settings.account.title')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('settings.account.name')}</dt>
              <dd>{user.fullName}</dd>
            </div>
            <div>
              <dt>{t('settings.account.email')}</dt>
              <dd>{user.email}</dd>
            </div>
            <div>
              <dt>{t('settings.account.role')}</dt>
              <dd>{t(ROLE_NAME_KEY[user.role])}</dd>
            </div>
          </dl>
        </section>
      )}

      {/* no accessible name on this section: "Valoda" must name only the header's language menu */}
      <section className="card">
        <h2>{t('settings.language.legend')}</h2>
        <form className="form" onSubmit={onSubmit}>
          <fieldset className="choices" aria-describedby="settings-language-hint">
            <legend className="visually-hidden">{t('settings.language.legend')}</legend>
            <p id="settings-language-hint" className="field-hint">
              {t('settings.language.hint')}
            </p>
            {LOCALES.map((l) => (
              <div key={l} className="radio">
                <input
                  id={`settings-locale-${l}`}
                  type="radio"
                  name="locale"
                  value={l}
                  checked={choice === l}
                  onChange={() => {
                    setChoice(l);
                    setSaved(false);
                  }}
                />
                <label htmlFor={`settings-locale-${l}`} lang={l}>
                  {t(NAME_KEY[l])}
                </label>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="button button-primary">
            {t('settings.save')}
          </button>
          <p role="status" className="status-text">
            {saved ? t('settings.saved') : ''}
          </p>
        </form>
      </section>
    </>
  );
}
