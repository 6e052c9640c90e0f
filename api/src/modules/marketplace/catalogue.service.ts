import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError, notFound } from '../../common/errors/app-error';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { CreateCatalogueServiceDto, CreatePriceVersionDto, UpdateCatalogueServiceDto } from './catalogue.dto';
import { CataloguePrice } from './entities/catalogue-price.entity';
import { CatalogueService } from './entities/catalogue-service.entity';
import { priceOn, priceVersionErrors, rigaDate } from './marketplace.rules';

export const CATALOGUE_LIST = { sortable: ['code', 'nameLv', 'nameEn', 'category'], defaultSort: ['code', 'ASC'] as [string, 'ASC'], filters: ['q', 'category', 'active', 'id'] };

export type CatalogueView = CatalogueService & { id: string; currentPrice: { validFrom: string; referencePriceCents: number; maxPriceCents: number } | null };

@Injectable()
export class CatalogueServiceService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The catalogue is public reference data for every logged-in role. */
  async list(_actor: Actor, query: Record<string, unknown>): Promise<{ rows: CatalogueView[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, CATALOGUE_LIST);
    const qb = this.db.getRepository(CatalogueService).createQueryBuilder('s');
    const f = q.filter;
    if (typeof f.q === 'string' && f.q.trim()) qb.andWhere('(s.code ILIKE :like OR s.name_lv ILIKE :like OR s.name_en ILIKE :like)', { like: `%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    if (f.category !== undefined) qb.andWhere('s.category IN (:...cats)', { cats: [f.category].flat().map(String) });
    if (f.active !== undefined) qb.andWhere('s.active = :active', { active: f.active === true || f.active === 'true' });
    if (f.id !== undefined) qb.andWhere('s.code IN (:...ids)', { ids: [f.id].flat().map(String) });
    const [rows, total] = await qb.orderBy(`s.${q.sortField}`, q.sortOrder).addOrderBy('s.code', 'ASC').skip(q.skip).take(q.take).getManyAndCount();
    return { rows: await this.withPrices(this.db.manager, rows), total, q };
  }

  async get(_actor: Actor, code: string): Promise<CatalogueView & { prices: CataloguePrice[] }> {
    const service = await this.db.getRepository(CatalogueService).findOne({ where: { code } });
    if (!service) throw notFound();
    const [view] = await this.withPrices(this.db.manager, [service]);
    const prices = await this.db.getRepository(CataloguePrice).find({ where: { serviceCode: code }, order: { validFrom: 'DESC' } });
    return { ...view, prices };
  }

  async create(actor: Actor, dto: CreateCatalogueServiceDto) {
    const errors = priceVersionErrors(dto);
    if (Object.keys(errors).length) throw new AppError('VALIDATION_FAILED', errors);
    await this.db.transaction(async (m) => {
      if (await m.getRepository(CatalogueService).exists({ where: { code: dto.code } })) throw new AppError('CATALOGUE_CODE_TAKEN', { code: 'unique' });
      const { referencePriceCents, maxPriceCents, validFrom, ...fields } = dto;
      await m.insert(CatalogueService, fields);
      await m.insert(CataloguePrice, { serviceCode: dto.code, validFrom: validFrom ?? rigaDate(), referencePriceCents, maxPriceCents, createdByUserId: actor.userId });
      await this.audit.record(m, actor, { action: 'catalogue.created', subjectType: 'catalogue_service', subjectId: dto.code });
    });
    return this.get(actor, dto.code);
  }

  async update(actor: Actor, code: string, dto: UpdateCatalogueServiceDto) {
    await this.db.transaction(async (m) => {
      const service = await m.getRepository(CatalogueService).findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!service) throw notFound();
      const { id: _i, code: _c, category: _cat, createdAt: _ca, currentPrice: _cp, prices: _p, ...fields } = dto;
      const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      if (Object.keys(changes).length) await m.update(CatalogueService, { code }, changes);
      await this.audit.record(m, actor, { action: 'catalogue.updated', subjectType: 'catalogue_service', subjectId: code, details: { fields: Object.keys(changes) } });
    });
    return this.get(actor, code);
  }

  /** A new dated price version; contracts already signed keep their own price. */
  async addPrice(actor: Actor, code: string, dto: CreatePriceVersionDto): Promise<CataloguePrice> {
    const errors = priceVersionErrors(dto);
    if (Object.keys(errors).length) throw new AppError('VALIDATION_FAILED', errors);
    return this.db.transaction(async (m) => {
      if (!(await m.getRepository(CatalogueService).exists({ where: { code } }))) throw notFound();
      if (await m.getRepository(CataloguePrice).exists({ where: { serviceCode: code, validFrom: dto.validFrom } })) throw new AppError('CATALOGUE_PRICE_EXISTS', { validFrom: 'unique' });
      const { identifiers } = await m.insert(CataloguePrice, { serviceCode: code, validFrom: dto.validFrom, referencePriceCents: dto.referencePriceCents, maxPriceCents: dto.maxPriceCents, createdByUserId: actor.userId });
      await this.audit.record(m, actor, { action: 'catalogue.price_added', subjectType: 'catalogue_service', subjectId: code, details: { validFrom: dto.validFrom, referencePriceCents: dto.referencePriceCents, maxPriceCents: dto.maxPriceCents } });
      return m.getRepository(CataloguePrice).findOneByOrFail({ id: String(identifiers[0].id) });
    });
  }

  /** The price version in force on a date (null when the service has none yet). */
  async priceOn(m: EntityManager, code: string, date: string): Promise<CataloguePrice | null> {
    return priceOn(await m.getRepository(CataloguePrice).find({ where: { serviceCode: code } }), date);
  }

  private async withPrices(m: EntityManager, rows: CatalogueService[]): Promise<CatalogueView[]> {
    if (rows.length === 0) return [];
    const prices = await m.getRepository(CataloguePrice).createQueryBuilder('p').where('p.service_code IN (:...codes)', { codes: rows.map((r) => r.code) }).getMany();
    const today = rigaDate();
    return rows.map((s) => {
      const p = priceOn(prices.filter((x) => x.serviceCode === s.code), today);
      return { ...s, id: s.code, currentPrice: p ? { validFrom: p.validFrom, referencePriceCents: p.referencePriceCents, maxPriceCents: p.maxPriceCents } : null };
    });
  }
}
