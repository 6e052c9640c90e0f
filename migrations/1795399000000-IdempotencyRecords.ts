import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyRecords1795399000000 implements MigrationInterface {
  name = 'IdempotencyRecords1795399000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotency_record" ("scope" character varying(64) NOT NULL, "key" character varying(200) NOT NULL, "request_hash" character(64) NOT NULL, "status_code" integer, "response" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_idempotency_record" PRIMARY KEY ("scope", "key"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_idempotency_record_created" ON "idempotency_record" ("created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_idempotency_record_created"`);
    await queryRunner.query(`DROP TABLE "idempotency_record"`);
  }
}
