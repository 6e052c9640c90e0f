import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { systemActor } from '../../common/auth/actor';
import { AuditService } from '../audit/audit.service';
import { ChildAccessService } from '../children/child-access.service';
import { anonymousCode, DEFAULT_RETENTION_YEARS, isPastRetention } from './privacy.rules';

export interface AccessLogEntry {
  at: Date;
  action: string;
  actorRole: string | null;
  actorName: string | null;
  organisationName: string | null;
}

/** Raw decision-import rows (they hold personal codes) are kept only while an import may be looked into. */
const IMPORT_ROWS_KEPT_DAYS = 90;

/**
 * What a family may ask about its child's data: who looked at it, and everything held about it; and
 * the retention rule that anonymises records nobody needs any more.
 */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly db: DataSource,
    private readonly access: ChildAccessService,
    private readonly audit: AuditService,
  ) {}

  /** Who read or changed the child's data, newest first (the platform's own jobs appear as "system"). */
  async accessLog(actor: Actor, childId: string): Promise<AccessLogEntry[]> {
    return this.db.transaction(async (m) => {
      await this.access.assertCanRead(m, actor, childId);
      const rows: AccessLogEntry[] = await m.query(
        `SELECT a.at, a.action, a.actor_role AS "actorRole", u.full_name AS "actorName", o.name AS "organisationName"
           FROM audit_event a LEFT JOIN app_user u ON u.id = a.actor_user_id LEFT JOIN organisation o ON o.id = u.organisation_id
          WHERE a.child_id = $1 ORDER BY a.id DESC LIMIT 1000`,
        [childId],
      );
      await this.audit.record(m, actor, { action: 'child.access_log.read', subjectType: 'child', subjectId: childId, childId });
      return rows;
    });
  }

  /**
   * Everything held about the child, as JSON: the child's record and every row of every table that
   * refers to the child (found from the schema, so a new context's data is included without code
   * here), plus the access log.
   */
  async exportChildData(actor: Actor, childId: string): Promise<Record<string, unknown>> {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      await this.access.assertCanRead(m, actor, childId);
      const [child] = await m.query(`SELECT * FROM child WHERE id = $1`, [childId]);
      const tables: { table_name: string }[] = await m.query(
        `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'child_id' AND table_name <> 'audit_event' ORDER BY table_name`,
      );
      const records: Record<string, unknown[]> = {};
      for (const { table_name } of tables) {
        const rows: unknown[] = await m.query(`SELECT * FROM "${table_name.replace(/"/g, '""')}" WHERE child_id = $1`, [childId]);
        if (rows.length) records[table_name] = rows;
      }
      const accessLog: unknown[] = await m.query(
        `SELECT a.at, a.action, a.actor_role AS "actorRole", u.full_name AS "actorName", o.name AS "organisationName"
           FROM audit_event a LEFT JOIN app_user u ON u.id = a.actor_user_id LEFT JOIN organisation o ON o.id = u.organisation_id
          WHERE a.child_id = $1 ORDER BY a.id`,
        [childId],
      );
      await this.audit.record(m, actor, { action: 'child.data_export', subjectType: 'child', subjectId: childId, childId, details: { tables: Object.keys(records) } });
      return { exportedAt: new Date().toISOString(), child, records, accessLog };
    });
  }

  /**
   * Anonymises every child past the retention period: names, personal code, contacts and the exact
   * birth date go (the birth year stays for statistics); amounts, dates of movements, visits and
   * claims stay for audit. Returns the ids anonymised.
   */
  async anonymiseExpired(today: string, years = DEFAULT_RETENTION_YEARS): Promise<string[]> {
    const hasBaskets = await this.tableExists('basket');
    const hasVisits = await this.tableExists('visit');
    const candidates: { id: string; birth_date: string; last_decision_end: string | null; has_lifelong: boolean; has_decision: boolean; last_basket_end: string | null; last_visit: string | null; created_at: string }[] =
      await this.db.query(
        `SELECT c.id, to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date, to_char(c.created_at, 'YYYY-MM-DD') AS created_at,
                (SELECT to_char(max(d.valid_to), 'YYYY-MM-DD') FROM disability_decision d WHERE d.child_id = c.id) AS last_decision_end,
                EXISTS (SELECT 1 FROM disability_decision d WHERE d.child_id = c.id AND d.valid_to IS NULL) AS has_lifelong,
                EXISTS (SELECT 1 FROM disability_decision d WHERE d.child_id = c.id) AS has_decision,
                ${hasBaskets ? `(SELECT to_char(max(b.period_end), 'YYYY-MM-DD') FROM basket b WHERE b.child_id = c.id)` : 'NULL'} AS last_basket_end,
                ${hasVisits ? `(SELECT to_char(max(v.check_in_at AT TIME ZONE 'Europe/Riga'), 'YYYY-MM-DD') FROM visit v WHERE v.child_id = c.id)` : 'NULL'} AS last_visit
           FROM child c WHERE c.personal_code NOT LIKE 'ANON%'`,
      );
    const expired = candidates.filter((c) =>
      isPastRetention(
        {
          birthDate: c.birth_date,
          lastDecisionEnd: !c.has_decision ? undefined : c.has_lifelong ? null : c.last_decision_end,
          lastBasketEnd: c.last_basket_end,
          lastVisit: c.last_visit,
          createdAt: c.created_at,
        },
        today,
        years,
      ),
    );
    for (const c of expired) {
      await this.db.transaction(async (m) => {
        await m.query(
          `UPDATE child SET personal_code = $2, first_name = '—', last_name = '—', birth_date = date_trunc('year', birth_date)::date, languages = '{}', household_organisation_id = NULL WHERE id = $1`,
          [c.id, anonymousCode(c.id)],
        );
        await m.query(`UPDATE child_representative SET full_name = '—', phone = NULL, email = NULL, user_id = NULL, active = false WHERE child_id = $1`, [c.id]);
        await m.query(`UPDATE consent SET given_by_name = NULL WHERE child_id = $1`, [c.id]);
        await this.audit.record(m, systemActor('retention'), { action: 'child.anonymised', subjectType: 'child', subjectId: c.id, childId: c.id, details: { retentionYears: years } });
      });
    }
    await this.db.query(`UPDATE decision_import SET rows = '[]'::jsonb WHERE finished_at < now() - make_interval(days => $1) AND rows <> '[]'::jsonb`, [IMPORT_ROWS_KEPT_DAYS]);
    return expired.map((c) => c.id);
  }

  private async tableExists(name: string): Promise<boolean> {
    const [{ t }] = (await this.db.query(`SELECT to_regclass($1) IS NOT NULL AS t`, [`public.${name}`])) as { t: boolean }[];
    return t;
  }
}
