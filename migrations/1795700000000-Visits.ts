import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Visits: child cards, family devices for the rotating QR, scans, visits and their exceptions.
 * Child, contract and specialist ids are plain uuids here (no cross-context foreign keys), so this
 * context's schema does not depend on the order other contexts' migrations land in.
 */
export class Visits1795700000000 implements MigrationInterface {
  name = 'Visits1795700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "card" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "child_id" uuid NOT NULL, "number" character varying(12) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'active', "replaces_card_id" uuid, "issued_by_user_id" uuid, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status_changed_at" TIMESTAMP WITH TIME ZONE, "status_reason" character varying(40), CONSTRAINT "PK_9451069b6f1199730791a7f4ae4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_card_child" ON "card"  ("child_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_card_number" ON "card"  ("number")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_card_child_active" ON "card"  ("child_id") WHERE status = 'active'`);
    await queryRunner.query(`CREATE TABLE "family_device" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "child_id" uuid NOT NULL, "user_id" uuid NOT NULL, "label" character varying(100) NOT NULL, "secret" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_098f4c08e036e08be31f75736d8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_family_device_child" ON "family_device"  ("child_id")`);
    await queryRunner.query(`CREATE INDEX "ix_family_device_user" ON "family_device"  ("user_id")`);
    await queryRunner.query(`CREATE TABLE "scan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_scan_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "method" character varying(10) NOT NULL, "actor_user_id" uuid NOT NULL, "specialist_id" uuid, "provider_organisation_id" uuid, "contract_id" uuid, "card_id" uuid, "child_id" uuid, "token_step" integer, "token_first_use" boolean NOT NULL DEFAULT false, "verdict" character varying(14) NOT NULL, "scanned_at" TIMESTAMP WITH TIME ZONE NOT NULL, "effective_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "location" jsonb, "visit_id" uuid, "result" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_9868a638d0569ba3fe3bddcef84" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_scan_client_scan_id" ON "scan"  ("client_scan_id")`);
    await queryRunner.query(`CREATE INDEX "ix_scan_visit" ON "scan"  ("visit_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_scan_token" ON "scan"  ("card_id", "token_step") WHERE token_first_use`);
    await queryRunner.query(`CREATE TABLE "visit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "child_id" uuid NOT NULL, "specialist_id" uuid NOT NULL, "provider_organisation_id" uuid NOT NULL, "service_code" character varying(40) NOT NULL, "check_in_at" TIMESTAMP WITH TIME ZONE, "check_out_at" TIMESTAMP WITH TIME ZONE, "check_in_scan_id" uuid, "check_out_scan_id" uuid, "duration_minutes" integer, "billable_minutes" integer NOT NULL DEFAULT '0', "price_cents" bigint NOT NULL DEFAULT '0', "status" character varying(12) NOT NULL DEFAULT 'open', "method" character varying(10) NOT NULL, "group_session_id" uuid, "group_size" integer NOT NULL DEFAULT '1', "manual" boolean NOT NULL DEFAULT false, "manual_reason" character varying(30), "manual_note" text, "scan_reasons" text array NOT NULL DEFAULT '{}', "forged" boolean NOT NULL DEFAULT false, "card_blocked" boolean NOT NULL DEFAULT false, "reasons" text array NOT NULL DEFAULT '{}', "overlapping_visit_ids" uuid array NOT NULL DEFAULT '{}', "resolution" character varying(20), "confirmed_at" TIMESTAMP WITH TIME ZONE, "disputed_at" TIMESTAMP WITH TIME ZONE, "dispute_note" text, "billed" boolean NOT NULL DEFAULT false, "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c9919ef5a07627657c535d8eb88" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_visit_status" ON "visit"  ("status")`);
    await queryRunner.query(`CREATE INDEX "ix_visit_provider_time" ON "visit"  ("provider_organisation_id", "check_in_at")`);
    await queryRunner.query(`CREATE INDEX "ix_visit_child_time" ON "visit"  ("child_id", "check_in_at")`);
    await queryRunner.query(`CREATE INDEX "ix_visit_contract_time" ON "visit"  ("contract_id", "check_in_at")`);
    await queryRunner.query(`CREATE INDEX "ix_visit_specialist_time" ON "visit"  ("specialist_id", "check_in_at")`);
    await queryRunner.query(`CREATE TABLE "visit_exception" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "visit_id" uuid NOT NULL, "child_id" uuid NOT NULL, "provider_organisation_id" uuid NOT NULL, "reason_code" character varying(40) NOT NULL, "reason_codes" text array NOT NULL DEFAULT '{}', "status" character varying(10) NOT NULL DEFAULT 'open', "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "resolution_action" character varying(20), "resolution_code" character varying(40), "note" text, "adjusted_minutes" integer, "decided_by_user_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c130c397288a740fdc83a886c2a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_visit_exception_visit" ON "visit_exception"  ("visit_id")`);
    await queryRunner.query(`CREATE INDEX "ix_visit_exception_status" ON "visit_exception"  ("status")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_visit_exception_open" ON "visit_exception"  ("visit_id") WHERE status = 'open'`);
    await queryRunner.query(`ALTER TABLE "card" ADD CONSTRAINT "FK_865746b2c28135dd6ea279783db" FOREIGN KEY ("replaces_card_id") REFERENCES "card"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "family_device" ADD CONSTRAINT "FK_e80b4fbe259bee34afb374b0f27" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "visit_exception" ADD CONSTRAINT "FK_0c8dc4f5465b49263f35928da08" FOREIGN KEY ("visit_id") REFERENCES "visit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "visit_exception" DROP CONSTRAINT "FK_0c8dc4f5465b49263f35928da08"`);
    await queryRunner.query(`ALTER TABLE "family_device" DROP CONSTRAINT "FK_e80b4fbe259bee34afb374b0f27"`);
    await queryRunner.query(`ALTER TABLE "card" DROP CONSTRAINT "FK_865746b2c28135dd6ea279783db"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visit_exception_visit"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visit_exception_status"`);
    await queryRunner.query(`DROP INDEX "public"."uq_visit_exception_open"`);
    await queryRunner.query(`DROP TABLE "visit_exception"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visit_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visit_provider_time"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visit_child_time"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visit_contract_time"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visit_specialist_time"`);
    await queryRunner.query(`DROP TABLE "visit"`);
    await queryRunner.query(`DROP INDEX "public"."uq_scan_client_scan_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_scan_visit"`);
    await queryRunner.query(`DROP INDEX "public"."uq_scan_token"`);
    await queryRunner.query(`DROP TABLE "scan"`);
    await queryRunner.query(`DROP INDEX "public"."ix_family_device_child"`);
    await queryRunner.query(`DROP INDEX "public"."ix_family_device_user"`);
    await queryRunner.query(`DROP TABLE "family_device"`);
    await queryRunner.query(`DROP INDEX "public"."ix_card_child"`);
    await queryRunner.query(`DROP INDEX "public"."uq_card_number"`);
    await queryRunner.query(`DROP INDEX "public"."uq_card_child_active"`);
    await queryRunner.query(`DROP TABLE "card"`);
  }
}
