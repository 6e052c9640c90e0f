import { MigrationInterface, QueryRunner } from 'typeorm';

/** Funding baskets, their versions and lines, the append-only ledger, funding rules and the allocation table. */
export class Baskets1795500000000 implements MigrationInterface {
  name = 'Baskets1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "allocation_rule" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "domain" character varying(40) NOT NULL, "min_level" smallint NOT NULL, "service_code" character varying(40) NOT NULL, "units_per_month" integer NOT NULL, "valid_from" date NOT NULL, "valid_to" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c06074a9fddb1c0396bf3dbebb8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_allocation_rule" ON "allocation_rule"  ("domain", "min_level", "service_code", "valid_from")`);
    await queryRunner.query(`CREATE TABLE "basket" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "child_id" uuid NOT NULL, "case_id" uuid, "municipality_code" character varying(20) NOT NULL, "assessment_id" uuid, "support_plan_id" uuid, "version" integer NOT NULL DEFAULT '1', "status" character varying(20) NOT NULL DEFAULT 'draft', "period_start" date NOT NULL, "period_end" date NOT NULL, "indicative_cents" bigint NOT NULL DEFAULT '0', "return_comment" text, "created_by_user_id" uuid NOT NULL, "approved_by_user_id" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_895e6f44b73a72425e434a614cc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_basket_municipality_status" ON "basket"  ("municipality_code", "status")`);
    await queryRunner.query(`CREATE INDEX "ix_basket_child" ON "basket"  ("child_id", "period_start")`);
    await queryRunner.query(`CREATE TABLE "basket_line" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "basket_id" uuid NOT NULL, "child_id" uuid NOT NULL, "category" character varying(30) NOT NULL, "funding_source" character varying(20) NOT NULL, "allocated_cents" bigint NOT NULL DEFAULT '0', "planned_cents" bigint NOT NULL DEFAULT '0', "indicative_cents" bigint NOT NULL DEFAULT '0', "reason" text, "transferable" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_611695c4d4ee37e9bef7c79b71e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_basket_line_child" ON "basket_line"  ("child_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_basket_line_category_source" ON "basket_line"  ("basket_id", "category", "funding_source")`);
    await queryRunner.query(`CREATE TABLE "basket_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "basket_id" uuid NOT NULL, "version" integer NOT NULL, "status" character varying(20) NOT NULL, "lines" jsonb NOT NULL DEFAULT '[]', "total_cents" bigint NOT NULL DEFAULT '0', "submitted_by_user_id" uuid, "submitted_at" TIMESTAMP WITH TIME ZONE, "decided_by_user_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "comment" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a16f1ef41214d9139b278c96db2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_basket_version" ON "basket_version"  ("basket_id", "version")`);
    await queryRunner.query(`CREATE TABLE "funding_rule" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "category" character varying(30) NOT NULL, "funding_source" character varying(20) NOT NULL, "share_percent" integer NOT NULL DEFAULT '100', "transferable" boolean NOT NULL DEFAULT false, "valid_from" date NOT NULL, "valid_to" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_479624c35b6a3a5f8c9eb98d405" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_funding_rule" ON "funding_rule"  ("category", "funding_source", "valid_from")`);
    await queryRunner.query(`CREATE TABLE "ledger_movement" ("id" BIGSERIAL NOT NULL, "basket_line_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "amount_cents" bigint NOT NULL, "ref_type" character varying(40) NOT NULL, "ref_id" character varying(64) NOT NULL, "actor_user_id" uuid, "reason" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dfa5487a219355b226b1baa698a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_ledger_movement_ref" ON "ledger_movement"  ("ref_type", "ref_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_ledger_movement_ref" ON "ledger_movement"  ("basket_line_id", "ref_type", "ref_id", "kind")`);
    await queryRunner.query(`ALTER TABLE "basket_line" ADD CONSTRAINT "FK_6fd7bb2472f9eebfd9ce399966c" FOREIGN KEY ("basket_id") REFERENCES "basket"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "basket_version" ADD CONSTRAINT "FK_436bbc87529e15de1c62915be2a" FOREIGN KEY ("basket_id") REFERENCES "basket"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ledger_movement" ADD CONSTRAINT "FK_5368321c7998b5d0912f69293e6" FOREIGN KEY ("basket_line_id") REFERENCES "basket_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Ledger rows are append-only: a correction is a new movement, never an edit.
    await queryRunner.query(`CREATE FUNCTION ledger_movement_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'ledger_movement is append-only'; END $$`);
    await queryRunner.query(`CREATE TRIGGER ledger_movement_no_change BEFORE UPDATE OR DELETE ON "ledger_movement" FOR EACH ROW EXECUTE FUNCTION ledger_movement_append_only()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER ledger_movement_no_change ON "ledger_movement"`);
    await queryRunner.query(`DROP FUNCTION ledger_movement_append_only()`);
    await queryRunner.query(`ALTER TABLE "ledger_movement" DROP CONSTRAINT "FK_5368321c7998b5d0912f69293e6"`);
    await queryRunner.query(`ALTER TABLE "basket_version" DROP CONSTRAINT "FK_436bbc87529e15de1c62915be2a"`);
    await queryRunner.query(`ALTER TABLE "basket_line" DROP CONSTRAINT "FK_6fd7bb2472f9eebfd9ce399966c"`);
    await queryRunner.query(`DROP INDEX "public"."uq_ledger_movement_ref"`);
    await queryRunner.query(`DROP INDEX "public"."ix_ledger_movement_ref"`);
    await queryRunner.query(`DROP TABLE "ledger_movement"`);
    await queryRunner.query(`DROP INDEX "public"."uq_funding_rule"`);
    await queryRunner.query(`DROP TABLE "funding_rule"`);
    await queryRunner.query(`DROP INDEX "public"."uq_basket_version"`);
    await queryRunner.query(`DROP TABLE "basket_version"`);
    await queryRunner.query(`DROP INDEX "public"."uq_basket_line_category_source"`);
    await queryRunner.query(`DROP INDEX "public"."ix_basket_line_child"`);
    await queryRunner.query(`DROP TABLE "basket_line"`);
    await queryRunner.query(`DROP INDEX "public"."ix_basket_child"`);
    await queryRunner.query(`DROP INDEX "public"."ix_basket_municipality_status"`);
    await queryRunner.query(`DROP TABLE "basket"`);
    await queryRunner.query(`DROP INDEX "public"."uq_allocation_rule"`);
    await queryRunner.query(`DROP TABLE "allocation_rule"`);
  }
}
