import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError, notFound } from '../../common/errors/app-error';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { BenefitOutcome, BenefitRule, evaluateCatalogue, PROVIDER_KINDS, versionInForce } from './benefits.rules';
import { BenefitFieldsDto, CreateBenefitDto, EvaluateDto, UpdateBenefitDto } from './benefits.dto';
import { benefitTexts, benefitView, BenefitView } from './benefits.view';
import { conditionProblems, Condition, parseDate, Situation } from './conditions.rules';
import { Benefit } from './entities/benefit.entity';
import { BenefitVersion } from './entities/benefit-version.entity';

export const BENEFIT_LIST = {
  sortable: ['code', 'nameLv', 'nameEn', 'providerKind', 'validFrom', 'version'],
  defaultSort: ['code', 'ASC'] as [string, 'ASC'],
  filters: ['q', 'providerKind', 'inForce', 'id', 'municipalityCode'],
};

/** Today's date in Riga (business dates are Europe/Riga). */
export function rigaToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const KIND_RANK = Object.fromEntries(PROVIDER_KINDS.map((k, i) => [k, i])) as Record<string, number>;

/** A benefit version as the rules see it. */
export const toRule = (v: BenefitVersion): BenefitRule => ({
  code: v.benefitCode,
  version: v.version,
  validFrom: v.validFrom,
  active: v.active,
  condition: v.condition,
  amountCents: v.amountCents,
  amountKind: v.amountKind,
  amountVariants: v.amountVariants,
});

export type BenefitResult = ReturnType<typeof benefitTexts> & Omit<BenefitOutcome, 'code'>;

