import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { systemActor } from '../../common/auth/actor';
import { AppError, notFound } from '../../common/errors/app-error';
import { ListQuery, parseListQuery } from '../../common/http/list-query';
import { log } from '../../common/http/logger';
import { AuditService } from '../audit/audit.service';
import { CaseOpeningService } from '../cases/case-opening.service';
import { OutboxService } from '../jobs/outbox.service';
import { QUEUES } from '../jobs/queues';
import { ConsentService } from './consent.service';
import { DecisionRow, MAX_IMPORT_ROWS, parseCsv, parseDecisionRow, RowError } from './decision-import.rules';
import { DecisionImport, ImportRowError } from './entities/decision-import.entity';

export const IMPORT_LIST = { sortable: ['createdAt'], defaultSort: ['createdAt', 'DESC'] as [string, 'DESC'], filters: ['status', 'id'] };

export function importView(i: DecisionImport) {
  return {
    id: i.id,
    status: i.status,
    source: i.source,
    fileName: i.fileName,
    totalRows: i.totalRows,
    processedRows: i.processedRows,
    importedRows: i.importedRows,
    unchangedRows: i.unchangedRows,
    errorRows: i.errorRows,
    errors: i.errors,
    progress: i.totalRows === 0 ? 100 : Math.floor((i.processedRows * 100) / i.totalRows),
    createdAt: i.createdAt,
    finishedAt: i.finishedAt,
  };
}

class RowRejected extends Error {
  constructor(readonly errors: RowError[]) {
    super('row rejected');
  }
}

type RowOutcome = { kind: 'imported'; caseOpened: boolean } | { kind: 'unchanged' } | { kind: 'error'; errors: RowError[] };

/**
 * VDEĀVK decision import: the upload is stored and a job works through it row by row, each row in its
 * own transaction, so a bad row never sinks the file. Idempotent by decision number; resumable after a
 * crash (progress is committed with each row).
 */
