import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The marketplace: service catalogue with dated prices, provider registry (profile, accreditation),
 * specialists as one identity across providers, offers, contracts and their specialists.
 * The catalogue's reference data (every service the recommendations name, first prices from 2026-01-01)
 * is inserted here so it exists in every environment. A frozen copy: later changes are new price versions.
 */
// code, name_lv, name_en, category, unit_kind, unit_minutes, delivery_mode, qualification, cancellation_claimable,
// travel_claimable, needs_quote, min_age, monthly_unit_cap, carry_over_months, excludes_relatives, reference, max (cents)
const SERVICES: (string | number | boolean | null)[][] = [
  ['PHYSIO', 'Fizioterapija', 'Physiotherapy', 'therapy', 'session', 45, 'either', 'physiotherapist', true, false, false, null, null, null, false, 2800, 3600],
  ['SPEECH', 'Logopēds', 'Speech therapy', 'therapy', 'session', 40, 'either', 'speech_therapist', true, false, false, null, null, null, false, 2500, 3200],
  ['OCCUPATIONAL', 'Ergoterapija', 'Occupational therapy', 'therapy', 'session', 45, 'either', 'occupational_therapist', true, false, false, null, null, null, false, 2800, 3600],
  ['MUSIC_THERAPY', 'Mūzikas terapija', 'Music therapy', 'therapy', 'session', 45, 'either', 'music_therapist', true, false, false, null, null, null, false, 2600, 3400],
  ['PSYCHOLOGIST', 'Psihologs', 'Psychologist', 'psychological', 'session', 50, 'individual', 'psychologist', true, false, false, null, null, null, false, 3500, 4500],
  ['SPECIAL_EDUCATOR', 'Speciālais pedagogs', 'Special educator', 'education_support', 'session', 40, 'either', 'special_educator', true, false, false, null, null, null, false, 2200, 2900],
  ['TEACHER_ASSISTANT', 'Pedagoga palīgs', "Teacher's assistant", 'education_support', 'hour', 60, 'individual', 'teacher_assistant', false, false, false, null, null, null, false, 1100, 1500],
  ['SIGN_INTERPRETER', 'Surdotulks', 'Sign-language interpreter', 'assistance', 'hour', 60, 'individual', 'sign_interpreter', true, true, false, null, null, null, false, 1800, 2400],
  ['ASSISTANT', 'Asistents', 'Assistant', 'assistance', 'hour', 60, 'individual', 'assistant', false, true, false, null, null, null, false, 900, 1200],
  ['COMPANION', 'Pavadonis', 'Companion', 'assistance', 'hour', 60, 'individual', 'companion', false, true, false, null, 15, 6, true, 900, 1200],
  ['RESPITE', 'Atelpas brīža pakalpojums', 'Respite care', 'respite_day_care', 'day', 1440, 'individual', 'care_worker', false, false, false, null, null, null, false, 6500, 8500],
  ['DAY_CARE', 'Dienas aprūpes centrs', 'Day-care centre', 'respite_day_care', 'day', 480, 'group', 'care_worker', false, false, false, null, null, null, false, 3800, 5000],
  ['EARLY_INTERVENTION', 'Agrīnā intervence (Portage)', 'Early intervention (Portage)', 'early_intervention', 'session', 60, 'individual', 'portage_consultant', true, true, false, null, null, null, false, 3000, 3900],
  ['MENTOR', 'Mentors (no 13 gadiem)', 'Mentor (13+)', 'employment', 'hour', 60, 'individual', 'mentor', false, false, false, 13, null, null, false, 1500, 2000],
  ['JOB_COACH', 'Darba trenera pakalpojums', 'Job coach', 'employment', 'hour', 60, 'individual', 'job_coach', false, false, false, 15, null, null, false, 1700, 2200],
  ['TECH_AIDS', 'Tehniskie palīglīdzekļi', 'Technical aids', 'technical_aids', 'item', null, 'individual', null, false, false, true, null, null, null, false, 50000, 300000],
  ['TRANSPORT', 'Transporta pakalpojums', 'Transport', 'transport', 'item', null, 'individual', null, false, false, false, null, null, null, false, 1500, 2500],
];

