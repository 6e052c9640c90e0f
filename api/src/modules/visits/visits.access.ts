import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { ChildAccessService } from '../children/child-access.service';
import { visitsRepository } from './visits.repository';

/**
 * Which visits (and exceptions) a caller may see: providers their own organisation's, a specialist
 * their own, everyone else the visits of the children ChildAccessService lets them see.
 */
@Injectable()
export class VisitsAccess {
  constructor(private readonly children: ChildAccessService) {}

  async scope<T extends object>(m: EntityManager, actor: Actor, qb: SelectQueryBuilder<T>, alias: string): Promise<SelectQueryBuilder<T>> {
    switch (actor.role) {
      case 'platform_admin':
        return qb.andWhere('1=1');
      case 'provider_admin':
        return qb.andWhere(`${alias}.provider_organisation_id = :accessOrg`, { accessOrg: actor.organisationId });
      case 'specialist': {
        const specialistId = await visitsRepository.findSpecialistIdOfUser(m, actor.userId);
        return qb.andWhere(`${alias}.specialist_id = :accessSpecialist AND ${alias}.provider_organisation_id = :accessOrg`, { accessSpecialist: specialistId ?? '00000000-0000-0000-0000-000000000000', accessOrg: actor.organisationId });
      }
      case 'ministry_analyst':
        return qb.andWhere('1=0');
      default: {
        const { where, params } = this.children.whereVisible(actor, 'vac');
        return qb.andWhere(`EXISTS (SELECT 1 FROM child vac WHERE vac.id = ${alias}.child_id AND ${where})`, params);
      }
    }
  }
}
