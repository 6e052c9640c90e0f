import { MigrationInterface, QueryRunner } from 'typeorm';

/** Files attached to a child (stored through the document storage adapter) and their explicit shares. */
export class ChildDocuments1795400000001 implements MigrationInterface {
  name = 'ChildDocuments1795400000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "child_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "child_id" uuid NOT NULL, "kind" character varying(30) NOT NULL, "file_name" character varying(200) NOT NULL, "content_type" character varying(100) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character varying(64) NOT NULL, "storage_key" character varying(200) NOT NULL, "author_user_id" uuid NOT NULL, "visibility" character varying(20) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9f1d2a00731f406e9dfc4710e34" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_child_document_child" ON "child_document"  ("child_id") `);
    await queryRunner.query(`CREATE TABLE "child_document_share" ("document_id" uuid NOT NULL, "user_id" uuid NOT NULL, "shared_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f311477aa66c8e57846c8ffdcf2" PRIMARY KEY ("document_id", "user_id"))`);
    await queryRunner.query(`ALTER TABLE "child_document" ADD CONSTRAINT "FK_6e306c7ae5578bf0cc9d302d47b" FOREIGN KEY ("child_id") REFERENCES "child"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "child_document" ADD CONSTRAINT "FK_947d47799238bc15bd86afa0a54" FOREIGN KEY ("author_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "child_document_share" ADD CONSTRAINT "FK_016c29fda5535a0b6c47b466058" FOREIGN KEY ("document_id") REFERENCES "child_document"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "child_document_share" ADD CONSTRAINT "FK_d2e88c23fbb14e8816d52c0ce2c" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "child_document_share" DROP CONSTRAINT "FK_d2e88c23fbb14e8816d52c0ce2c"`);
    await queryRunner.query(`ALTER TABLE "child_document_share" DROP CONSTRAINT "FK_016c29fda5535a0b6c47b466058"`);
    await queryRunner.query(`ALTER TABLE "child_document" DROP CONSTRAINT "FK_947d47799238bc15bd86afa0a54"`);
    await queryRunner.query(`ALTER TABLE "child_document" DROP CONSTRAINT "FK_6e306c7ae5578bf0cc9d302d47b"`);
    await queryRunner.query(`DROP TABLE "child_document_share"`);
    await queryRunner.query(`DROP INDEX "public"."ix_child_document_child"`);
    await queryRunner.query(`DROP TABLE "child_document"`);
  }
}
