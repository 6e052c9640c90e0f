import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { AuditService } from '../audit/audit.service';
import { rigaToday } from '../cases/working-days.rules';
import { ReportsRepository } from './reports.repository';
import { monthsBetween } from './reports.rules';

/** Rebuilds the rollups, by the scheduled job or on demand from the back office. */
@Injectable()
export class RollupService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: ReportsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The first day of the month `n − 1` months before this one (n = 1: this month). */
  monthsBack(n: number): string {
    const today = rigaToday();
    const [y, m] = today.split('-').map(Number);
    const index = y * 12 + (m - 1) - (n - 1);
    return monthsBetween(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`, today)[0];
  }

  async refresh(fromMonth: string | null) {
    return this.db.transaction((m) => this.repo.rebuildRollups(m, fromMonth));
  }

  async refreshOnDemand(actor: Actor, fromMonth: string | undefined) {
    return this.db.transaction(async (m) => {
      const counts = await this.repo.rebuildRollups(m, fromMonth ? `${fromMonth}-01` : null);
      await this.audit.record(m, actor, {
        action: 'report.rollup_refreshed',
        subjectType: 'report',
        subjectId: null,
        details: { fromMonth: fromMonth ?? null, ...counts },
      });
      return counts;
    });
  }
}
