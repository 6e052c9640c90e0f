import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError, forbidden, notFound } from '../../common/errors/app-error';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { Organisation } from '../identity/entities/organisation.entity';
import { User } from '../identity/entities/user.entity';
import { hashPassword } from '../identity/password';
import { Accreditation } from './entities/accreditation.entity';
import { CatalogueService } from './entities/catalogue-service.entity';
import { ProviderProfile } from './entities/provider-profile.entity';
import { ProviderSpecialist } from './entities/provider-specialist.entity';
import { Specialist } from './entities/specialist.entity';
import { ibanError, normaliseIban, rigaDate } from './marketplace.rules';
import { AddSpecialistDto, CreateAccreditationDto, DecisionDto, OnboardingDto, ProviderProfileFieldsDto, UpdateProviderDto } from './providers.dto';

export const PROVIDER_LIST = { sortable: ['name', 'status', 'createdAt'], defaultSort: ['name', 'ASC'] as [string, 'ASC'], filters: ['q', 'status', 'kind', 'id', 'language'] };

export interface ProviderView extends ProviderProfile {
  id: string;
  name: string;
  code: string | null;
  accreditations: Accreditation[];
}

const isProviderUser = (a: Actor) => a.role === 'provider_admin' || a.role === 'specialist';

@Injectable()
export class ProvidersService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Self-service onboarding from the portal: organisation, first provider admin, pending profile. */
  async onboard(dto: OnboardingDto, requestId: string): Promise<{ organisationId: string; status: string }> {
    const errors = this.profileErrors(dto);
    if (Object.keys(errors).length) throw new AppError('VALIDATION_FAILED', errors);
    const passwordHash = await hashPassword(dto.password);
    const email = dto.adminEmail.trim().toLowerCase();
    return this.db.transaction(async (m) => {
      if (await m.getRepository(Organisation).exists({ where: { code: dto.registrationNumber } })) throw new AppError('PROVIDER_REGISTRATION_TAKEN', { registrationNumber: 'unique' });
      if (await m.getRepository(User).exists({ where: { email } })) throw new AppError('USER_EMAIL_TAKEN', { adminEmail: 'unique' });
      const { identifiers: org } = await m.insert(Organisation, { name: dto.organisationName.trim(), kind: 'provider', code: dto.registrationNumber });
      const organisationId = String(org[0].id);
      const { identifiers: user } = await m.insert(User, { email, fullName: dto.adminFullName.trim(), role: 'provider_admin', organisationId, passwordHash, locale: 'lv' });
      await m.insert(ProviderProfile, { organisationId, registrationNumber: dto.registrationNumber, ...this.profileFields(dto), status: 'pending' });
      const actor: Actor = { userId: String(user[0].id), role: 'provider_admin', organisationId, organisationKind: 'provider', requestId };
      await this.audit.record(m, actor, { action: 'provider.onboarded', subjectType: 'organisation', subjectId: organisationId });
      return { organisationId, status: 'pending' };
    });
  }

  async list(actor: Actor, query: Record<string, unknown>): Promise<{ rows: ProviderView[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, PROVIDER_LIST);
    const qb = this.db.getRepository(ProviderProfile).createQueryBuilder('p').innerJoinAndSelect('p.organisation', 'o');
    if (actor.role !== 'platform_admin') qb.andWhere(isProviderUser(actor) ? `(p.status = 'approved' OR p.organisation_id = :own)` : `p.status = 'approved'`, { own: actor.organisationId });
    const f = q.filter;
    if (typeof f.q === 'string' && f.q.trim()) qb.andWhere('(o.name ILIKE :like OR p.registration_number ILIKE :like)', { like: `%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    if (f.status !== undefined) qb.andWhere('p.status IN (:...statuses)', { statuses: [f.status].flat().map(String) });
    if (f.kind !== undefined) qb.andWhere('p.kind IN (:...kinds)', { kinds: [f.kind].flat().map(String) });
    if (f.language !== undefined) qb.andWhere(':lang = ANY(p.languages)', { lang: String(f.language) });
    if (f.id !== undefined) qb.andWhere('p.organisation_id::text IN (:...ids)', { ids: [f.id].flat().map(String) });
    const sort = q.sortField === 'name' ? 'o.name' : `p.${q.sortField === 'createdAt' ? 'created_at' : q.sortField}`;
    const [rows, total] = await qb.orderBy(sort, q.sortOrder).addOrderBy('p.organisation_id', 'ASC').skip(q.skip).take(q.take).getManyAndCount();
    return { rows: await this.views(this.db.manager, rows), total, q };
  }

  async get(actor: Actor, id: string): Promise<ProviderView> {
    const profile = await this.db.getRepository(ProviderProfile).findOne({ where: { organisationId: id }, relations: { organisation: true } });
    if (!profile || !this.canSee(actor, profile)) throw notFound();
    return (await this.views(this.db.manager, [profile]))[0];
  }

  /** A provider admin edits their own profile (creating it if the organisation has none yet); the platform admin any. */
  async update(actor: Actor, id: string, dto: UpdateProviderDto): Promise<ProviderView> {
    this.assertManages(actor, id);
    const errors = this.profileErrors(dto);
    if (Object.keys(errors).length) throw new AppError('VALIDATION_FAILED', errors);
    await this.db.transaction(async (m) => {
      const org = await m.getRepository(Organisation).findOne({ where: { id, kind: 'provider' } });
      if (!org) throw notFound();
      const existing = await m.getRepository(ProviderProfile).findOne({ where: { organisationId: id }, lock: { mode: 'pessimistic_write' } });
      const fields = this.profileFields(dto);
      if (!existing) await m.insert(ProviderProfile, { organisationId: id, registrationNumber: org.code ?? '', kind: dto.kind ?? 'private', ...fields, status: 'pending' });
      else if (Object.keys(fields).length) await m.update(ProviderProfile, { organisationId: id }, fields);
      await this.audit.record(m, actor, { action: 'provider.updated', subjectType: 'organisation', subjectId: id, details: { fields: Object.keys(fields) } });
    });
    return this.get(actor, id);
  }

  async decide(actor: Actor, id: string, decision: 'approved' | 'rejected' | 'suspended', dto: DecisionDto): Promise<ProviderView> {
    await this.db.transaction(async (m) => {
      const profile = await m.getRepository(ProviderProfile).findOne({ where: { organisationId: id }, lock: { mode: 'pessimistic_write' } });
      if (!profile) throw notFound();
      const allowed = decision === 'suspended' ? profile.status === 'approved' : profile.status === 'pending' || (decision === 'approved' && profile.status === 'suspended');
      if (!allowed) throw new AppError('CONFLICT', { status: profile.status });
      if (decision === 'approved' && !profile.iban) throw new AppError('VALIDATION_FAILED', { iban: 'isNotEmpty' });
      await m.update(ProviderProfile, { organisationId: id }, { status: decision, decidedAt: new Date(), decidedByUserId: actor.userId, decisionNote: dto.note ?? null });
      await this.audit.record(m, actor, { action: `provider.${decision}`, subjectType: 'organisation', subjectId: id, details: { from: profile.status } });
    });
    return this.get(actor, id);
  }

  async addAccreditation(actor: Actor, id: string, dto: CreateAccreditationDto): Promise<Accreditation> {
    this.assertManages(actor, id);
    if (dto.validTo && dto.validTo < dto.validFrom) throw new AppError('VALIDATION_FAILED', { validTo: 'beforeValidFrom' });
    return this.db.transaction(async (m) => {
      if (!(await m.getRepository(ProviderProfile).exists({ where: { organisationId: id } }))) throw notFound();
      if (!(await m.getRepository(CatalogueService).exists({ where: { code: dto.serviceCode } }))) throw new AppError('VALIDATION_FAILED', { serviceCode: 'unknownService' });
      const { identifiers } = await m.insert(Accreditation, { providerOrganisationId: id, serviceCode: dto.serviceCode, registerNumber: dto.registerNumber.trim(), validFrom: dto.validFrom, validTo: dto.validTo ?? null });
      await this.audit.record(m, actor, { action: 'provider.accreditation_added', subjectType: 'organisation', subjectId: id, details: { serviceCode: dto.serviceCode, validFrom: dto.validFrom, validTo: dto.validTo ?? null } });
      return m.getRepository(Accreditation).findOneByOrFail({ id: String(identifiers[0].id) });
    });
  }

  async specialists(actor: Actor, id: string): Promise<(Specialist & { active: boolean; otherProviders?: number })[]> {
    await this.get(actor, id);
    const links = await this.db.getRepository(ProviderSpecialist).find({ where: { providerOrganisationId: id }, relations: { specialist: true }, order: { createdAt: 'ASC' } });
    const own = actor.role === 'platform_admin' || actor.organisationId === id;
    return links.filter((l) => own || l.active).map((l) => ({ ...l.specialist!, active: l.active }));
  }

  /**
   * Adds a specialist to the provider. The professional registration number is the identity: when a
   * specialist with that number exists (working for another provider), this provider is linked to the
   * same person rather than creating a second one.
   */
  async addSpecialist(actor: Actor, id: string, dto: AddSpecialistDto): Promise<Specialist & { linkedExisting: boolean }> {
    this.assertManages(actor, id);
    return this.db.transaction(async (m) => {
      if (!(await m.getRepository(ProviderProfile).exists({ where: { organisationId: id } }))) throw notFound();
      if (dto.userId) {
        const user = await m.getRepository(User).findOne({ where: { id: dto.userId } });
        if (!user || user.organisationId !== id || user.role !== 'specialist') throw new AppError('VALIDATION_FAILED', { userId: 'notASpecialistOfProvider' });
      }
      const registrationNumber = dto.registrationNumber.trim().toUpperCase();
      let specialist = await m.getRepository(Specialist).findOne({ where: { registrationNumber }, lock: { mode: 'pessimistic_write' } });
      const linkedExisting = !!specialist;
      if (!specialist) {
        if (dto.userId && (await m.getRepository(Specialist).exists({ where: { userId: dto.userId } }))) throw new AppError('VALIDATION_FAILED', { userId: 'unique' });
        const { identifiers } = await m.insert(Specialist, { fullName: dto.fullName.trim(), registrationNumber, qualifications: dto.qualifications ?? [], languages: dto.languages ?? [], userId: dto.userId ?? null });
        specialist = await m.getRepository(Specialist).findOneByOrFail({ id: String(identifiers[0].id) });
      } else if (dto.userId && specialist.userId === null) {
        await m.update(Specialist, { id: specialist.id }, { userId: dto.userId });
        specialist.userId = dto.userId;
      }
      const link = await m.getRepository(ProviderSpecialist).findOne({ where: { providerOrganisationId: id, specialistId: specialist.id } });
      if (!link) await m.insert(ProviderSpecialist, { providerOrganisationId: id, specialistId: specialist.id });
      else if (!link.active) await m.update(ProviderSpecialist, { id: link.id }, { active: true });
      await this.audit.record(m, actor, { action: 'provider.specialist_added', subjectType: 'specialist', subjectId: specialist.id, details: { providerOrganisationId: id, linkedExisting } });
      return { ...specialist, linkedExisting };
    });
  }

  async removeSpecialist(actor: Actor, id: string, specialistId: string): Promise<void> {
    this.assertManages(actor, id);
    await this.db.transaction(async (m) => {
      const res = await m.update(ProviderSpecialist, { providerOrganisationId: id, specialistId }, { active: false });
      if (!res.affected) throw notFound();
      await this.audit.record(m, actor, { action: 'provider.specialist_removed', subjectType: 'specialist', subjectId: specialistId, details: { providerOrganisationId: id } });
    });
  }

  /** Whether the provider may take new contracts for the service on the date (approved and accredited). */
  async assertMayContract(m: EntityManager, providerId: string, serviceCode: string, date = rigaDate()): Promise<void> {
    const profile = await m.getRepository(ProviderProfile).findOne({ where: { organisationId: providerId } });
    if (!profile || profile.status !== 'approved') throw new AppError('PROVIDER_NOT_APPROVED');
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM accreditation WHERE provider_organisation_id = $1 AND service_code = $2 AND valid_from <= $3::date AND (valid_to IS NULL OR valid_to >= $3::date)`,
      [providerId, serviceCode, date],
    );
    if (rows.length === 0) throw new AppError('PROVIDER_NOT_ACCREDITED', { serviceCode: 'notAccredited' });
  }

  private canSee(actor: Actor, p: ProviderProfile): boolean {
    return actor.role === 'platform_admin' || p.status === 'approved' || (isProviderUser(actor) && actor.organisationId === p.organisationId);
  }

  private assertManages(actor: Actor, id: string): void {
    if (actor.role === 'platform_admin') return;
    if (actor.role === 'provider_admin' && actor.organisationId === id) return;
    throw actor.role === 'provider_admin' ? notFound() : forbidden();
  }

  private profileErrors(dto: ProviderProfileFieldsDto): Record<string, string> {
    const errors: Record<string, string> = {};
    if (dto.iban) {
      const e = ibanError(dto.iban);
      if (e) errors.iban = e;
    }
    return errors;
  }

  private profileFields(dto: ProviderProfileFieldsDto): Partial<ProviderProfile> {
    const out: Partial<ProviderProfile> = {};
    if (dto.kind !== undefined) out.kind = dto.kind;
    if (dto.iban !== undefined) out.iban = dto.iban ? normaliseIban(dto.iban) : null;
    if (dto.contactEmail !== undefined) out.contactEmail = dto.contactEmail;
    if (dto.contactPhone !== undefined) out.contactPhone = dto.contactPhone;
    if (dto.locations !== undefined) out.locations = dto.locations.map((l) => ({ name: l.name, address: l.address, municipalityCode: l.municipalityCode }));
    if (dto.languages !== undefined) out.languages = dto.languages;
    if (dto.description !== undefined) out.description = dto.description;
    return out;
  }

  private async views(m: EntityManager, profiles: ProviderProfile[]): Promise<ProviderView[]> {
    if (profiles.length === 0) return [];
    const accs = await m.getRepository(Accreditation).find({ where: { providerOrganisationId: In(profiles.map((p) => p.organisationId)) }, order: { validFrom: 'ASC' } });
    return profiles.map(({ organisation, ...p }) => ({
      ...p,
      id: p.organisationId,
      name: organisation?.name ?? '',
      code: organisation?.code ?? null,
      accreditations: accs.filter((a) => a.providerOrganisationId === p.organisationId),
    }));
  }
}