@Injectable()
export class DecisionImportService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly consents: ConsentService,
    private readonly opening: CaseOpeningService,
  ) {}

  async importCsv(actor: Actor, fileName: string | undefined, csv: string) {
    const parsed = parseCsv(csv);
    if (parsed.error) throw new AppError('VALIDATION_FAILED', { csv: parsed.error });
    return this.start(actor, 'csv', fileName ?? null, parsed.rows);
  }

  async importJson(actor: Actor, body: unknown) {
    if (!Array.isArray(body)) throw new AppError('VALIDATION_FAILED', { body: 'isArray' });
    return this.start(actor, 'json', null, body as Record<string, unknown>[]);
  }

  private async start(actor: Actor, source: 'csv' | 'json', fileName: string | null, rows: Record<string, unknown>[]) {
    if (rows.length === 0) throw new AppError('VALIDATION_FAILED', { rows: 'notEmpty' });
    if (rows.length > MAX_IMPORT_ROWS) throw new AppError('VALIDATION_FAILED', { rows: 'maxRows' });
    const id = await this.db.transaction(async (m) => {
      const { identifiers } = await m.insert(DecisionImport, { source, fileName, rows: rows as never, totalRows: rows.length, createdByUserId: actor.userId });
      const importId = String(identifiers[0].id);
      await this.outbox.enqueue(m, QUEUES.decisions, 'decision-import', `decision-import-${importId}`, { importId });
      await this.audit.record(m, actor, { action: 'decision.import_started', subjectType: 'decision_import', subjectId: importId, details: { source, rows: rows.length } });
      return importId;
    });
    this.outbox.afterCommit();
    return importView(await this.db.getRepository(DecisionImport).findOneByOrFail({ id }));
  }

  private scoped(actor: Actor) {
    const qb = this.db.getRepository(DecisionImport).createQueryBuilder('i');
    if (actor.role === 'platform_admin') return qb.where('TRUE');
    return qb.where('i.created_by_user_id IN (SELECT id FROM app_user WHERE organisation_id = :org)', { org: actor.organisationId });
  }

  async list(actor: Actor, query: Record<string, unknown>): Promise<{ rows: ReturnType<typeof importView>[]; total: number; q: ListQuery }> {
    const q = parseListQuery(query, IMPORT_LIST);
    const qb = this.scoped(actor).select(['i.id', 'i.status', 'i.source', 'i.fileName', 'i.totalRows', 'i.processedRows', 'i.importedRows', 'i.unchangedRows', 'i.errorRows', 'i.errors', 'i.createdAt', 'i.finishedAt']);
    if (q.filter.status !== undefined) qb.andWhere('i.status IN (:...st)', { st: [q.filter.status].flat().map(String) });
    if (q.filter.id !== undefined) qb.andWhere('i.id::text IN (:...ids)', { ids: [q.filter.id].flat().map(String) });
    const [rows, total] = await qb.orderBy('i.created_at', q.sortOrder).skip(q.skip).take(q.take).getManyAndCount();
    return { rows: rows.map(importView), total, q };
  }

  async get(actor: Actor, id: string) {
    const i = await this.scoped(actor).andWhere('i.id = :id', { id }).getOne();
    if (!i) throw notFound();
    return importView(i);
  }

  /** The job: processes every row not yet processed; returns the final counts. */
  async process(importId: string, onProgress?: (percent: number) => Promise<void>): Promise<ReturnType<typeof importView> | null> {
    const imp = await this.db.getRepository(DecisionImport).findOneBy({ id: importId });
    if (!imp) return null;
    if (imp.status === 'completed') return importView(imp);
    await this.db.getRepository(DecisionImport).update({ id: importId }, { status: 'running' });
    const restrictTo = await this.officerMunicipality(imp.createdByUserId);
    const actor = systemActor(`decision-import-${importId}`);
    // municipalities are reference data: each code is looked up once per run, not once per row
    const municipalities = new Set<string>();
    let reported = -1;
    for (let index = imp.processedRows; index < imp.rows.length; index++) {
      const rowNumber = index + 1;
      let outcome: RowOutcome;
      try {
        outcome = await this.db.transaction(async (m) => {
          const o = await this.importRow(m, actor, importId, imp.rows[index], restrictTo, municipalities);
          // a rejected row leaves nothing behind (not even a child it may have created)
          if (o.kind === 'error') throw new RowRejected(o.errors);
          await this.bumpProgress(m, importId, rowNumber, o, []);
          return o;
        });
      } catch (e) {
        if (e instanceof RowRejected) outcome = { kind: 'error', errors: e.errors };
        else {
          log('warn', 'decision.import_row_failed', { importId, row: rowNumber, error: e instanceof Error ? e.name : 'unknown' });
          outcome = { kind: 'error', errors: [{ field: 'row', code: 'failed' }] };
        }
      }
      if (outcome.kind === 'error') await this.db.transaction((m) => this.bumpProgress(m, importId, rowNumber, outcome, outcome.kind === 'error' ? outcome.errors.map((e) => ({ row: rowNumber, ...e })) : []));
      // at most every 10 rows, and only when the whole percent moved: a job progress write per 10 rows of a
      // 5,000-row file would repeat the same percent five times
      const percent = Math.floor((rowNumber * 100) / imp.rows.length);
      if (onProgress && ((rowNumber % 10 === 0 && percent !== reported) || rowNumber === imp.rows.length)) {
        reported = percent;
        await onProgress(percent);
      }
    }
    await this.db.getRepository(DecisionImport).update({ id: importId }, { status: 'completed', finishedAt: new Date() });
    const done = await this.db.getRepository(DecisionImport).findOneByOrFail({ id: importId });
    await this.db.transaction((m) => this.audit.record(m, actor, { action: 'decision.import_completed', subjectType: 'decision_import', subjectId: importId, details: { imported: done.importedRows, unchanged: done.unchangedRows, errors: done.errorRows } }));
    return importView(done);
  }

  /** Counts a processed row; error rows are counted in their own transaction after the row's work rolled back. */
  private async bumpProgress(m: EntityManager, importId: string, rowNumber: number, o: RowOutcome, errors: ImportRowError[]): Promise<void> {
    if (o.kind === 'error' && errors.length === 0) return;
    await m.query(
      `UPDATE decision_import SET processed_rows = GREATEST(processed_rows, $2), imported_rows = imported_rows + $3, unchanged_rows = unchanged_rows + $4, error_rows = error_rows + $5, errors = errors || $6::jsonb WHERE id = $1`,
      [importId, rowNumber, o.kind === 'imported' ? 1 : 0, o.kind === 'unchanged' ? 1 : 0, o.kind === 'error' ? 1 : 0, JSON.stringify(errors)],
    );
  }

  private async officerMunicipality(userId: string | null): Promise<string | null> {
    if (!userId) return null;
    const rows: { role: string; code: string }[] = await this.db.query(`SELECT u.role, o.code FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = $1`, [userId]);
    return rows[0]?.role === 'municipality_officer' ? rows[0].code : null;
  }

  private async importRow(m: EntityManager, actor: Actor, importId: string, raw: Record<string, unknown>, restrictTo: string | null, municipalities: Set<string>): Promise<RowOutcome> {
    const parsed = parseDecisionRow(raw);
    if (!parsed.ok) return { kind: 'error', errors: parsed.errors };
    const row = parsed.row;
    if ((await m.query(`SELECT 1 FROM disability_decision WHERE number = $1`, [row.number])).length) return { kind: 'unchanged' };
    const child = await this.findOrCreateChild(m, actor, row, municipalities);
    if ('errors' in child) return { kind: 'error', errors: child.errors };
    if (restrictTo && child.municipalityCode !== restrictTo) return { kind: 'error', errors: [{ field: 'municipality', code: 'ownMunicipality' }] };
    const inserted: { id: string }[] = await m.query(
      `INSERT INTO disability_decision (number, child_id, decision_date, kind, special_care, valid_from, valid_to, consent_to_contact, import_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (number) DO NOTHING RETURNING id`,
      [row.number, child.id, row.date, row.kind, row.specialCare, row.validFrom, row.validTo, row.consentToContact, importId],
    );
    if (!inserted.length) return { kind: 'unchanged' };
    const decisionId = inserted[0].id;
    await this.audit.record(m, actor, { action: 'decision.imported', subjectType: 'disability_decision', subjectId: decisionId, childId: child.id, details: { importId } });
    if (row.consentToContact) await this.consents.record(m, actor, child.id, 'contact_by_social_service', true, 'import', `VDEĀVK ${row.number}`);
    let caseOpened = false;
    // a consent just given in this transaction is the child's latest; otherwise an earlier one may stand
    if (row.consentToContact || (await this.consents.hasConsent(m, child.id, 'contact_by_social_service'))) {
      caseOpened = (await this.opening.openForDecision(m, actor, { childId: child.id, municipalityCode: child.municipalityCode, decisionId, decisionDate: row.date })).created;
    }
    return { kind: 'imported', caseOpened };
  }

  private async findOrCreateChild(m: EntityManager, actor: Actor, row: DecisionRow, municipalities: Set<string>): Promise<{ id: string; municipalityCode: string } | { errors: RowError[] }> {
    const find = async () => (await m.query(`SELECT id, municipality_code, to_char(birth_date, 'YYYY-MM-DD') AS birth_date FROM child WHERE personal_code = $1`, [row.personalCode]))[0] as { id: string; municipality_code: string; birth_date: string } | undefined;
    let found = await find();
    if (found) {
      if (found.birth_date !== row.birthDate) return { errors: [{ field: 'birthDate', code: 'matchesChild' }] };
      return { id: found.id, municipalityCode: found.municipality_code };
    }
    const errors: RowError[] = [];
    if (!row.firstName) errors.push({ field: 'firstName', code: 'required' });
    if (!row.lastName) errors.push({ field: 'lastName', code: 'required' });
    if (!row.municipality) errors.push({ field: 'municipality', code: 'required' });
    else if (!municipalities.has(row.municipality)) {
      if ((await m.query(`SELECT 1 FROM municipality WHERE code = $1`, [row.municipality])).length) municipalities.add(row.municipality);
      else errors.push({ field: 'municipality', code: 'exists' });
    }
    if (errors.length) return { errors };
    const inserted: { id: string; municipality_code: string; birth_date: string }[] = await m.query(
      `INSERT INTO child (personal_code, first_name, last_name, birth_date, municipality_code, languages) VALUES ($1, $2, $3, $4, $5, '{lv}') ON CONFLICT (personal_code) DO NOTHING
       RETURNING id, municipality_code, to_char(birth_date, 'YYYY-MM-DD') AS birth_date`,
      [row.personalCode, row.firstName, row.lastName, row.birthDate, row.municipality],
    );
    // nothing returned: another import created the child meanwhile
    found = inserted[0] ?? (await find());
    if (!found) return { errors: [{ field: 'personalCode', code: 'conflict' }] };
    await this.audit.record(m, actor, { action: 'child.created', subjectType: 'child', subjectId: found.id, childId: found.id, details: { source: 'decision_import' } });
    return { id: found.id, municipalityCode: found.municipality_code };
  }
}
