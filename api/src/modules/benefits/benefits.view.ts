import type { BenefitVersion } from './entities/benefit-version.entity';

/** A benefit as the catalogue shows it: one version, with the benefit code as the react-admin id. */
export function benefitView(v: BenefitVersion, extra: { inForce: boolean; latestVersion: number }) {
  return {
    id: v.benefitCode,
    code: v.benefitCode,
    version: v.version,
    validFrom: v.validFrom,
    active: v.active,
    inForce: extra.inForce,
    latestVersion: extra.latestVersion,
    providerKind: v.providerKind,
    municipalityCode: v.municipalityCode,
    payerLv: v.payerLv,
    payerEn: v.payerEn,
    nameLv: v.nameLv,
    nameEn: v.nameEn,
    summaryLv: v.summaryLv,
    summaryEn: v.summaryEn,
    amountCents: v.amountCents,
    amountKind: v.amountKind,
    frequency: v.frequency,
    amountNoteLv: v.amountNoteLv,
    amountNoteEn: v.amountNoteEn,
    amountVariants: v.amountVariants,
    condition: v.condition,
    howToApplyLv: v.howToApplyLv,
    howToApplyEn: v.howToApplyEn,
    legalBasis: v.legalBasis,
    officialUrl: v.officialUrl,
    changeNote: v.changeNote,
    createdByUserId: v.createdByUserId,
    createdAt: v.createdAt,
  };
}
export type BenefitView = ReturnType<typeof benefitView>;

/** What a family reads about one benefit in a result list: the texts in both languages, no history. */
export function benefitTexts(v: BenefitVersion) {
  return {
    code: v.benefitCode,
    version: v.version,
    providerKind: v.providerKind,
    municipalityCode: v.municipalityCode,
    payerLv: v.payerLv,
    payerEn: v.payerEn,
    nameLv: v.nameLv,
    nameEn: v.nameEn,
    summaryLv: v.summaryLv,
    summaryEn: v.summaryEn,
    amountKind: v.amountKind,
    frequency: v.frequency,
    amountNoteLv: v.amountNoteLv,
    amountNoteEn: v.amountNoteEn,
    howToApplyLv: v.howToApplyLv,
    howToApplyEn: v.howToApplyEn,
    legalBasis: v.legalBasis,
    officialUrl: v.officialUrl,
  };
}
