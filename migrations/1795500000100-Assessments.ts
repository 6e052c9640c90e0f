import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Needs assessments (versioned, three sign-offs) and support plans; baskets now point at the child,
 * case, assessment and plan. Inserts the default funding rules and allocation table (reference data the
 * platform admin edits later).
 */
export class Assessments1795500000100 implements MigrationInterface {
  name = 'Assessments1795500000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "assessment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "child_id" uuid NOT NULL, "case_id" uuid, "version" integer NOT NULL, "previous_id" uuid, "status" character varying(20) NOT NULL DEFAULT 'awaiting_signatures', "domains" jsonb NOT NULL, "valid_from" date NOT NULL, "valid_to" date NOT NULL, "review_reminder_on" date NOT NULL, "review_reminder_sent_at" TIMESTAMP WITH TIME ZONE, "case_manager_user_id" uuid, "case_manager_signed_at" TIMESTAMP WITH TIME ZONE, "health_specialist_name" character varying(200), "health_specialist_registration_number" character varying(40), "health_specialist_signed_at" TIMESTAMP WITH TIME ZONE, "family_user_id" uuid, "family_signer_role" character varying(20), "family_signed_at" TIMESTAMP WITH TIME ZONE, "created_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c511a7dc128256876b6b1719401" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_assessment_review" ON "assessment"  ("review_reminder_on") WHERE status = 'signed'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_assessment_child_version" ON "assessment"  ("child_id", "version")`);
    await queryRunner.query(`CREATE TABLE "support_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "child_id" uuid NOT NULL, "assessment_id" uuid NOT NULL, "goals" jsonb NOT NULL DEFAULT '[]', "services" jsonb NOT NULL DEFAULT '[]', "created_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fb5123e3bd794ea32b74e21a244" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_support_plan_child" ON "support_plan"  ("child_id")`);
    await queryRunner.query(`ALTER TABLE "allocation_rule" ADD "age_from" smallint`);
    await queryRunner.query(`ALTER TABLE "allocation_rule" ADD "age_to" smallint`);
    await queryRunner.query(`ALTER TABLE "basket" ALTER COLUMN "municipality_code" TYPE character varying(40)`);
    await queryRunner.query(`ALTER TABLE "assessment" ADD CONSTRAINT "FK_28b6c18b257149a4965b44c6f30" FOREIGN KEY ("child_id") REFERENCES "child"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "assessment" ADD CONSTRAINT "FK_b252f66572122ec6d3d1c59df72" FOREIGN KEY ("case_id") REFERENCES "child_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "support_plan" ADD CONSTRAINT "FK_475f3354e1c0695b7eab6f284e5" FOREIGN KEY ("child_id") REFERENCES "child"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "support_plan" ADD CONSTRAINT "FK_9016a76dc0ddd097cda12365a18" FOREIGN KEY ("assessment_id") REFERENCES "assessment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "basket" ADD CONSTRAINT "FK_aa36b6d29dc85fb903fbae3074a" FOREIGN KEY ("child_id") REFERENCES "child"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "basket" ADD CONSTRAINT "FK_5078eb7bb4ad23794ae79b7f073" FOREIGN KEY ("case_id") REFERENCES "child_case"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "basket" ADD CONSTRAINT "FK_3d0fd6ac8eea8f82e53ca7e61c6" FOREIGN KEY ("assessment_id") REFERENCES "assessment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "basket" ADD CONSTRAINT "FK_d0e4d4c74c969ebcb221a0b38c0" FOREIGN KEY ("support_plan_id") REFERENCES "support_plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "basket_line" ADD CONSTRAINT "FK_9ba7d107c30e68a2010d14eaafa" FOREIGN KEY ("child_id") REFERENCES "child"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`INSERT INTO "funding_rule" ("category", "funding_source", "share_percent", "transferable", "valid_from") VALUES ('therapy', 'VM', 100, true, '2026-01-01'), ('psychological', 'VM', 100, true, '2026-01-01'), ('education_support', 'IZM', 100, false, '2026-01-01'), ('assistance', 'LM', 70, true, '2026-01-01'), ('assistance', 'MUNICIPALITY', 30, false, '2026-01-01'), ('respite_day_care', 'MUNICIPALITY', 100, false, '2026-01-01'), ('early_intervention', 'LM', 50, true, '2026-01-01'), ('early_intervention', 'VM', 50, true, '2026-01-01'), ('employment', 'EU', 40, false, '2026-01-01'), ('employment', 'LM', 60, true, '2026-01-01'), ('technical_aids', 'LM', 100, false, '2026-01-01'), ('transport', 'MUNICIPALITY', 100, false, '2026-01-01')`);
    await queryRunner.query(`INSERT INTO "allocation_rule" ("domain", "min_level", "service_code", "units_per_month", "age_from", "age_to", "valid_from") VALUES ('communication', 1, 'SPEECH', 2, NULL, NULL, '2026-01-01'), ('communication', 2, 'SPEECH', 4, NULL, NULL, '2026-01-01'), ('communication', 3, 'SPEECH', 6, NULL, NULL, '2026-01-01'), ('communication', 4, 'SPEECH', 8, NULL, NULL, '2026-01-01'), ('mobility', 1, 'PHYSIO', 2, NULL, NULL, '2026-01-01'), ('mobility', 2, 'PHYSIO', 4, NULL, NULL, '2026-01-01'), ('mobility', 3, 'PHYSIO', 6, NULL, NULL, '2026-01-01'), ('mobility', 4, 'PHYSIO', 8, NULL, NULL, '2026-01-01'), ('self_care', 2, 'OCCUPATIONAL', 2, NULL, NULL, '2026-01-01'), ('self_care', 3, 'OCCUPATIONAL', 4, NULL, NULL, '2026-01-01'), ('self_care', 3, 'ASSISTANT', 20, NULL, NULL, '2026-01-01'), ('self_care', 4, 'ASSISTANT', 40, NULL, NULL, '2026-01-01'), ('learning', 2, 'SPECIAL_EDUCATOR', 4, NULL, NULL, '2026-01-01'), ('learning', 3, 'SPECIAL_EDUCATOR', 8, NULL, NULL, '2026-01-01'), ('learning', 2, 'EARLY_INTERVENTION', 4, 0, 6, '2026-01-01'), ('education', 3, 'TEACHER_ASSISTANT', 20, NULL, NULL, '2026-01-01'), ('education', 4, 'TEACHER_ASSISTANT', 40, NULL, NULL, '2026-01-01'), ('behaviour_mental_health', 2, 'PSYCHOLOGIST', 2, NULL, NULL, '2026-01-01'), ('behaviour_mental_health', 3, 'PSYCHOLOGIST', 4, NULL, NULL, '2026-01-01'), ('behaviour_mental_health', 4, 'MUSIC_THERAPY', 4, NULL, NULL, '2026-01-01'), ('social_participation', 3, 'COMPANION', 10, NULL, NULL, '2026-01-01'), ('social_participation', 4, 'COMPANION', 15, NULL, NULL, '2026-01-01'), ('hearing', 3, 'SIGN_INTERPRETER', 8, NULL, NULL, '2026-01-01'), ('hearing', 4, 'SIGN_INTERPRETER', 15, NULL, NULL, '2026-01-01'), ('vision', 3, 'ASSISTANT', 10, NULL, NULL, '2026-01-01'), ('vision', 4, 'ASSISTANT', 20, NULL, NULL, '2026-01-01'), ('work_readiness', 2, 'MENTOR', 4, NULL, NULL, '2026-01-01'), ('work_readiness', 3, 'JOB_COACH', 8, NULL, NULL, '2026-01-01'), ('work_readiness', 4, 'JOB_COACH', 12, NULL, NULL, '2026-01-01'), ('family_situation', 2, 'RESPITE', 1, NULL, NULL, '2026-01-01'), ('family_situation', 3, 'RESPITE', 2, NULL, NULL, '2026-01-01'), ('family_situation', 4, 'RESPITE', 3, NULL, NULL, '2026-01-01')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "allocation_rule"`);
    await queryRunner.query(`DELETE FROM "funding_rule"`);
    await queryRunner.query(`ALTER TABLE "basket_line" DROP CONSTRAINT "FK_9ba7d107c30e68a2010d14eaafa"`);
    await queryRunner.query(`ALTER TABLE "basket" DROP CONSTRAINT "FK_d0e4d4c74c969ebcb221a0b38c0"`);
    await queryRunner.query(`ALTER TABLE "basket" DROP CONSTRAINT "FK_3d0fd6ac8eea8f82e53ca7e61c6"`);
    await queryRunner.query(`ALTER TABLE "basket" DROP CONSTRAINT "FK_5078eb7bb4ad23794ae79b7f073"`);
    await queryRunner.query(`ALTER TABLE "basket" DROP CONSTRAINT "FK_aa36b6d29dc85fb903fbae3074a"`);
    await queryRunner.query(`ALTER TABLE "support_plan" DROP CONSTRAINT "FK_9016a76dc0ddd097cda12365a18"`);
    await queryRunner.query(`ALTER TABLE "support_plan" DROP CONSTRAINT "FK_475f3354e1c0695b7eab6f284e5"`);
    await queryRunner.query(`ALTER TABLE "assessment" DROP CONSTRAINT "FK_b252f66572122ec6d3d1c59df72"`);
    await queryRunner.query(`ALTER TABLE "assessment" DROP CONSTRAINT "FK_28b6c18b257149a4965b44c6f30"`);
    await queryRunner.query(`ALTER TABLE "basket" ALTER COLUMN "municipality_code" TYPE character varying(20)`);
    await queryRunner.query(`ALTER TABLE "allocation_rule" DROP COLUMN "age_to"`);
    await queryRunner.query(`ALTER TABLE "allocation_rule" DROP COLUMN "age_from"`);
    await queryRunner.query(`DROP INDEX "public"."ix_support_plan_child"`);
    await queryRunner.query(`DROP TABLE "support_plan"`);
    await queryRunner.query(`DROP INDEX "public"."uq_assessment_child_version"`);
    await queryRunner.query(`DROP INDEX "public"."ix_assessment_review"`);
    await queryRunner.query(`DROP TABLE "assessment"`);
  }
}
