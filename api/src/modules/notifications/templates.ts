/** E-mail texts in Latvian and English. Parameters are filled in; nothing about a child's health goes into an e-mail. */
export type Locale = 'lv' | 'en';

export const EMAIL_TEMPLATES = {
  'password-reset': {
    lv: { subject: 'Paroles atjaunošana — Līdz.Vērtīgs', body: 'Labdien!\n\nLai iestatītu jaunu paroli, atveriet šo saiti stundas laikā:\n{link}\n\nJa paroles maiņu nepieprasījāt, šo vēstuli varat neņemt vērā.\n' },
    en: { subject: 'Password reset — Līdz.Vērtīgs', body: 'Hello,\n\nTo set a new password, open this link within one hour:\n{link}\n\nIf you did not ask to reset your password, you can ignore this e-mail.\n' },
  },
} as const;
export type EmailTemplate = keyof typeof EMAIL_TEMPLATES;

export function renderEmail(template: EmailTemplate, locale: Locale, params: Record<string, string>): { subject: string; body: string } {
  const t = EMAIL_TEMPLATES[template][locale];
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
  return { subject: fill(t.subject), body: fill(t.body) };
}