export class Marketplace1795600000000 implements MigrationInterface {
  name = 'Marketplace1795600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "catalogue_service" ("code" character varying(40) NOT NULL, "name_lv" character varying(200) NOT NULL, "name_en" character varying(200) NOT NULL, "category" character varying(40) NOT NULL, "unit_kind" character varying(10) NOT NULL, "unit_minutes" integer, "delivery_mode" character varying(12) NOT NULL, "qualification" character varying(60), "cancellation_claimable" boolean NOT NULL DEFAULT false, "travel_claimable" boolean NOT NULL DEFAULT false, "needs_quote" boolean NOT NULL DEFAULT false, "min_age" integer, "monthly_unit_cap" integer, "carry_over_months" integer, "excludes_relatives" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1d75fd70de70f5886b88d7d669b" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE TABLE "accreditation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "provider_organisation_id" uuid NOT NULL, "service_code" character varying(40) NOT NULL, "register_number" character varying(60) NOT NULL, "valid_from" date NOT NULL, "valid_to" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1aa1d5e25cfdf9c0f99a74c9157" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_accreditation_provider_service" ON "accreditation"  ("provider_organisation_id", "service_code") `);
    await queryRunner.query(`CREATE TABLE "catalogue_price" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_code" character varying(40) NOT NULL, "valid_from" date NOT NULL, "reference_price_cents" bigint NOT NULL, "max_price_cents" bigint NOT NULL, "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b46d0cff4b17bf769aa3f55830c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_catalogue_price_service_from" ON "catalogue_price"  ("service_code", "valid_from") `);
    await queryRunner.query(`CREATE TABLE "offer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "provider_organisation_id" uuid NOT NULL, "service_code" character varying(40) NOT NULL, "price_cents" bigint NOT NULL, "unit_minutes" integer, "delivery_mode" character varying(12) NOT NULL, "group_size" integer NOT NULL DEFAULT '1', "municipalities" text array NOT NULL DEFAULT '{}', "at_our_location" boolean NOT NULL DEFAULT false, "location_address" character varying(300), "languages" text array NOT NULL DEFAULT '{}', "earliest_start" date NOT NULL, "free_capacity" integer NOT NULL DEFAULT '0', "description" text, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_57c6ae1abe49201919ef68de900" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_offer_provider" ON "offer"  ("provider_organisation_id") `);
    await queryRunner.query(`CREATE INDEX "ix_offer_service" ON "offer"  ("service_code", "active") `);
    await queryRunner.query(`CREATE TABLE "contract" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "child_id" uuid NOT NULL, "provider_organisation_id" uuid NOT NULL, "offer_id" uuid, "service_code" character varying(40) NOT NULL, "basket_line_id" uuid, "unit_minutes" integer, "unit_price_cents" bigint NOT NULL, "units_per_month" integer NOT NULL, "delivery_mode" character varying(12) NOT NULL, "group_size" integer NOT NULL DEFAULT '1', "valid_from" date NOT NULL, "valid_to" date NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'proposed', "cancellation_notice_working_days" integer NOT NULL DEFAULT '2', "cancellation_fee_percent" integer NOT NULL DEFAULT '0', "value_cents" bigint NOT NULL DEFAULT '0', "committed_cents" bigint NOT NULL DEFAULT '0', "released_cents" bigint NOT NULL DEFAULT '0', "proposed_by_user_id" uuid NOT NULL, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "accepted_by_user_id" uuid, "accepted_at" TIMESTAMP WITH TIME ZONE, "approved_by_user_id" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "end_reason" character varying(60), "ended_by_user_id" uuid, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_17c3a89f58a2997276084e706e8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_contract_basket_line" ON "contract"  ("basket_line_id") `);
    await queryRunner.query(`CREATE INDEX "ix_contract_provider" ON "contract"  ("provider_organisation_id", "status") `);
    await queryRunner.query(`CREATE INDEX "ix_contract_child" ON "contract"  ("child_id", "status") `);
    await queryRunner.query(`CREATE TABLE "specialist" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid, "full_name" character varying(200) NOT NULL, "registration_number" character varying(40) NOT NULL, "qualifications" text array NOT NULL DEFAULT '{}', "languages" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_461a4a90df7daf980d8b79bc3ce" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_specialist_user" ON "specialist"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_specialist_registration_number" ON "specialist"  ("registration_number") `);
    await queryRunner.query(`CREATE TABLE "contract_specialist" ("contract_id" uuid NOT NULL, "specialist_id" uuid NOT NULL, CONSTRAINT "PK_931df142f7482c4b5dad829f844" PRIMARY KEY ("contract_id", "specialist_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_contract_specialist_specialist" ON "contract_specialist"  ("specialist_id") `);
    await queryRunner.query(`CREATE TABLE "provider_profile" ("organisation_id" uuid NOT NULL, "registration_number" character varying(40) NOT NULL, "kind" character varying(12) NOT NULL, "iban" character varying(34), "contact_email" character varying(254), "contact_phone" character varying(40), "locations" jsonb NOT NULL DEFAULT '[]', "languages" text array NOT NULL DEFAULT '{}', "description" text, "status" character varying(12) NOT NULL DEFAULT 'pending', "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by_user_id" uuid, "decision_note" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8a97986ed95e7e90360586ef76a" PRIMARY KEY ("organisation_id"))`);
    await queryRunner.query(`CREATE TABLE "provider_specialist" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "provider_organisation_id" uuid NOT NULL, "specialist_id" uuid NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_87feec33b9f75877398ba889291" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_provider_specialist_specialist" ON "provider_specialist"  ("specialist_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_provider_specialist" ON "provider_specialist"  ("provider_organisation_id", "specialist_id") `);
    await queryRunner.query(`ALTER TABLE "accreditation" ADD CONSTRAINT "FK_cb62fb8a47d2bfde9c06878e19c" FOREIGN KEY ("provider_organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "accreditation" ADD CONSTRAINT "FK_ab408e671036cfbb3749d58cfd9" FOREIGN KEY ("service_code") REFERENCES "catalogue_service"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "catalogue_price" ADD CONSTRAINT "FK_4a9dcd595e71dd510f77ce9ed2a" FOREIGN KEY ("service_code") REFERENCES "catalogue_service"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "offer" ADD CONSTRAINT "FK_ad216dd0f56f7388953259fac62" FOREIGN KEY ("provider_organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "offer" ADD CONSTRAINT "FK_86d568644da42eb19d1f5976e5c" FOREIGN KEY ("service_code") REFERENCES "catalogue_service"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contract" ADD CONSTRAINT "FK_1a7e93ade45678e06bd6c0d2141" FOREIGN KEY ("provider_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contract" ADD CONSTRAINT "FK_e6063afd733eb1fb677a315cded" FOREIGN KEY ("offer_id") REFERENCES "offer"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contract" ADD CONSTRAINT "FK_816e308d75f175e65e706c52a1c" FOREIGN KEY ("service_code") REFERENCES "catalogue_service"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "specialist" ADD CONSTRAINT "FK_073205877ece8b20e4b23e8ecf7" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contract_specialist" ADD CONSTRAINT "FK_215df1cb8366bbf8e4ed9b4b4ed" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contract_specialist" ADD CONSTRAINT "FK_a3391a81f2b2232c16b6ae1c80d" FOREIGN KEY ("specialist_id") REFERENCES "specialist"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "provider_profile" ADD CONSTRAINT "FK_8a97986ed95e7e90360586ef76a" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "provider_specialist" ADD CONSTRAINT "FK_6f76a38c55c78e17c52c07c771f" FOREIGN KEY ("provider_organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "provider_specialist" ADD CONSTRAINT "FK_12a99753c44570653bbbb4e828c" FOREIGN KEY ("specialist_id") REFERENCES "specialist"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    for (const s of SERVICES) {
      await queryRunner.query(
        `INSERT INTO "catalogue_service" ("code", "name_lv", "name_en", "category", "unit_kind", "unit_minutes", "delivery_mode", "qualification", "cancellation_claimable", "travel_claimable", "needs_quote", "min_age", "monthly_unit_cap", "carry_over_months", "excludes_relatives") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        s.slice(0, 15),
      );
      await queryRunner.query(`INSERT INTO "catalogue_price" ("service_code", "valid_from", "reference_price_cents", "max_price_cents") VALUES ($1, '2026-01-01', $2, $3)`, [s[0], s[15], s[16]]);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "provider_specialist" DROP CONSTRAINT "FK_12a99753c44570653bbbb4e828c"`);
    await queryRunner.query(`ALTER TABLE "provider_specialist" DROP CONSTRAINT "FK_6f76a38c55c78e17c52c07c771f"`);
    await queryRunner.query(`ALTER TABLE "provider_profile" DROP CONSTRAINT "FK_8a97986ed95e7e90360586ef76a"`);
    await queryRunner.query(`ALTER TABLE "contract_specialist" DROP CONSTRAINT "FK_a3391a81f2b2232c16b6ae1c80d"`);
    await queryRunner.query(`ALTER TABLE "contract_specialist" DROP CONSTRAINT "FK_215df1cb8366bbf8e4ed9b4b4ed"`);
    await queryRunner.query(`ALTER TABLE "specialist" DROP CONSTRAINT "FK_073205877ece8b20e4b23e8ecf7"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "FK_816e308d75f175e65e706c52a1c"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "FK_e6063afd733eb1fb677a315cded"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "FK_1a7e93ade45678e06bd6c0d2141"`);
    await queryRunner.query(`ALTER TABLE "offer" DROP CONSTRAINT "FK_86d568644da42eb19d1f5976e5c"`);
    await queryRunner.query(`ALTER TABLE "offer" DROP CONSTRAINT "FK_ad216dd0f56f7388953259fac62"`);
    await queryRunner.query(`ALTER TABLE "catalogue_price" DROP CONSTRAINT "FK_4a9dcd595e71dd510f77ce9ed2a"`);
    await queryRunner.query(`ALTER TABLE "accreditation" DROP CONSTRAINT "FK_ab408e671036cfbb3749d58cfd9"`);
    await queryRunner.query(`ALTER TABLE "accreditation" DROP CONSTRAINT "FK_cb62fb8a47d2bfde9c06878e19c"`);
    await queryRunner.query(`DROP INDEX "public"."uq_provider_specialist"`);
    await queryRunner.query(`DROP INDEX "public"."ix_provider_specialist_specialist"`);
    await queryRunner.query(`DROP TABLE "provider_specialist"`);
    await queryRunner.query(`DROP TABLE "provider_profile"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contract_specialist_specialist"`);
    await queryRunner.query(`DROP TABLE "contract_specialist"`);
    await queryRunner.query(`DROP INDEX "public"."uq_specialist_registration_number"`);
    await queryRunner.query(`DROP INDEX "public"."uq_specialist_user"`);
    await queryRunner.query(`DROP TABLE "specialist"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contract_child"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contract_provider"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contract_basket_line"`);
    await queryRunner.query(`DROP TABLE "contract"`);
    await queryRunner.query(`DROP INDEX "public"."ix_offer_service"`);
    await queryRunner.query(`DROP INDEX "public"."ix_offer_provider"`);
    await queryRunner.query(`DROP TABLE "offer"`);
    await queryRunner.query(`DROP INDEX "public"."uq_catalogue_price_service_from"`);
    await queryRunner.query(`DROP TABLE "catalogue_price"`);
    await queryRunner.query(`DROP INDEX "public"."ix_accreditation_provider_service"`);
    await queryRunner.query(`DROP TABLE "accreditation"`);
    await queryRunner.query(`DROP TABLE "catalogue_service"`);
  }
}
