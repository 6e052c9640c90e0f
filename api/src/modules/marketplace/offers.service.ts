import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError, forbidden, notFound } from '../../common/errors/app-error';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { ChildAccessService } from '../children/child-access.service';
import { CatalogueServiceService } from './catalogue.service';
import { CatalogueService } from './entities/catalogue-service.entity';
import { Offer } from './entities/offer.entity';
import { childUnitPrice, offerPriceError, rigaDate } from './marketplace.rules';
import { CreateOfferDto, OfferFieldsDto, UpdateOfferDto } from './offers.dto';

export const OFFER_LIST = {
  sortable: ['priceCents', 'earliestStart', 'continuity', 'createdAt', 'serviceCode'],
  defaultSort: ['priceCents', 'ASC'] as [string, 'ASC'],
  filters: ['q', 'serviceCode', 'category', 'municipality', 'language', 'maxPriceCents', 'startBy', 'available', 'providerId', 'childId', 'inPlan', 'id', 'mine', 'deliveryMode'],
};

export interface OfferView extends Offer {
  providerName: string;
  serviceNameLv: string;
  serviceNameEn: string;
  category: string;
  unitKind: string;
  maxPriceCents: number | null;
  /** What one child pays per unit (group: price ÷ group size). */
  childUnitPriceCents: number;
  /** Published: provider approved, offer active, accreditation valid today, price within today's cap. */
  visible: boolean;
  /** The child already has (or had) a contract with this provider: continuity with a known specialist. */
  continuity: boolean;
  /** Units per month the child's support plan names for this service (with filter childId). */
  planUnitsPerMonth: number | null;
  specialists: { id: string; fullName: string; qualifications: string[]; languages: string[] }[];
}

const isProviderUser = (a: Actor) => a.role === 'provider_admin' || a.role === 'specialist';

/** SQL for "this offer is published today" over alias o (offer) — the one definition search and contracts share. */
export const OFFER_VISIBLE_SQL = (today: string) => `(
  o.active AND EXISTS (SELECT 1 FROM provider_profile pp WHERE pp.organisation_id = o.provider_organisation_id AND pp.status = 'approved')
  AND EXISTS (SELECT 1 FROM accreditation a WHERE a.provider_organisation_id = o.provider_organisation_id AND a.service_code = o.service_code AND a.valid_from <= '${today}'::date AND (a.valid_to IS NULL OR a.valid_to >= '${today}'::date))
  AND o.price_cents <= COALESCE((SELECT cp.max_price_cents FROM catalogue_price cp WHERE cp.service_code = o.service_code AND cp.valid_from <= '${today}'::date ORDER BY cp.valid_from DESC LIMIT 1), 0)
)`;

/** The services (and units per month) of the child's latest support plan. */
const PLAN_SERVICES_SQL = (child: string) =>
  `SELECT s->>'serviceCode' AS code, (s->>'unitsPerMonth')::int AS units FROM support_plan sp, jsonb_array_elements(sp.services) s
    WHERE sp.id = (SELECT x.id FROM support_plan x WHERE x.child_id = ${child}::uuid ORDER BY x.created_at DESC LIMIT 1) AND (s->>'unitsPerMonth')::int > 0`;

