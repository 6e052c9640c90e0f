import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { fieldError, forbidden, notFound } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { ChildAccessService } from './child-access.service';
import { ShareDocumentDto, UploadDocumentDto } from './children.dto';
import { DocumentStorage } from './document-storage';
import { checkDocument, defaultVisibility } from './documents.rules';
import { ChildDocument, ChildDocumentShare } from './entities/child-document.entity';

export interface DocumentView {
  id: string;
  childId: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  visibility: string;
  authorUserId: string;
  authorName: string | null;
  createdAt: Date;
}

/**
 * Files attached to a child. Whoever may see the child sees `case_team` documents; `restricted` ones
 * (specialists' assessments) only the child's case manager (or deputy), the author, a platform admin
 * and users it was explicitly shared with. Every download is audited.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: ChildAccessService,
    private readonly storage: DocumentStorage,
  ) {}

  private visibleSql(actor: Actor): { sql: string; params: unknown[] } {
    if (actor.role === 'platform_admin' || actor.role === 'case_manager') return { sql: 'TRUE', params: [] };
    return { sql: `(d.visibility = 'case_team' OR d.author_user_id = $2 OR EXISTS (SELECT 1 FROM child_document_share s WHERE s.document_id = d.id AND s.user_id = $2))`, params: [actor.userId] };
  }

  async list(actor: Actor, childId: string): Promise<DocumentView[]> {
    return this.db.transaction(async (m) => {
      await this.access.assertCanRead(m, actor, childId);
      const v = this.visibleSql(actor);
      const rows: DocumentView[] = await m.query(
        `SELECT d.id, d.child_id AS "childId", d.kind, d.file_name AS "fileName", d.content_type AS "contentType", d.size_bytes AS "sizeBytes", d.visibility, d.author_user_id AS "authorUserId", u.full_name AS "authorName", d.created_at AS "createdAt"
           FROM child_document d LEFT JOIN app_user u ON u.id = d.author_user_id WHERE d.child_id = $1 AND ${v.sql} ORDER BY d.created_at DESC`,
        [childId, ...v.params],
      );
      await this.audit.record(m, actor, { action: 'document.list', subjectType: 'child_document', childId, details: { count: rows.length } });
      return rows;
    });
  }

  async upload(actor: Actor, childId: string, dto: UploadDocumentDto): Promise<DocumentView> {
    await this.db.transaction((m) => this.access.assertCanRead(m, actor, childId));
    const bytes = Buffer.from(dto.contentBase64, 'base64');
    const checked = checkDocument(bytes, dto.contentType);
    if (!checked.ok) throw fieldError(checked.field, checked.error);
    const storageKey = randomUUID();
    await this.storage.put(storageKey, bytes, checked.contentType);
    return this.db.transaction(async (m) => {
      const { identifiers } = await m.insert(ChildDocument, {
        childId,
        kind: dto.kind,
        fileName: dto.fileName.replace(/[\\/\r\n"]/g, '_').trim(),
        contentType: checked.contentType,
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        storageKey,
        authorUserId: actor.userId,
        visibility: dto.visibility ?? defaultVisibility(dto.kind),
      });
      const id = String(identifiers[0].id);
      await this.audit.record(m, actor, { action: 'document.uploaded', subjectType: 'child_document', subjectId: id, childId, details: { kind: dto.kind, sizeBytes: bytes.length } });
      return this.findVisible(m, actor, id);
    });
  }

  private async findVisible(m: EntityManager, actor: Actor, id: string): Promise<DocumentView & { storageKey: string }> {
    const [doc] = (await m.query(`SELECT child_id FROM child_document WHERE id = $1`, [id])) as { child_id: string }[];
    if (!doc) throw notFound();
    await this.access.assertCanRead(m, actor, doc.child_id);
    const v = this.visibleSql(actor);
    const rows = (await m.query(
      `SELECT d.id, d.child_id AS "childId", d.kind, d.file_name AS "fileName", d.content_type AS "contentType", d.size_bytes AS "sizeBytes", d.visibility, d.author_user_id AS "authorUserId", d.storage_key AS "storageKey", d.created_at AS "createdAt"
         FROM child_document d WHERE d.id = $1 AND ${v.sql}`,
      [id, ...v.params],
    )) as (DocumentView & { storageKey: string })[];
    if (!rows.length) throw notFound();
    return rows[0];
  }

  /** The bytes of one document; the download is audited in the same transaction that checks access. */
  async download(actor: Actor, id: string): Promise<{ doc: DocumentView; bytes: Buffer }> {
    const doc = await this.db.transaction(async (m) => {
      const d = await this.findVisible(m, actor, id);
      await this.audit.record(m, actor, { action: 'document.downloaded', subjectType: 'child_document', subjectId: id, childId: d.childId });
      return d;
    });
    const { storageKey, ...view } = doc;
    return { doc: view, bytes: await this.storage.get(storageKey) };
  }

  /** The author, the child's case manager or a platform admin shares a document with one more user. */
  async share(actor: Actor, id: string, dto: ShareDocumentDto): Promise<{ documentId: string; userId: string }> {
    return this.db.transaction(async (m) => {
      const d = await this.findVisible(m, actor, id);
      if (!(actor.role === 'platform_admin' || actor.role === 'case_manager' || d.authorUserId === actor.userId)) throw forbidden();
      if (!(await m.query(`SELECT 1 FROM app_user WHERE id = $1 AND active`, [dto.userId])).length) throw fieldError('userId', 'exists');
      await m.createQueryBuilder().insert().into(ChildDocumentShare).values({ documentId: id, userId: dto.userId, sharedByUserId: actor.userId }).orIgnore().execute();
      await this.audit.record(m, actor, { action: 'document.shared', subjectType: 'child_document', subjectId: id, childId: d.childId, details: { userId: dto.userId } });
      return { documentId: id, userId: dto.userId };
    });
  }
}
