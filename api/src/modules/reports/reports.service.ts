import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { divideRounded, FUNDING_SOURCES, SERVICE_CATEGORIES, SERVICE_CODES } from '@lidz/libs';
import type { Actor } from '../../common/auth/actor';
import { fieldError, forbidden } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { DEFAULT_CASELOAD_LIMIT } from '../cases/caseload.rules';
import { rigaToday } from '../cases/working-days.rules';
import { integrityScore } from '../visits/visits.rules';
import type { GroupBy, ReportQueryDto } from './reports.dto';
import { ageBandRange, distribution, monthsBetween, quantile, SUPPRESSED, suppressionMask, type AgeBand } from './reports.rules';

export type Cell = number | string | null;
export type Row = Record<string, Cell>;

export interface ReportResult {
  report: string;
  filters: ResolvedFilters;
  columns: string[];
  rows: Row[];
  totals?: Row;
  /** For a ministry: the same measure over every funding source (its own amounts are in rows). */
  allSources?: Row;
}

export interface ResolvedFilters {
  from: string;
  to: string;
  /** Last day of the period: the reference date for ages and validity. */
  referenceDate: string;
  municipality?: string;
  fundingSource?: string;
  category?: string;
  ageBand?: AgeBand;
  decisionKind?: string;
  groupBy: GroupBy;
}

/** The SQL of a child-level filter: conditions on `c` (child) and optionally `r` (rollup row). */
class Sql {
  readonly params: unknown[] = [];
  readonly where: string[] = [];
  p(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

const AGE_SQL = (ref: string) => `date_part('year', age(${ref}::date, c.birth_date))`;
const DECISION_KIND_SQL = `(SELECT d.kind FROM disability_decision d WHERE d.child_id = c.id ORDER BY d.decision_date DESC, d.created_at DESC LIMIT 1)`;

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m, 0));
  return d.toISOString().slice(0, 10);
}

