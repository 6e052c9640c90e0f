import { Injectable } from '@nestjs/common';
import type { FundingSource, ServiceCategory } from '@lidz/libs';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AppError } from '../../common/errors/app-error';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { AuditService } from '../audit/audit.service';
import { invalidShareCategories } from './allocation.rules';
import { FundingRuleSetDto } from './budgets.dto';
import { FundingRule } from './entities/funding-rule.entity';

export const FUNDING_RULE_LIST = { sortable: ['category', 'validFrom', 'fundingSource'], defaultSort: ['category', 'ASC'] as [string, 'ASC'], filters: ['category', 'fundingSource'] };

/**
 * Funding rules are reference data: the platform admin sets, for one category and a start date, which
 * sources pay and with which shares (adding up to 100). Earlier rules stay for the baskets drafted under them.
 */
@Injectable()
export class FundingRulesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(_actor: Actor, query: Record<string, unknown>): Promise<{ rows: FundingRule[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, FUNDING_RULE_LIST);
    const where: Record<string, unknown> = {};
    for (const k of FUNDING_RULE_LIST.filters) if (q.filter[k] !== undefined) where[k] = q.filter[k];
    const [rows, total] = await this.db.getRepository(FundingRule).findAndCount({ where, order: { [q.sortField]: q.sortOrder, validFrom: 'DESC', fundingSource: 'ASC' }, skip: q.skip, take: q.take });
    return { rows, total, q };
  }

  async setCategory(actor: Actor, dto: FundingRuleSetDto): Promise<FundingRule[]> {
    const rows = dto.sources.map((s) => ({ category: dto.category as ServiceCategory, fundingSource: s.fundingSource as FundingSource, sharePercent: s.sharePercent, transferable: s.transferable }));
    if (new Set(rows.map((r) => r.fundingSource)).size !== rows.length) throw new AppError('VALIDATION_FAILED', { sources: 'unique' });
    if (invalidShareCategories(rows).length) throw new AppError('VALIDATION_FAILED', { sources: 'sharesMustAddTo100' });
    return this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('funding_rule'))`);
      if (await m.getRepository(FundingRule).exists({ where: { category: dto.category as ServiceCategory, validFrom: dto.validFrom } })) throw new AppError('CONFLICT', { validFrom: 'unique' });
      for (const r of rows) await m.insert(FundingRule, { ...r, validFrom: dto.validFrom });
      await this.audit.record(m, actor, { action: 'funding-rule.set', subjectType: 'funding_rule', subjectId: dto.category, details: { validFrom: dto.validFrom, sources: rows } });
      return m.getRepository(FundingRule).find({ where: { category: dto.category as ServiceCategory, validFrom: dto.validFrom }, order: { fundingSource: 'ASC' } });
    });
  }
}