@Injectable()
export class CatalogueService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * The catalogue in force on a day, in reading order: state, then municipal, then the platform's own;
   * money benefits before services; then by code.
   */
  async inForceOn(m: EntityManager, on: string): Promise<BenefitVersion[]> {
    const all = await m.getRepository(BenefitVersion).find({ where: {}, order: { benefitCode: 'ASC', version: 'ASC' } });
    const byCode = new Map<string, BenefitVersion[]>();
    for (const v of all) byCode.set(v.benefitCode, [...(byCode.get(v.benefitCode) ?? []), v]);
    const current = [...byCode.values()].map((vs) => versionInForce(vs, on)).filter((v): v is BenefitVersion => v !== null);
    return current.sort(
      (a, b) =>
        KIND_RANK[a.providerKind] - KIND_RANK[b.providerKind] ||
        Number(a.amountCents === null) - Number(b.amountCents === null) ||
        a.benefitCode.localeCompare(b.benefitCode),
    );
  }

  /** Evaluates a catalogue (already loaded) for a situation: texts, standing, amount and reasons per benefit. */
  results(versions: BenefitVersion[], situation: Situation, on: string): BenefitResult[] {
    const byCode = new Map(versions.map((v) => [v.benefitCode, v]));
    return evaluateCatalogue(versions.map(toRule), situation, on).map(({ code, ...outcome }) => ({ ...benefitTexts(byCode.get(code)!), ...outcome }));
  }

  /** The public finder: a situation in, every benefit with its standing out. Reads only; stores nothing. */
  async evaluate(dto: EvaluateDto): Promise<{ onDate: string; results: BenefitResult[] }> {
    const today = rigaToday();
    const onDate = dto.onDate ?? today;
    const errors: Record<string, string> = {};
    if (!parseDate(onDate)) errors.onDate = 'isDate';
    if (dto.birthDate !== undefined) {
      if (!parseDate(dto.birthDate)) errors.birthDate = 'isDate';
      else if (dto.birthDate > onDate) errors.birthDate = 'notInFuture';
      if (dto.age !== undefined) errors.age = 'notWithBirthDate';
    }
    if (Object.keys(errors).length) throw new AppError('VALIDATION_FAILED', errors);
    if (dto.municipality !== undefined) {
      const found: unknown[] = await this.db.query(`SELECT 1 FROM municipality WHERE code = $1`, [dto.municipality]);
      if (found.length === 0) throw new AppError('VALIDATION_FAILED', { municipality: 'exists' });
    }
    const situation: Situation = {
      birthDate: dto.birthDate ?? null,
      age: dto.age ?? null,
      decisionKind: dto.decisionKind ?? null,
      specialCare: dto.specialCare ?? null,
      municipality: dto.municipality ?? null,
      livesAtHome: dto.livesAtHome ?? null,
      firstDecision: dto.firstDecision ?? null,
      attendsSchool: dto.attendsSchool ?? null,
    };
    const versions = await this.inForceOn(this.db.manager, onDate);
    return { onDate, results: this.results(versions, situation, onDate) };
  }

  // ------------------------------------------------------------ the catalogue (public reads)

  /** The municipalities the finder offers (public reference data). */
  async municipalities(): Promise<{ code: string; nameLv: string; nameEn: string }[]> {
    const rows: { code: string; nameLv: string; nameEn: string }[] = await this.db.query(
      `SELECT code, name_lv AS "nameLv", name_en AS "nameEn" FROM municipality`,
    );
    return rows.sort((a, b) => a.nameLv.localeCompare(b.nameLv, 'lv'));
  }

  /** Each benefit as it stands today: the version in force, or (retired or not yet in force) the latest. */
  private async currentViews(m: EntityManager): Promise<BenefitView[]> {
    const today = rigaToday();
    const all = await m.getRepository(BenefitVersion).find({ order: { benefitCode: 'ASC', version: 'ASC' } });
    const byCode = new Map<string, BenefitVersion[]>();
    for (const v of all) byCode.set(v.benefitCode, [...(byCode.get(v.benefitCode) ?? []), v]);
    return [...byCode.values()].map((vs) => {
      const inForce = versionInForce(vs, today);
      const latest = vs[vs.length - 1];
      return benefitView(inForce ?? latest, { inForce: inForce !== null, latestVersion: latest.version });
    });
  }

  /** The whole catalogue is a few dozen rows, so the list is filtered and sorted in memory. */
  async list(query: Record<string, unknown>): Promise<{ rows: BenefitView[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, BENEFIT_LIST);
    const f = q.filter;
    let rows = await this.currentViews(this.db.manager);
    if (typeof f.q === 'string' && f.q.trim()) {
      const needle = f.q.trim().toLocaleLowerCase('lv');
      rows = rows.filter((r) => [r.code, r.nameLv, r.nameEn, r.summaryLv, r.summaryEn].some((s) => s.toLocaleLowerCase('lv').includes(needle)));
    }
    if (f.providerKind !== undefined) rows = rows.filter((r) => [f.providerKind].flat().includes(r.providerKind));
    if (f.municipalityCode !== undefined) rows = rows.filter((r) => [f.municipalityCode].flat().includes(r.municipalityCode));
    if (f.inForce !== undefined) rows = rows.filter((r) => r.inForce === (f.inForce === true || f.inForce === 'true'));
    if (f.id !== undefined) rows = rows.filter((r) => [f.id].flat().map(String).includes(r.id));
    const key = q.sortField as keyof BenefitView;
    const dir = q.sortOrder === 'ASC' ? 1 : -1;
    rows.sort((a, b) => dir * String(a[key]).localeCompare(String(b[key]), 'lv', { numeric: true }) || a.code.localeCompare(b.code));
    return { rows: rows.slice(q.skip, q.skip + q.take), total: rows.length, q };
  }

  async get(code: string): Promise<BenefitView> {
    const view = (await this.currentViews(this.db.manager)).find((v) => v.code === code);
    if (!view) throw notFound();
    return view;
  }

  // ------------------------------------------------------------ editing (platform admin)

  async versions(actor: Actor, code: string): Promise<BenefitView[]> {
    this.assertAdmin(actor);
    const vs = await this.db.getRepository(BenefitVersion).find({ where: { benefitCode: code }, order: { version: 'DESC' } });
    if (vs.length === 0) throw notFound();
    const inForce = versionInForce(vs, rigaToday());
    return vs.map((v) => benefitView(v, { inForce: v === inForce, latestVersion: vs[0].version }));
  }

  async create(actor: Actor, dto: CreateBenefitDto): Promise<BenefitView> {
    this.assertAdmin(actor);
    const validFrom = this.checkFields(dto);
    return this.db.transaction(async (m) => {
      if (await m.getRepository(Benefit).exists({ where: { code: dto.code } })) throw new AppError('BENEFIT_CODE_TAKEN', { code: 'unique' });
      await this.checkMunicipality(m, dto.municipalityCode ?? null);
      await m.insert(Benefit, { code: dto.code });
      await m.insert(BenefitVersion, {
        ...this.fields(dto),
        benefitCode: dto.code,
        version: 1,
        validFrom,
        active: true,
        changeNote: dto.changeNote ?? null,
        createdByUserId: actor.userId,
      });
      await this.audit.record(m, actor, { action: 'benefit.created', subjectType: 'benefit', subjectId: dto.code, details: { version: 1, validFrom } });
      return this.viewOf(m, dto.code);
    });
  }

  /** Every edit is a new version from its validFrom (today by default, never in the past). */
  async update(actor: Actor, code: string, dto: UpdateBenefitDto): Promise<BenefitView> {
    this.assertAdmin(actor);
    const validFrom = this.checkFields(dto);
    return this.db.transaction(async (m) => {
      const latest = await this.lockLatest(m, code);
      await this.checkMunicipality(m, dto.municipalityCode ?? null);
      const version = latest.version + 1;
      await m.insert(BenefitVersion, {
        ...this.fields(dto),
        benefitCode: code,
        version,
        validFrom,
        active: true,
        changeNote: dto.changeNote,
        createdByUserId: actor.userId,
      });
      await this.audit.record(m, actor, {
        action: 'benefit.versioned',
        subjectType: 'benefit',
        subjectId: code,
        details: { version, validFrom, changeNote: dto.changeNote },
      });
      return this.viewOf(m, code);
    });
  }

  /** Retiring is a version too: the benefit ends from validFrom, and its history stays. */
  async retire(actor: Actor, code: string, validFromRaw?: string): Promise<BenefitView> {
    this.assertAdmin(actor);
    const validFrom = this.checkValidFrom(validFromRaw);
    return this.db.transaction(async (m) => {
      const latest = await this.lockLatest(m, code);
      if (!latest.active) throw new AppError('CONFLICT', { code: 'alreadyRetired' });
      const { id: _id, createdAt: _c, ...rest } = latest;
      const version = latest.version + 1;
      await m.insert(BenefitVersion, { ...rest, version, validFrom, active: false, changeNote: 'retired', createdByUserId: actor.userId });
      await this.audit.record(m, actor, { action: 'benefit.retired', subjectType: 'benefit', subjectId: code, details: { version, validFrom } });
      return this.viewOf(m, code);
    });
  }

  private assertAdmin(actor: Actor): void {
    if (actor.role !== 'platform_admin') throw new AppError('FORBIDDEN');
  }

  private async lockLatest(m: EntityManager, code: string): Promise<BenefitVersion> {
    // the benefit row serialises concurrent edits, so two admins cannot both write version n+1
    const head = await m.getRepository(Benefit).findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
    if (!head) throw notFound();
    return m.getRepository(BenefitVersion).findOneOrFail({ where: { benefitCode: code }, order: { version: 'DESC' } });
  }

  private async viewOf(m: EntityManager, code: string): Promise<BenefitView> {
    const view = (await this.currentViews(m)).find((v) => v.code === code);
    if (!view) throw notFound();
    return view;
  }

  private checkValidFrom(raw: string | undefined): string {
    const today = rigaToday();
    const validFrom = raw ?? today;
    if (!parseDate(validFrom)) throw new AppError('VALIDATION_FAILED', { validFrom: 'isDate' });
    if (validFrom < today) throw new AppError('VALIDATION_FAILED', { validFrom: 'notInPast' });
    return validFrom;
  }

  /** The checks class-validator cannot make: the condition expressions and how the amount fields fit together. */
  private checkFields(dto: BenefitFieldsDto): string {
    const errors: Record<string, string> = { ...conditionProblems(dto.condition) };
    (dto.amountVariants ?? []).forEach((v, i) => Object.assign(errors, conditionProblems(v.when, `amountVariants.${i}.when`)));
    if (['exact', 'from', 'about'].includes(dto.amountKind) && (dto.amountCents === null || dto.amountCents === undefined)) errors.amountCents = 'required';
    if (dto.amountKind === 'none' && dto.amountCents !== null && dto.amountCents !== undefined) errors.amountCents = 'mustBeEmpty';
    if (dto.providerKind === 'municipality' && !dto.municipalityCode) errors.municipalityCode = 'required';
    if (dto.providerKind !== 'municipality' && dto.municipalityCode) errors.municipalityCode = 'mustBeEmpty';
    let validFrom = '';
    try {
      validFrom = this.checkValidFrom(dto.validFrom);
    } catch (e) {
      if (e instanceof AppError && e.errors) Object.assign(errors, e.errors);
      else throw e;
    }
    if (Object.keys(errors).length) throw new AppError('VALIDATION_FAILED', errors);
    return validFrom;
  }

  private async checkMunicipality(m: EntityManager, code: string | null): Promise<void> {
    if (!code) return;
    const found: unknown[] = await m.query(`SELECT 1 FROM municipality WHERE code = $1`, [code]);
    if (found.length === 0) throw new AppError('VALIDATION_FAILED', { municipalityCode: 'exists' });
  }

  private fields(dto: BenefitFieldsDto): Partial<BenefitVersion> {
    return {
      providerKind: dto.providerKind,
      municipalityCode: dto.municipalityCode ?? null,
      payerLv: dto.payerLv.trim(),
      payerEn: dto.payerEn.trim(),
      nameLv: dto.nameLv.trim(),
      nameEn: dto.nameEn.trim(),
      summaryLv: dto.summaryLv.trim(),
      summaryEn: dto.summaryEn.trim(),
      amountCents: dto.amountCents ?? null,
      amountKind: dto.amountKind,
      frequency: dto.frequency,
      amountNoteLv: dto.amountNoteLv?.trim() || null,
      amountNoteEn: dto.amountNoteEn?.trim() || null,
      amountVariants: (dto.amountVariants ?? []).map((v) => ({ when: v.when as Condition, amountCents: v.amountCents })),
      condition: dto.condition as Condition,
      howToApplyLv: dto.howToApplyLv.trim(),
      howToApplyEn: dto.howToApplyEn.trim(),
      legalBasis: dto.legalBasis.trim(),
      officialUrl: dto.officialUrl.trim(),
    };
  }
}