/**
 * Oversight reports. Every figure is an aggregate over children; a cell describing 1–4 children shows
 * "<5", and secondary suppression hides a second cell wherever the first could be recovered from the
 * totals. Money figures read the rollups (basket line × month), never the visits.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  // ---------------------------------------------------------------------------------------------
  // scope

  /** Applies the actor's scope to the filters: a ministry sees its own source, an officer their municipality. */
  async resolve(actor: Actor | null, q: ReportQueryDto): Promise<ResolvedFilters> {
    const today = rigaToday();
    const to = q.to ?? today.slice(0, 7);
    // the last 12 months, this one included
    const from = q.from ?? monthsBetween(`${Number(to.slice(0, 4)) - 1}-${to.slice(5, 7)}`, to)[1].slice(0, 7);
    if (from > to) throw fieldError('from', 'beforeTo');
    const f: ResolvedFilters = {
      from,
      to,
      referenceDate: lastDayOf(to),
      municipality: q.municipality,
      fundingSource: q.fundingSource,
      category: q.category,
      ageBand: q.ageBand as AgeBand | undefined,
      decisionKind: q.decisionKind,
      groupBy: (q.groupBy as GroupBy | undefined) ?? 'municipality',
    };
    if (!actor || actor.role === 'platform_admin') return f;
    const [org]: { code: string | null }[] = await this.db.query(`SELECT code FROM organisation WHERE id = $1`, [actor.organisationId]);
    const code = org?.code ?? null;
    if (actor.role === 'ministry_analyst') {
      if (!code || !(FUNDING_SOURCES as readonly string[]).includes(code)) throw forbidden();
      if (f.fundingSource && f.fundingSource !== code) throw forbidden();
      f.fundingSource = code;
      return f;
    }
    if (actor.role === 'municipality_officer') {
      if (!code) throw forbidden();
      if (f.municipality && f.municipality !== code) throw forbidden();
      f.municipality = code;
      return f;
    }
    throw forbidden();
  }

  private async audited<T>(actor: Actor | null, report: string, f: ResolvedFilters, run: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const result = await run(m);
      if (actor) await this.audit.record(m, actor, { action: 'report.read', subjectType: 'report', subjectId: null, details: { report, ...f } });
      return result;
    });
  }

  /** Child filters (age band, decision kind, municipality of the child) on alias `c`. */
  private childWhere(sql: Sql, f: ResolvedFilters, opts: { municipalityColumn?: string } = {}): void {
    if (f.municipality) sql.where.push(`${opts.municipalityColumn ?? 'c.municipality_code'} = ${sql.p(f.municipality)}`);
    if (f.ageBand) {
      const [lo, hi] = ageBandRange(f.ageBand);
      const ref = sql.p(f.referenceDate);
      sql.where.push(`${AGE_SQL(ref)} BETWEEN ${lo} AND ${hi}`);
    }
    if (f.decisionKind) sql.where.push(`${DECISION_KIND_SQL} = ${sql.p(f.decisionKind)}`);
  }

  private groupSql(sql: Sql, f: ResolvedFilters, cols: { municipality: string; fundingSource?: string; category?: string }): string {
    switch (f.groupBy) {
      case 'municipality':
        return cols.municipality;
      case 'fundingSource':
        if (!cols.fundingSource) throw fieldError('groupBy', 'isIn');
        return cols.fundingSource;
      case 'category':
        if (!cols.category) throw fieldError('groupBy', 'isIn');
        return cols.category;
      case 'ageBand': {
        const ref = sql.p(f.referenceDate);
        const age = AGE_SQL(ref);
        return `CASE WHEN ${age} <= 6 THEN '0-6' WHEN ${age} <= 12 THEN '7-12' WHEN ${age} <= 17 THEN '13-17' WHEN ${age} <= 25 THEN '18-25' ELSE 'other' END`;
      }
      case 'decisionKind':
        return `COALESCE(${DECISION_KIND_SQL}, 'none')`;
    }
  }

  /** Rollup rows of the period under every filter, on aliases r (rollup) and c (child). */
  private rollupWhere(sql: Sql, f: ResolvedFilters, opts: { source?: boolean } = {}): void {
    sql.where.push(`r.month BETWEEN ${sql.p(`${f.from}-01`)}::date AND ${sql.p(`${f.to}-01`)}::date`);
    if (opts.source !== false && f.fundingSource) sql.where.push(`r.funding_source = ${sql.p(f.fundingSource)}`);
    if (f.category) sql.where.push(`r.category = ${sql.p(f.category)}`);
    this.childWhere(sql, f, { municipalityColumn: 'r.municipality_code' });
  }

  // ---------------------------------------------------------------------------------------------
  // spend per child

  async spend(actor: Actor | null, q: ReportQueryDto): Promise<ReportResult> {
    const f = await this.resolve(actor, q);
    return this.audited(actor, 'spend', f, async (m) => {
      const sources = f.fundingSource ? [f.fundingSource] : [...FUNDING_SOURCES];
      const perChild = await this.spendPerChild(m, f, true);
      const groups = [...new Set(perChild.map((r) => r.g))].sort();
      const byGroup = groups.map((g) => perChild.filter((r) => r.g === g));
      const columns = [
        'group',
        'children',
        'totalCents',
        'meanCents',
        'medianCents',
        'p10Cents',
        'p90Cents',
        ...sources.flatMap((s) => [`${s}.children`, `${s}.spentCents`]),
      ];
      const countsOf = (rows: SpendRow[]) => {
        const children = new Map<string, number>();
        for (const r of rows) children.set(r.childId, (children.get(r.childId) ?? 0) + r.spent);
        const spending = [...children.values()].filter((v) => v > 0);
        const perSource = sources.map((s) => {
          const src = rows.filter((r) => r.source === s && r.spent > 0);
          return { children: new Set(src.map((r) => r.childId)).size, cents: src.reduce((a, r) => a + r.spent, 0) };
        });
        return { spending, perSource };
      };
      const stats = byGroup.map(countsOf);
      // the all-sources count goes last, so that a tie picks a source cell as the partner and the row's
      // distribution stays visible where it can
      const mask = suppressionMask(stats.map((s) => [...s.perSource.map((p) => p.children), s.spending.length]));
      const line = (label: string, s: ReturnType<typeof countsOf>, hide: boolean[]): Row => {
        const d = distribution(s.spending);
        const row: Row = { group: label };
        const all = hide[sources.length];
        Object.assign(row, {
          children: all ? SUPPRESSED : d.n,
          totalCents: all ? SUPPRESSED : d.totalCents,
          meanCents: all ? SUPPRESSED : d.meanCents,
          medianCents: all ? SUPPRESSED : d.medianCents,
          p10Cents: all ? SUPPRESSED : d.p10Cents,
          p90Cents: all ? SUPPRESSED : d.p90Cents,
        });
        sources.forEach((src, i) => {
          row[`${src}.children`] = hide[i] ? SUPPRESSED : s.perSource[i].children;
          row[`${src}.spentCents`] = hide[i] ? SUPPRESSED : s.perSource[i].cents;
        });
        return row;
      };
      const total = countsOf(perChild);
      const result: ReportResult = {
        report: 'spend',
        filters: f,
        columns,
        rows: groups.map((g, i) => line(g, stats[i], mask[i])),
        totals: line(
          'total',
          total,
          [...total.perSource.map((p) => p.children), total.spending.length].map((n) => n > 0 && n < 5),
        ),
      };
      if (actor?.role === 'ministry_analyst') {
        const everything = countsOf(await this.spendPerChild(m, f, false));
        const d = distribution(everything.spending);
        const hide = d.n > 0 && d.n < 5;
        result.allSources = {
          group: 'allSources',
          children: hide ? SUPPRESSED : d.n,
          totalCents: hide ? SUPPRESSED : d.totalCents,
          meanCents: hide ? SUPPRESSED : d.meanCents,
        };
      }
      return result;
    });
  }

  private async spendPerChild(m: EntityManager, f: ResolvedFilters, withSource: boolean): Promise<SpendRow[]> {
    const sql = new Sql();
    const g = this.groupSql(sql, f, { municipality: 'r.municipality_code', fundingSource: 'r.funding_source', category: 'r.category' });
    this.rollupWhere(sql, f, { source: withSource });
    const rows: { g: string; child_id: string; source: string; spent: string }[] = await m.query(
      `SELECT ${g} AS g, r.child_id, r.funding_source AS source, SUM(r.spent_cents) AS spent
         FROM report_line_month r JOIN child c ON c.id = r.child_id
        WHERE ${sql.where.join(' AND ')} GROUP BY 1, 2, 3`,
      sql.params,
    );
    return rows.map((r) => ({ g: String(r.g), childId: r.child_id, source: r.source, spent: Number(r.spent) }));
  }

  // ---------------------------------------------------------------------------------------------
  // needs vs money

  async needs(actor: Actor | null, q: ReportQueryDto): Promise<ReportResult> {
    const f = await this.resolve(actor, q);
    return this.audited(actor, 'needs', f, async (m) => {
      const run = async (withSource: boolean) => {
        const sql = new Sql();
        const g = this.groupSql(sql, f, { municipality: 'b.municipality_code', fundingSource: 'l.funding_source', category: 'l.category' });
        const toMonth = sql.p(`${f.to}-01`);
        sql.where.push(`b.approved_at IS NOT NULL`, `b.period_start <= ${sql.p(f.referenceDate)}::date`, `b.period_end >= ${sql.p(`${f.from}-01`)}::date`);
        if (withSource && f.fundingSource) sql.where.push(`l.funding_source = ${sql.p(f.fundingSource)}`);
        if (f.category) sql.where.push(`l.category = ${sql.p(f.category)}`);
        this.childWhere(sql, f, { municipalityColumn: 'b.municipality_code' });
        return (await m.query(
          `SELECT ${g} AS g, count(DISTINCT l.child_id)::int AS children, SUM(l.indicative_cents) AS indicative, SUM(l.allocated_cents) AS allocated,
                  SUM(COALESCE(x.committed, 0)) AS committed, SUM(COALESCE(x.spent, 0)) AS spent
             FROM basket_line l JOIN basket b ON b.id = l.basket_id JOIN child c ON c.id = l.child_id
             LEFT JOIN (SELECT basket_line_id, SUM(committed_cents) AS committed, SUM(spent_cents) AS spent FROM report_line_month WHERE month <= ${toMonth}::date GROUP BY 1) x ON x.basket_line_id = l.id
            WHERE ${sql.where.join(' AND ')} GROUP BY ROLLUP (1) ORDER BY 1 NULLS LAST`,
          sql.params,
        )) as { g: string | null; children: number; indicative: string; allocated: string; committed: string; spent: string }[];
      };
      const rows = await run(true);
      const body = rows.filter((r) => r.g !== null);
      const mask = suppressionMask(body.map((r) => [r.children]));
      const toRow = (r: (typeof rows)[number], hide: boolean): Row => {
        const allocated = Number(r.allocated);
        const spent = Number(r.spent);
        if (hide)
          return {
            group: r.g ?? 'total',
            children: SUPPRESSED,
            indicativeCents: SUPPRESSED,
            allocatedCents: SUPPRESSED,
            committedCents: SUPPRESSED,
            spentCents: SUPPRESSED,
            utilisationPercent: SUPPRESSED,
          };
        return {
          group: r.g ?? 'total',
          children: r.children,
          indicativeCents: Number(r.indicative),
          allocatedCents: allocated,
          committedCents: Number(r.committed),
          spentCents: spent,
          utilisationPercent: allocated > 0 ? divideRounded(spent * 1000, allocated) / 10 : null,
        };
      };
      const total = rows.find((r) => r.g === null);
      const result: ReportResult = {
        report: 'needs',
        filters: f,
        columns: ['group', 'children', 'indicativeCents', 'allocatedCents', 'committedCents', 'spentCents', 'utilisationPercent'],
        rows: body.map((r, i) => toRow(r, mask[i][0])),
        totals: total ? toRow(total, total.children < 5) : undefined,
      };
      if (actor?.role === 'ministry_analyst') {
        const all = (await run(false)).find((r) => r.g === null);
        if (all) result.allSources = toRow(all, all.children < 5);
      }
      return result;
    });
  }

  // ---------------------------------------------------------------------------------------------
  // unmet needs

  async unmet(actor: Actor | null, q: ReportQueryDto): Promise<ReportResult> {
    const f = await this.resolve(actor, q);
    return this.audited(actor, 'unmet', f, async (m) => {
      const sql = new Sql();
      const ref = sql.p(f.referenceDate < rigaToday() ? f.referenceDate : rigaToday());
      const g = this.groupSql(
        sql,
        { ...f, groupBy: f.groupBy === 'ageBand' || f.groupBy === 'decisionKind' ? f.groupBy : 'municipality' },
        { municipality: 'c.municipality_code' },
      );
      sql.where.push(
        `EXISTS (SELECT 1 FROM disability_decision d WHERE d.child_id = c.id AND d.valid_from <= ${ref}::date AND (d.valid_to IS NULL OR d.valid_to >= ${ref}::date))`,
      );
      this.childWhere(sql, f);
      const planCategory = f.category
        ? `AND s->>'serviceCode' IN (${
            this.codesOf(f.category)
              .map((code) => sql.p(code))
              .join(', ') || 'NULL'
          })`
        : '';
      const rows: { g: string; decisions: number; no_case: number; no_assessment: number; no_basket: number; plan_gap: number }[] = await m.query(
        `WITH k AS (
           SELECT ${g} AS g,
                  EXISTS (SELECT 1 FROM child_case k WHERE k.child_id = c.id AND k.status <> 'closed') AS has_case,
                  EXISTS (SELECT 1 FROM assessment a WHERE a.child_id = c.id AND a.status IN ('signed', 'superseded')) AS has_assessment,
                  EXISTS (SELECT 1 FROM basket b WHERE b.child_id = c.id AND b.approved_at IS NOT NULL) AS has_basket,
                  EXISTS (SELECT 1 FROM support_plan p CROSS JOIN LATERAL jsonb_array_elements(p.services) s
                           WHERE p.child_id = c.id AND (p.created_at AT TIME ZONE 'Europe/Riga')::date <= ${ref}::date - 30 ${planCategory}
                             AND NOT EXISTS (SELECT 1 FROM contract ct WHERE ct.child_id = c.id AND ct.service_code = s->>'serviceCode' AND ct.status = 'active')) AS plan_gap
             FROM child c WHERE ${sql.where.join(' AND ')})
         SELECT g, count(*)::int AS decisions,
                count(*) FILTER (WHERE NOT has_case)::int AS no_case,
                count(*) FILTER (WHERE has_case AND NOT has_assessment)::int AS no_assessment,
                count(*) FILTER (WHERE has_assessment AND NOT has_basket)::int AS no_basket,
                count(*) FILTER (WHERE plan_gap)::int AS plan_gap
           FROM k GROUP BY g ORDER BY g`,
        sql.params,
      );
      const keys = ['decisions', 'no_case', 'no_assessment', 'no_basket', 'plan_gap'] as const;
      const names = ['childrenWithDecision', 'withoutCase', 'withoutAssessment', 'withoutApprovedBasket', 'planServiceWithoutContract30Days'];
      return this.countTable(
        'unmet',
        f,
        rows.map((r) => ({ group: r.g, counts: keys.map((k) => r[k]) })),
        names,
      );
    });
  }

  private codesOf(category: string): string[] {
    // the catalogue's codes of a category, from the shared vocabulary
    return Object.entries(SERVICE_CODES as Record<string, string>)
      .filter(([, c]) => c === category)
      .map(([code]) => code);
  }

  /** A table of child counts with primary and secondary suppression, plus a totals row. */
  private countTable(report: string, f: ResolvedFilters, rows: { group: string; counts: number[] }[], names: string[]): ReportResult {
    const mask = suppressionMask(rows.map((r) => r.counts));
    const totals = names.map((_, j) => rows.reduce((s, r) => s + r.counts[j], 0));
    return {
      report,
      filters: f,
      columns: ['group', ...names],
      rows: rows.map((r, i) => Object.fromEntries([['group', r.group], ...names.map((n, j) => [n, mask[i][j] ? SUPPRESSED : r.counts[j]])])),
      totals: Object.fromEntries([['group', 'total'], ...names.map((n, j) => [n, totals[j] > 0 && totals[j] < 5 ? SUPPRESSED : totals[j]])]),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // waiting times

  async waitingTimes(actor: Actor | null, q: ReportQueryDto): Promise<ReportResult> {
    const f = await this.resolve(actor, q);
    return this.audited(actor, 'waiting-times', f, async (m) => {
      const sql = new Sql();
      const today = sql.p(rigaToday());
      const g = this.groupSql(
        sql,
        { ...f, groupBy: f.groupBy === 'ageBand' || f.groupBy === 'decisionKind' ? f.groupBy : 'municipality' },
        { municipality: 'k.municipality_code' },
      );
      sql.where.push(`d.decision_date BETWEEN ${sql.p(`${f.from}-01`)}::date AND ${sql.p(f.referenceDate)}::date`);
      this.childWhere(sql, f, { municipalityColumn: 'k.municipality_code' });
      const rows: { g: string; s1: number | null; s2: number | null; s3: number | null; s4: number | null; late: boolean }[] = await m.query(
        `SELECT ${g} AS g,
                (k.first_contact_at - d.decision_date) AS s1,
                ((asg.signed AT TIME ZONE 'Europe/Riga')::date - k.first_contact_at) AS s2,
                ((bk.approved AT TIME ZONE 'Europe/Riga')::date - (asg.signed AT TIME ZONE 'Europe/Riga')::date) AS s3,
                ((fv.first AT TIME ZONE 'Europe/Riga')::date - (bk.approved AT TIME ZONE 'Europe/Riga')::date) AS s4,
                (k.first_contact_deadline IS NOT NULL AND (k.first_contact_at > k.first_contact_deadline OR (k.first_contact_at IS NULL AND k.first_contact_deadline < ${today}::date))) AS late
           FROM child_case k JOIN disability_decision d ON d.id = k.decision_id JOIN child c ON c.id = k.child_id
           LEFT JOIN LATERAL (SELECT min(GREATEST(a.case_manager_signed_at, a.health_specialist_signed_at, a.family_signed_at)) AS signed FROM assessment a
                               WHERE a.child_id = k.child_id AND a.status IN ('signed', 'superseded')) asg ON true
           LEFT JOIN LATERAL (SELECT min(b.approved_at) AS approved FROM basket b WHERE b.child_id = k.child_id AND b.approved_at IS NOT NULL) bk ON true
           LEFT JOIN LATERAL (SELECT min(r.first_verified_at) AS first FROM report_line_month r WHERE r.child_id = k.child_id AND r.first_verified_at IS NOT NULL) fv ON true
          WHERE ${sql.where.join(' AND ')}`,
        sql.params,
      );
      const stages = ['decisionToFirstContact', 'firstContactToAssessment', 'assessmentToBasket', 'basketToFirstVisit'] as const;
      const keys = ['s1', 's2', 's3', 's4'] as const;
      const groups = [...new Set(rows.map((r) => r.g))].sort();
      const measure = (list: typeof rows) => ({
        values: keys.map((k) =>
          list
            .map((r) => r[k])
            .filter((v): v is number => v !== null && v !== undefined)
            .map(Number),
        ),
        late: list.filter((r) => r.late).length,
        cases: list.length,
      });
      const ms = groups.map((gr) => measure(rows.filter((r) => r.g === gr)));
      const mask = suppressionMask(ms.map((x) => [x.cases, ...x.values.map((v) => v.length), x.late]));
      const columns = ['group', 'cases', ...stages.flatMap((s) => [`${s}.n`, `${s}.medianDays`, `${s}.p90Days`]), 'firstContactLate'];
      const toRow = (label: string, x: ReturnType<typeof measure>, hide: boolean[]): Row => {
        const row: Row = { group: label, cases: hide[0] ? SUPPRESSED : x.cases };
        stages.forEach((s, i) => {
          const h = hide[i + 1];
          row[`${s}.n`] = h ? SUPPRESSED : x.values[i].length;
          row[`${s}.medianDays`] = h ? SUPPRESSED : quantile(x.values[i], 0.5);
          row[`${s}.p90Days`] = h ? SUPPRESSED : quantile(x.values[i], 0.9);
        });
        row.firstContactLate = hide[5] ? SUPPRESSED : x.late;
        return row;
      };
      const all = measure(rows);
      return {
        report: 'waiting-times',
        filters: f,
        columns,
        rows: groups.map((gr, i) => toRow(gr, ms[i], mask[i])),
        totals: toRow(
          'total',
          all,
          [all.cases, ...all.values.map((v) => v.length), all.late].map((n) => n > 0 && n < 5),
        ),
      };
    });
  }

  // ---------------------------------------------------------------------------------------------
  // overlaps

  async overlaps(actor: Actor | null, q: ReportQueryDto): Promise<ReportResult> {
    const f = await this.resolve(actor, q);
    return this.audited(actor, 'overlaps', f, async (m) => {
      const sql = new Sql();
      this.rollupWhere(sql, f, { source: false });
      sql.where.push(`(r.spent_cents > 0 OR r.verified_visits > 0)`);
      // a ministry sees the overlaps its own money is part of
      const having = f.fundingSource ? `AND bool_or(r.funding_source = ${sql.p(f.fundingSource)})` : '';
      const rows: { g: string; category: string; children: number }[] = await m.query(
        `SELECT o.g, o.category, count(DISTINCT o.child_id)::int AS children FROM (
           SELECT min(r.municipality_code) AS g, r.child_id, r.month, r.category FROM report_line_month r JOIN child c ON c.id = r.child_id
            WHERE ${sql.where.join(' AND ')}
            GROUP BY r.child_id, r.month, r.category HAVING count(DISTINCT r.funding_source) > 1 ${having}) o
          GROUP BY 1, 2`,
        sql.params,
      );
      const categories = f.category ? [f.category] : [...SERVICE_CATEGORIES];
      const groups = [...new Set(rows.map((r) => r.g))].sort();
      const table = groups.map((gr) => ({ group: gr, counts: categories.map((cat) => rows.find((r) => r.g === gr && r.category === cat)?.children ?? 0) }));
      return this.countTable('overlaps', f, table, categories);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // caseloads

  async caseloads(actor: Actor | null, q: ReportQueryDto): Promise<ReportResult> {
    const f = await this.resolve(actor, q);
    return this.audited(actor, 'caseloads', f, async (m) => {
      const sql = new Sql();
      const today = sql.p(rigaToday());
      const limit = sql.p(DEFAULT_CASELOAD_LIMIT);
      sql.where.push(`k.status <> 'closed'`);
      if (f.municipality) sql.where.push(`k.municipality_code = ${sql.p(f.municipality)}`);
      if (f.ageBand || f.decisionKind) this.childWhere(sql, { ...f, municipality: undefined });
      const rows: { manager_id: string; name: string; municipality: string; lim: number; children: number; overdue: number }[] = await m.query(
        `SELECT u.id AS manager_id, u.full_name AS name, k.municipality_code AS municipality, COALESCE(s.caseload_limit, ${limit})::int AS lim,
                count(*)::int AS children,
                count(*) FILTER (WHERE k.first_contact_at IS NULL AND k.first_contact_deadline < ${today}::date)::int AS overdue
           FROM child_case k JOIN child c ON c.id = k.child_id JOIN app_user u ON u.id = k.case_manager_user_id
           LEFT JOIN case_manager_setting s ON s.user_id = u.id
          WHERE ${sql.where.join(' AND ')}
          GROUP BY u.id, u.full_name, k.municipality_code, s.caseload_limit ORDER BY k.municipality_code, u.full_name`,
        sql.params,
      );
      if (actor?.role === 'ministry_analyst') {
        // a ministry sees municipalities, not people
        const groups = [...new Set(rows.map((r) => r.municipality))].sort();
        const table = groups.map((gr) => {
          const list = rows.filter((r) => r.municipality === gr);
          return {
            group: gr,
            counts: [list.reduce((s, r) => s + r.children, 0), list.reduce((s, r) => s + r.overdue, 0)],
            managers: list.length,
            over: list.filter((r) => r.children > r.lim).length,
          };
        });
        const result = this.countTable('caseloads', f, table, ['children', 'overdueFirstContacts']);
        result.columns.push('caseManagers', 'managersOverLimit');
        result.rows.forEach((row, i) => Object.assign(row, { caseManagers: table[i].managers, managersOverLimit: table[i].over }));
        return result;
      }
      const mask = suppressionMask(rows.map((r) => [r.children, r.overdue]));
      const total = [rows.reduce((s, r) => s + r.children, 0), rows.reduce((s, r) => s + r.overdue, 0)];
      return {
        report: 'caseloads',
        filters: f,
        columns: ['group', 'municipality', 'children', 'caseloadLimit', 'overLimit', 'overdueFirstContacts'],
        rows: rows.map((r, i) => ({
          group: r.name,
          municipality: r.municipality,
          children: mask[i][0] ? SUPPRESSED : r.children,
          caseloadLimit: r.lim,
          overLimit: r.children > r.lim ? 'yes' : 'no',
          overdueFirstContacts: mask[i][1] ? SUPPRESSED : r.overdue,
        })),
        totals: {
          group: 'total',
          municipality: null,
          children: total[0] > 0 && total[0] < 5 ? SUPPRESSED : total[0],
          caseloadLimit: null,
          overLimit: String(rows.filter((r) => r.children > r.lim).length),
          overdueFirstContacts: total[1] > 0 && total[1] < 5 ? SUPPRESSED : total[1],
        },
      };
    });
  }

  // ---------------------------------------------------------------------------------------------
  // provider integrity

  async integrity(actor: Actor | null, q: ReportQueryDto): Promise<ReportResult> {
    const f = await this.resolve(actor, q);
    return this.audited(actor, 'integrity', f, async (m) => {
      const rows: {
        id: string;
        name: string;
        visits: number;
        verified: number;
        rejected: number;
        exceptions: number;
        manual: number;
        scanned: number;
        reasons: Record<string, number> | null;
      }[] = await m.query(
        `SELECT o.id, o.name, SUM(p.visits)::int AS visits, SUM(p.verified_visits)::int AS verified, SUM(p.rejected_visits)::int AS rejected,
                SUM(p.exception_visits)::int AS exceptions, SUM(p.manual_visits)::int AS manual, SUM(p.scanned_visits)::int AS scanned,
                (SELECT jsonb_object_agg(key, n) FROM (SELECT e.key, SUM(e.value::int)::int AS n FROM report_provider_month p2, jsonb_each_text(p2.reason_counts) e
                   WHERE p2.provider_organisation_id = o.id AND p2.month BETWEEN $1::date AND $2::date GROUP BY e.key) x) AS reasons
           FROM report_provider_month p JOIN organisation o ON o.id = p.provider_organisation_id
          WHERE p.month BETWEEN $1::date AND $2::date GROUP BY o.id, o.name ORDER BY o.name`,
        [`${f.from}-01`, `${f.to}-01`],
      );
      const codes = [...new Set(rows.flatMap((r) => Object.keys(r.reasons ?? {})))].sort();
      return {
        report: 'integrity',
        filters: f,
        columns: [
          'group',
          'visits',
          'verified',
          'rejected',
          'exceptions',
          'manual',
          'integrityScore',
          'flagged',
          'exceptionRatePercent',
          ...codes.map((c) => `reason.${c}`),
        ],
        rows: rows.map((r) => {
          const s = integrityScore({ total: r.visits, verified: r.verified, verifiedScanned: r.scanned, rejected: r.rejected });
          const exceptionsTotal = codes.reduce((sum, c) => sum + (r.reasons?.[c] ?? 0), 0);
          return {
            group: r.name,
            visits: r.visits,
            verified: r.verified,
            rejected: r.rejected,
            exceptions: exceptionsTotal,
            manual: r.manual,
            integrityScore: s.score,
            flagged: s.flagged ? 'yes' : 'no',
            exceptionRatePercent: r.visits > 0 ? Math.round((exceptionsTotal * 1000) / r.visits) / 10 : null,
            ...Object.fromEntries(codes.map((c) => [`reason.${c}`, r.reasons?.[c] ?? 0])),
          };
        }),
      };
    });
  }

  // ---------------------------------------------------------------------------------------------
  // public monthly summary

  async monthlySummary(q: ReportQueryDto): Promise<ReportResult> {
    const f = await this.resolve(null, q);
    return this.audited(null, 'monthly-summary', f, async (m) => {
      const sql = new Sql();
      this.rollupWhere(sql, f);
      const rows: { month: string; paid: string; participants: number }[] = await m.query(
        `SELECT to_char(r.month, 'YYYY-MM') AS month, SUM(r.spent_cents) AS paid, count(DISTINCT r.child_id) FILTER (WHERE r.spent_cents > 0)::int AS participants
           FROM report_line_month r JOIN child c ON c.id = r.child_id WHERE ${sql.where.join(' AND ')} GROUP BY 1`,
        sql.params,
      );
      const byMonth = new Map(rows.map((r) => [r.month, r]));
      return {
        report: 'monthly-summary',
        filters: f,
        columns: ['month', 'totalPaidCents', 'participants', 'averageAnnualisedCentsPerParticipant'],
        rows: monthsBetween(f.from, f.to).map((mo) => {
          const r = byMonth.get(mo.slice(0, 7));
          const participants = r?.participants ?? 0;
          const paid = Number(r?.paid ?? 0);
          // a month of fewer than five participants shows nothing, the money included (it would describe them)
          if (participants < 5)
            return { month: mo.slice(0, 7), totalPaidCents: SUPPRESSED, participants: SUPPRESSED, averageAnnualisedCentsPerParticipant: SUPPRESSED };
          return { month: mo.slice(0, 7), totalPaidCents: paid, participants, averageAnnualisedCentsPerParticipant: divideRounded(paid * 12, participants) };
        }),
      };
    });
  }
}

interface SpendRow {
  g: string;
  childId: string;
  source: string;
  spent: number;
}
