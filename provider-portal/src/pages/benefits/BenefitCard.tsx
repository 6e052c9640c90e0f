import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/translate';
import type { BenefitResult } from './api';

/** "160,00 € mēnesī", "apmēram 105,00 € divreiz gadā", or "Pakalpojums, nevis nauda". */
export function useAmountText() {
  const { t, money } = useI18n();
  return (b: Pick<BenefitResult, 'amountCents' | 'amountKind' | 'frequency'>): string | null => {
    if (b.amountCents === null) return b.amountKind === 'none' && b.frequency === 'service' ? t('benefits.amount.none') : null;
    const kind = b.amountKind === 'none' ? 'exact' : b.amountKind;
    const amount = t(`benefits.amount.${kind}` as MessageKey, { amount: money(b.amountCents) });
    return b.frequency === 'service' ? amount : `${amount} ${t(`benefits.frequency.${b.frequency}` as MessageKey)}`;
  };
}

/** One benefit, in the reader's language: amount first, then what it is, who pays and how to apply. */
export function BenefitCard({ benefit: b, headingLevel = 3, mark }: { benefit: BenefitResult; headingLevel?: 3 | 4; mark?: 'received' | 'missing' }) {
  const { t, locale } = useI18n();
  const amountText = useAmountText();
  const en = locale === 'en';
  const name = en ? b.nameEn : b.nameLv;
  const note = en ? b.amountNoteEn : b.amountNoteLv;
  const amount = amountText(b);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <article className={`card benefit-card${mark === 'missing' ? ' benefit-missing' : ''}`} aria-labelledby={`benefit-${b.code}`} data-code={b.code}>
      <Heading id={`benefit-${b.code}`} className="benefit-name">
        {name}
      </Heading>
      {(mark || b.providerKind !== 'state') && (
        <p className="benefit-tags">
          {mark && (
            <span className={`badge ${mark === 'missing' ? 'badge-attention' : 'badge-ok'}`}>
              {t(mark === 'missing' ? 'benefits.card.missing' : 'benefits.card.received')}
            </span>
          )}
          {b.providerKind === 'municipality' && <span className="badge">{t('benefits.card.municipal')}</span>}
          {b.providerKind === 'platform' && <span className="badge">{t('benefits.card.platform')}</span>}
        </p>
      )}
      {amount && <p className="benefit-amount">{amount}</p>}
      {note && <p className="muted">{note}</p>}
      <p>{en ? b.summaryEn : b.summaryLv}</p>
      <dl className="facts">
        <div>
          <dt>{t('benefits.card.payer')}</dt>
          <dd>{en ? b.payerEn : b.payerLv}</dd>
        </div>
        <div>
          <dt>{t('benefits.card.howToApply')}</dt>
          <dd>{en ? b.howToApplyEn : b.howToApplyLv}</dd>
        </div>
        <div>
          <dt>{t('benefits.card.legalBasis')}</dt>
          <dd lang="lv">{b.legalBasis}</dd>
        </div>
      </dl>
      <p>
        <a href={b.officialUrl} rel="noopener noreferrer" target="_blank">
          {t('benefits.card.link', { name })}
        </a>
      </p>
    </article>
  );
}