@Injectable()
export class OffersService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly catalogue: CatalogueServiceService,
    private readonly childAccess: ChildAccessService,
  ) {}

  /**
   * Search for families and case managers (published offers only), and a provider's own list (all of
   * theirs). Sorted by price, earliest start or continuity with the child's providers — never distance.
   */
  async list(actor: Actor, query: Record<string, unknown>): Promise<{ rows: OfferView[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, OFFER_LIST);
    const f = q.filter;
    const today = rigaDate();
    const childId = typeof f.childId === 'string' ? f.childId : null;
    return this.db.transaction(async (m) => {
      if (childId) {
        await this.childAccess.assertCanRead(m, actor, childId);
        await this.audit.record(m, actor, { action: 'offer.searched_for_child', subjectType: 'child', subjectId: childId, childId });
      }
      const qb = m.getRepository(Offer).createQueryBuilder('o').innerJoin(CatalogueService, 's', 's.code = o.service_code').innerJoin('o.provider', 'org');
      const own = isProviderUser(actor) && (f.mine === undefined || f.mine === true || f.mine === 'true');
      if (own) qb.andWhere('o.provider_organisation_id = :own', { own: actor.organisationId });
      else if (actor.role !== 'platform_admin' || f.mine === undefined) qb.andWhere(OFFER_VISIBLE_SQL(today));
      if (typeof f.q === 'string' && f.q.trim()) qb.andWhere('(org.name ILIKE :like OR s.name_lv ILIKE :like OR s.name_en ILIKE :like OR o.description ILIKE :like)', { like: `%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
      if (f.serviceCode !== undefined) qb.andWhere('o.service_code IN (:...codes)', { codes: [f.serviceCode].flat().map(String) });
      if (f.category !== undefined) qb.andWhere('s.category IN (:...cats)', { cats: [f.category].flat().map(String) });
      if (f.deliveryMode !== undefined) qb.andWhere('o.delivery_mode = :dm', { dm: String(f.deliveryMode) });
      if (f.municipality !== undefined) {
        qb.andWhere(
          `(:muni = ANY(o.municipalities) OR (o.at_our_location AND EXISTS (SELECT 1 FROM provider_profile pl, jsonb_array_elements(pl.locations) loc WHERE pl.organisation_id = o.provider_organisation_id AND loc->>'municipalityCode' = :muni)))`,
          { muni: String(f.municipality) },
        );
      }
      if (f.language !== undefined) qb.andWhere(':lang = ANY(o.languages)', { lang: String(f.language) });
      if (f.maxPriceCents !== undefined) {
        const max = Number(f.maxPriceCents);
        if (!Number.isSafeInteger(max)) throw new AppError('VALIDATION_FAILED', { 'filter.maxPriceCents': 'isInt' });
        qb.andWhere('o.price_cents <= :max', { max });
      }
      if (f.startBy !== undefined) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(String(f.startBy))) throw new AppError('VALIDATION_FAILED', { 'filter.startBy': 'isDate' });
        qb.andWhere('o.earliest_start <= :startBy', { startBy: String(f.startBy) });
      }
      if (f.available === true || f.available === 'true') qb.andWhere('o.free_capacity > 0');
      if ((f.inPlan === true || f.inPlan === 'true') && childId) qb.andWhere(`o.service_code IN (SELECT ps.code FROM (${PLAN_SERVICES_SQL(':childId')}) ps)`);
      if (f.providerId !== undefined) qb.andWhere('o.provider_organisation_id::text IN (:...pids)', { pids: [f.providerId].flat().map(String) });
      if (f.id !== undefined) qb.andWhere('o.id::text IN (:...ids)', { ids: [f.id].flat().map(String) });
      const continuitySql = childId ? `EXISTS (SELECT 1 FROM contract k WHERE k.child_id = :childId AND k.provider_organisation_id = o.provider_organisation_id AND k.status IN ('approved', 'active', 'ended'))` : 'FALSE';
      qb.addSelect(continuitySql, 'continuity');
      if (childId) qb.setParameter('childId', childId);
      if (q.sortField === 'continuity') qb.orderBy('continuity', q.sortOrder === 'ASC' ? 'DESC' : 'ASC').addOrderBy('o.price_cents', 'ASC');
      else qb.orderBy(`o.${q.sortField.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`, q.sortOrder);
      qb.addOrderBy('o.id', 'ASC').offset(q.skip).limit(q.take);
      const total = await qb.getCount();
      const { entities, raw } = await qb.getRawAndEntities<{ continuity: boolean }>();
      const views = await this.views(m, entities, today);
      raw.forEach((r, i) => {
        if (views[i]) views[i].continuity = r.continuity === true;
      });
      if (childId) {
        const plan: { code: string; units: number }[] = await m.query(PLAN_SERVICES_SQL('$1'), [childId]);
        for (const v of views) v.planUnitsPerMonth = plan.find((p) => p.code === v.serviceCode)?.units ?? null;
      }
      return { rows: views, total, q };
    });
  }

  async get(actor: Actor, id: string): Promise<OfferView> {
    const offer = await this.db.getRepository(Offer).findOne({ where: { id } });
    if (!offer) throw notFound();
    const [view] = await this.views(this.db.manager, [offer], rigaDate());
    const own = isProviderUser(actor) && actor.organisationId === offer.providerOrganisationId;
    if (!view.visible && !own && actor.role !== 'platform_admin') throw notFound();
    return view;
  }

  async create(actor: Actor, dto: CreateOfferDto): Promise<OfferView> {
    const providerId = actor.role === 'platform_admin' ? dto.providerOrganisationId : actor.organisationId;
    if (!providerId) throw new AppError('VALIDATION_FAILED', { providerOrganisationId: 'isNotEmpty' });
    if (actor.role === 'provider_admin' && dto.providerOrganisationId && dto.providerOrganisationId !== actor.organisationId) throw forbidden();
    const id = await this.db.transaction(async (m) => {
      const profile: unknown[] = await m.query(`SELECT 1 FROM provider_profile WHERE organisation_id = $1`, [providerId]);
      if (profile.length === 0) throw new AppError('VALIDATION_FAILED', { providerOrganisationId: 'noProviderProfile' });
      const service = await m.getRepository(CatalogueService).findOne({ where: { code: dto.serviceCode } });
      if (!service || !service.active) throw new AppError('VALIDATION_FAILED', { serviceCode: 'unknownService' });
      const { providerOrganisationId: _p, ...fields } = dto;
      const offer = { ...fields, unitMinutes: dto.unitMinutes ?? service.unitMinutes, groupSize: dto.deliveryMode === 'group' ? (dto.groupSize ?? 0) : 1 } as Offer;
      await this.validate(m, service, offer);
      const { identifiers } = await m.insert(Offer, { ...offer, providerOrganisationId: providerId });
      const newId = String(identifiers[0].id);
      await this.audit.record(m, actor, { action: 'offer.created', subjectType: 'offer', subjectId: newId, details: { serviceCode: dto.serviceCode, priceCents: dto.priceCents } });
      return newId;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, dto: UpdateOfferDto): Promise<OfferView> {
    await this.db.transaction(async (m) => {
      const offer = await m.getRepository(Offer).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!offer) throw notFound();
      if (actor.role !== 'platform_admin' && actor.organisationId !== offer.providerOrganisationId) throw notFound();
      const fields = this.fields(dto);
      const next = { ...offer, ...fields };
      if (fields.deliveryMode === 'individual') next.groupSize = 1;
      const service = await m.getRepository(CatalogueService).findOneByOrFail({ code: offer.serviceCode });
      await this.validate(m, service, next);
      await m.update(Offer, { id }, { ...fields, groupSize: next.groupSize });
      await this.audit.record(m, actor, { action: 'offer.updated', subjectType: 'offer', subjectId: id, details: { fields: Object.keys(fields) } });
    });
    return this.get(actor, id);
  }

  /** Field-keyed checks: price ≤ the catalogue maximum in force when the offer starts, delivery mode, group size, place. */
  private async validate(m: EntityManager, service: CatalogueService, o: Offer): Promise<void> {
    const errors: Record<string, string> = {};
    const today = rigaDate();
    const priceDate = o.earliestStart > today ? o.earliestStart : today;
    const price = await this.catalogue.priceOn(m, service.code, priceDate);
    const priceError = offerPriceError(o.priceCents, price?.maxPriceCents ?? null);
    if (priceError) errors.priceCents = priceError;
    if (service.deliveryMode !== 'either' && o.deliveryMode !== service.deliveryMode) errors.deliveryMode = 'notOfferedByCatalogue';
    if (o.deliveryMode === 'group' && (!o.groupSize || o.groupSize < 2)) errors.groupSize = 'min';
    if (!o.atOurLocation && !(o.municipalities?.length)) errors.municipalities = 'placeRequired';
    if (Object.keys(errors).length) throw new AppError('VALIDATION_FAILED', errors);
  }

  private fields(dto: OfferFieldsDto): Partial<Offer> {
    const keys: (keyof OfferFieldsDto)[] = ['priceCents', 'unitMinutes', 'deliveryMode', 'groupSize', 'municipalities', 'atOurLocation', 'locationAddress', 'languages', 'earliestStart', 'freeCapacity', 'description', 'active'];
    return Object.fromEntries(keys.filter((k) => dto[k] !== undefined).map((k) => [k, dto[k]])) as Partial<Offer>;
  }

  async views(m: EntityManager, offers: Offer[], today: string): Promise<OfferView[]> {
    if (offers.length === 0) return [];
    const ids = offers.map((o) => o.id);
    const meta: { id: string; provider_name: string; name_lv: string; name_en: string; category: string; unit_kind: string; max_price: string | null; visible: boolean }[] = await m.query(
      `SELECT o.id, org.name AS provider_name, s.name_lv, s.name_en, s.category, s.unit_kind,
              (SELECT cp.max_price_cents FROM catalogue_price cp WHERE cp.service_code = o.service_code AND cp.valid_from <= $2::date ORDER BY cp.valid_from DESC LIMIT 1)::text AS max_price,
              ${OFFER_VISIBLE_SQL(today)} AS visible
         FROM offer o JOIN organisation org ON org.id = o.provider_organisation_id JOIN catalogue_service s ON s.code = o.service_code
        WHERE o.id = ANY($1::uuid[])`,
      [ids, today],
    );
    const specialists: { provider: string; id: string; full_name: string; qualifications: string[]; languages: string[] }[] = await m.query(
      `SELECT ps.provider_organisation_id AS provider, sp.id, sp.full_name, sp.qualifications, sp.languages
         FROM provider_specialist ps JOIN specialist sp ON sp.id = ps.specialist_id
        WHERE ps.active AND ps.provider_organisation_id = ANY($1::uuid[]) ORDER BY sp.full_name`,
      [[...new Set(offers.map((o) => o.providerOrganisationId))]],
    );
    return offers.map((o) => {
      const x = meta.find((r) => r.id === o.id)!;
      return {
        ...o,
        providerName: x.provider_name,
        serviceNameLv: x.name_lv,
        serviceNameEn: x.name_en,
        category: x.category,
        unitKind: x.unit_kind,
        maxPriceCents: x.max_price === null ? null : Number(x.max_price),
        childUnitPriceCents: childUnitPrice(o.priceCents, o.groupSize),
        visible: x.visible,
        continuity: false,
        planUnitsPerMonth: null,
        specialists: specialists.filter((s) => s.provider === o.providerOrganisationId).map((s) => ({ id: s.id, fullName: s.full_name, qualifications: s.qualifications, languages: s.languages })),
      };
    });
  }
}
