import { MigrationInterface, QueryRunner } from 'typeorm';

/** What a known child already receives, and the two facts the finder needs beyond the child's record. */
export class BenefitReceipts1795900000001 implements MigrationInterface {
  name = 'BenefitReceipts1795900000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "benefit_receipt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "child_id" uuid NOT NULL, "benefit_code" character varying(60) NOT NULL, "since" date, "recorded_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0fdf1fac6a8f0349d23c54ac2a8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_benefit_receipt_benefit" ON "benefit_receipt"  ("benefit_code") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_benefit_receipt_child_benefit" ON "benefit_receipt"  ("child_id", "benefit_code") `);
    await queryRunner.query(
      `CREATE TABLE "child_benefit_facts" ("child_id" uuid NOT NULL, "lives_at_home" boolean, "attends_school" boolean, "updated_by_user_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a2ed492c5336cb476089644f534" PRIMARY KEY ("child_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "benefit_receipt" ADD CONSTRAINT "FK_e3b45143bb8a7b20f85100ff1a2" FOREIGN KEY ("child_id") REFERENCES "child"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "benefit_receipt" ADD CONSTRAINT "FK_2a1438f5e710d9f2bef38adc077" FOREIGN KEY ("benefit_code") REFERENCES "benefit"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "child_benefit_facts" ADD CONSTRAINT "FK_a2ed492c5336cb476089644f534" FOREIGN KEY ("child_id") REFERENCES "child"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "child_benefit_facts" DROP CONSTRAINT "FK_a2ed492c5336cb476089644f534"`);
    await queryRunner.query(`ALTER TABLE "benefit_receipt" DROP CONSTRAINT "FK_2a1438f5e710d9f2bef38adc077"`);
    await queryRunner.query(`ALTER TABLE "benefit_receipt" DROP CONSTRAINT "FK_e3b45143bb8a7b20f85100ff1a2"`);
    await queryRunner.query(`DROP TABLE "child_benefit_facts"`);
    await queryRunner.query(`DROP INDEX "public"."uq_benefit_receipt_child_benefit"`);
    await queryRunner.query(`DROP INDEX "public"."ix_benefit_receipt_benefit"`);
    await queryRunner.query(`DROP TABLE "benefit_receipt"`);
  }
}
