import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { notFound } from '../../common/errors/app-error';
import { rigaToday } from '../cases/working-days.rules';

type Placeholder = (value: unknown) => string;

/**
 * Who may see which child (DESIGN §2), as one SQL condition over a `child` row:
 * - family / participant: children of their household; once a child is 18, a family user keeps access
 *   only if the young person granted it on their representative record;
 * - case manager: children with a non-closed case in their caseload, or in the caseload of a colleague
 *   they deputise for today (Riga date, both ends inclusive);
 * - municipality officer: children declared in their municipality;
 * - platform admin: all; ministry analyst: none (aggregates only);
 * - provider admin / specialist: children with an active contract of their organisation (and then
 *   only what the contract needs: services that read child data answer providers with the name only).
 */
function condition(actor: Actor, alias: string, p: Placeholder, today: string): string {
  switch (actor.role) {
    case 'platform_admin':
      return 'TRUE';
    case 'ministry_analyst':
      return 'FALSE';
    case 'municipality_officer':
      return `${alias}.municipality_code = (SELECT o.code FROM organisation o WHERE o.id = ${p(actor.organisationId)})`;
    case 'case_manager': {
      const user = p(actor.userId);
      return `EXISTS (SELECT 1 FROM child_case cc WHERE cc.child_id = ${alias}.id AND cc.status <> 'closed' AND (cc.case_manager_user_id = ${user} OR cc.case_manager_user_id IN (SELECT d.case_manager_user_id FROM case_deputy d WHERE d.deputy_user_id = ${user} AND ${p(today)}::date BETWEEN d.valid_from AND d.valid_to)))`;
    }
    case 'family':
      return `(${alias}.household_organisation_id = ${p(actor.organisationId)} AND (${alias}.birth_date > (${p(today)}::date - interval '18 years')::date OR EXISTS (SELECT 1 FROM child_representative r WHERE r.child_id = ${alias}.id AND r.user_id = ${p(actor.userId)} AND r.active AND r.adult_access_granted_at IS NOT NULL)))`;
    case 'participant':
      return `${alias}.household_organisation_id = ${p(actor.organisationId)}`;
    case 'provider_admin':
    case 'specialist':
      // the marketplace's rule: only children with an active contract of the actor's organisation
      return `EXISTS (SELECT 1 FROM contract k WHERE k.child_id = ${alias}.id AND k.provider_organisation_id = ${p(actor.organisationId)} AND k.status = 'active')`;
  }
}

@Injectable()
export class ChildAccessService {
  /** For TypeORM query builders: `qb.andWhere(where, params)` with `alias` a joined `child` row. */
  whereVisible(actor: Actor, alias = 'c', today = rigaToday()): { where: string; params: Record<string, unknown> } {
    const params: Record<string, unknown> = {};
    let n = 0;
    const where = condition(actor, alias, (v) => {
      const key = `childAccess${alias.replace(/\W/g, '')}${n++}`;
      params[key] = v;
      return `:${key}`;
    }, today);
    return { where, params };
  }

  /**
   * For plain SQL: a `SELECT id FROM child …` of the children the actor may see, numbering its
   * placeholders from `$firstIndex`; use it as `child_id IN (<sql>)` and append `params`.
   */
  visibleChildIdsSql(actor: Actor, firstIndex = 1, today = rigaToday()): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const cond = condition(actor, 'vc', (v) => {
      params.push(v);
      return `$${firstIndex + params.length - 1}`;
    }, today);
    return { sql: `SELECT vc.id FROM child vc WHERE ${cond}`, params };
  }

  /** The ids of every child the actor may see, or 'all' for the platform admin. */
  async visibleChildIds(manager: EntityManager, actor: Actor): Promise<string[] | 'all'> {
    if (actor.role === 'platform_admin') return 'all';
    const { sql, params } = this.visibleChildIdsSql(actor);
    const rows: { id: string }[] = await manager.query(sql, params);
    return rows.map((r) => r.id);
  }

  async canRead(manager: EntityManager, actor: Actor, childId: string): Promise<boolean> {
    const { sql, params } = this.visibleChildIdsSql(actor, 2);
    const rows: unknown[] = await manager.query(`SELECT 1 FROM child WHERE id = $1 AND id IN (${sql})`, [childId, ...params]);
    return rows.length > 0;
  }

  /** Throws NOT_FOUND (never FORBIDDEN: whether the child exists is itself private) unless the actor may see the child. */
  async assertCanRead(manager: EntityManager, actor: Actor, childId: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(childId) || !(await this.canRead(manager, actor, childId))) throw notFound();
  }
}
