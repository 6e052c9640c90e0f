import { MigrationInterface, QueryRunner } from 'typeorm';
import { CATALOGUE_2025, CATALOGUE_2025_VALID_FROM } from '../api/src/modules/benefits/catalogue-2025';

/** The benefits catalogue (benefit + dated, immutable versions), seeded with the 2025 state benefits. */
export class BenefitsCatalogue1795900000000 implements MigrationInterface {
  name = 'BenefitsCatalogue1795900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "benefit" ("code" character varying(60) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ee031c90e637cf8263409d9ab2a" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "benefit_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "benefit_code" character varying(60) NOT NULL, "version" integer NOT NULL, "valid_from" date NOT NULL, "active" boolean NOT NULL DEFAULT true, "provider_kind" character varying(20) NOT NULL, "municipality_code" character varying(40), "payer_lv" character varying(200) NOT NULL, "payer_en" character varying(200) NOT NULL, "name_lv" character varying(200) NOT NULL, "name_en" character varying(200) NOT NULL, "summary_lv" text NOT NULL, "summary_en" text NOT NULL, "amount_cents" bigint, "amount_kind" character varying(10) NOT NULL, "frequency" character varying(20) NOT NULL, "amount_note_lv" character varying(300), "amount_note_en" character varying(300), "amount_variants" jsonb NOT NULL DEFAULT '[]', "condition" jsonb NOT NULL, "how_to_apply_lv" text NOT NULL, "how_to_apply_en" text NOT NULL, "legal_basis" character varying(300) NOT NULL, "official_url" character varying(500) NOT NULL, "change_note" character varying(500), "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1b7789e596a97b5780f0edfe034" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_benefit_version" ON "benefit_version"  ("benefit_code", "version") `);
    await queryRunner.query(
      `ALTER TABLE "benefit_version" ADD CONSTRAINT "FK_c4e951e2f7bd1c529dd05ce0153" FOREIGN KEY ("benefit_code") REFERENCES "benefit"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Versions are history: a change is a new row, so no row may be altered or removed once written.
    await queryRunner.query(
      `CREATE FUNCTION benefit_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'benefit_version rows are immutable; insert a new version'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER benefit_version_no_change BEFORE UPDATE OR DELETE ON "benefit_version" FOR EACH ROW EXECUTE FUNCTION benefit_version_immutable()`,
    );
    for (const b of CATALOGUE_2025) {
      await queryRunner.query(`INSERT INTO "benefit" ("code") VALUES ($1)`, [b.code]);
      await queryRunner.query(
        `INSERT INTO "benefit_version" ("benefit_code", "version", "valid_from", "active", "provider_kind", "municipality_code", "payer_lv", "payer_en", "name_lv", "name_en", "summary_lv", "summary_en", "amount_cents", "amount_kind", "frequency", "amount_note_lv", "amount_note_en", "amount_variants", "condition", "how_to_apply_lv", "how_to_apply_en", "legal_basis", "official_url", "change_note")
         VALUES ($1, 1, $2, true, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
        [
          b.code,
          CATALOGUE_2025_VALID_FROM,
          b.providerKind,
          b.municipalityCode,
          b.payerLv,
          b.payerEn,
          b.nameLv,
          b.nameEn,
          b.summaryLv,
          b.summaryEn,
          b.amountCents,
          b.amountKind,
          b.frequency,
          b.amountNoteLv,
          b.amountNoteEn,
          JSON.stringify(b.amountVariants),
          JSON.stringify(b.condition),
          b.howToApplyLv,
          b.howToApplyEn,
          b.legalBasis,
          b.officialUrl,
          '2025 amounts (initial catalogue)',
        ],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER benefit_version_no_change ON "benefit_version"`);
    await queryRunner.query(`DROP FUNCTION benefit_version_immutable()`);
    await queryRunner.query(`ALTER TABLE "benefit_version" DROP CONSTRAINT "FK_c4e951e2f7bd1c529dd05ce0153"`);
    await queryRunner.query(`DROP INDEX "public"."uq_benefit_version"`);
    await queryRunner.query(`DROP TABLE "benefit_version"`);
    await queryRunner.query(`DROP TABLE "benefit"`);
  }
}
