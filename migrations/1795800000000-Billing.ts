import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Billing: runs, claim lines (one per billed visit, credits for visits rejected after billing),
 * invoices with a gap-free number per provider, payment batches per paying source and their payments,
 * the paying sources' treasury accounts, Stripe Connect accounts and processed Stripe events.
 * The ministries' and the demo municipalities' treasury accounts (State Treasury, TRELLV22) are seeded.
 */
export class Billing1795800000000 implements MigrationInterface {
  name = 'Billing1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "billing_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "month" character varying(7) NOT NULL, "municipality_code" character varying(40), "provider_organisation_id" uuid, "status" character varying(12) NOT NULL DEFAULT 'queued', "started_by_user_id" uuid, "providers_total" integer NOT NULL DEFAULT '0', "providers_done" integer NOT NULL DEFAULT '0', "lines_created" integer NOT NULL DEFAULT '0', "credits_created" integer NOT NULL DEFAULT '0', "visits_skipped" integer NOT NULL DEFAULT '0', "amount_cents" bigint NOT NULL DEFAULT '0', "attempts" integer NOT NULL DEFAULT '0', "last_error" character varying(500), "finished_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_dd6fbe278e6cf48844f112da0a2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_billing_run_month" ON "billing_run"  ("month", "created_at")`);
    await queryRunner.query(
      `CREATE TABLE "invoice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "provider_organisation_id" uuid NOT NULL, "month" character varying(7) NOT NULL, "run_id" uuid, "maker_user_id" uuid, "status" character varying(12) NOT NULL DEFAULT 'draft', "sequence" integer, "number" character varying(40), "total_cents" bigint NOT NULL DEFAULT '0', "line_count" integer NOT NULL DEFAULT '0', "issue_date" date, "due_date" date, "approved_by_user_id" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_15d25c200d9bcd8a33f698daf18" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_invoice_status" ON "invoice"  ("status", "month")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_invoice_draft_provider_month" ON "invoice"  ("provider_organisation_id", "month") WHERE status = 'draft'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_invoice_provider_number" ON "invoice"  ("provider_organisation_id", "sequence")`);
    await queryRunner.query(
      `CREATE TABLE "invoice_sequence" ("provider_organisation_id" uuid NOT NULL, "last_number" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_ef2b59d2e999b2e603d8a8f6b9c" PRIMARY KEY ("provider_organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "payment_batch" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "payer_key" character varying(60) NOT NULL, "funding_source" character varying(20) NOT NULL, "municipality_code" character varying(40), "rail" character varying(6) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'draft', "total_cents" bigint NOT NULL DEFAULT '0', "payment_count" integer NOT NULL DEFAULT '0', "execution_date" date NOT NULL, "created_by_user_id" uuid, "approved_by_user_id" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "settled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b770814cee021e59570c3e58094" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_payment_batch_payer" ON "payment_batch"  ("payer_key", "created_at")`);
    await queryRunner.query(
      `CREATE TABLE "payment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "batch_id" uuid NOT NULL, "provider_organisation_id" uuid NOT NULL, "amount_cents" bigint NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'pending', "creditor_iban" character varying(34), "stripe_transfer_id" character varying(100), "failure_reason" character varying(200), "paid_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fcaec7df5adf9cac408c686b2ab" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_payment_stripe_transfer" ON "payment"  ("stripe_transfer_id")`);
    await queryRunner.query(`CREATE INDEX "ix_payment_provider" ON "payment"  ("provider_organisation_id", "created_at")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_payment_batch_provider" ON "payment"  ("batch_id", "provider_organisation_id")`);
    await queryRunner.query(
      `CREATE TABLE "paying_account" ("payer_key" character varying(60) NOT NULL, "name" character varying(200) NOT NULL, "iban" character varying(34) NOT NULL, "bic" character varying(11) NOT NULL, CONSTRAINT "PK_e7e11fda5a1d19c1e7a23eb3efb" PRIMARY KEY ("payer_key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "stripe_account" ("provider_organisation_id" uuid NOT NULL, "account_id" character varying(100) NOT NULL, "payouts_enabled" boolean NOT NULL DEFAULT false, "details_submitted" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ceb29a7ac5583d313bd71f60d59" PRIMARY KEY ("provider_organisation_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_stripe_account_account" ON "stripe_account"  ("account_id")`);
    await queryRunner.query(
      `CREATE TABLE "stripe_event" ("id" character varying(100) NOT NULL, "type" character varying(60) NOT NULL, "outcome" character varying(20) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7a91ab435defe9ce0ee6fb6f7f7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "claim_line" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(6) NOT NULL, "visit_id" uuid NOT NULL, "credits_line_id" uuid, "run_id" uuid, "contract_id" uuid NOT NULL, "child_id" uuid NOT NULL, "provider_organisation_id" uuid NOT NULL, "basket_line_id" uuid NOT NULL, "funding_source" character varying(20) NOT NULL, "payer_key" character varying(60) NOT NULL, "service_code" character varying(40) NOT NULL, "service_date" date NOT NULL, "unit_kind" character varying(10) NOT NULL, "unit_minutes" integer NOT NULL, "unit_price_cents" bigint NOT NULL, "verified_minutes" integer NOT NULL, "billed_minutes" integer NOT NULL, "quantity_milli" integer NOT NULL, "participants" integer NOT NULL DEFAULT '1', "amount_cents" bigint NOT NULL, "invoice_id" uuid, "payment_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e151a204987b27fd0e1cbb63bc0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_claim_line_child" ON "claim_line"  ("child_id")`);
    await queryRunner.query(`CREATE INDEX "ix_claim_line_payer" ON "claim_line"  ("payer_key", "provider_organisation_id")`);
    await queryRunner.query(`CREATE INDEX "ix_claim_line_payment" ON "claim_line"  ("payment_id")`);
    await queryRunner.query(`CREATE INDEX "ix_claim_line_invoice" ON "claim_line"  ("invoice_id")`);
    await queryRunner.query(`CREATE INDEX "ix_claim_line_provider_date" ON "claim_line"  ("provider_organisation_id", "service_date")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_claim_line_visit_kind" ON "claim_line"  ("visit_id", "kind")`);
    await queryRunner.query(
      `ALTER TABLE "billing_run" ADD CONSTRAINT "FK_c95981d9f420b16163ce15ca4b2" FOREIGN KEY ("provider_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoice" ADD CONSTRAINT "FK_bc0e7b564e7eb16f54d1d52ccb1" FOREIGN KEY ("provider_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoice_sequence" ADD CONSTRAINT "FK_ef2b59d2e999b2e603d8a8f6b9c" FOREIGN KEY ("provider_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payment" ADD CONSTRAINT "FK_b770814cee021e59570c3e58094" FOREIGN KEY ("batch_id") REFERENCES "payment_batch"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payment" ADD CONSTRAINT "FK_9b649bda8114327815c6db4ab73" FOREIGN KEY ("provider_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stripe_account" ADD CONSTRAINT "FK_ceb29a7ac5583d313bd71f60d59" FOREIGN KEY ("provider_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_line" ADD CONSTRAINT "FK_391856fe18fa64fbf4a20fdc640" FOREIGN KEY ("credits_line_id") REFERENCES "claim_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_line" ADD CONSTRAINT "FK_302d45a8613d10e3f9bca998476" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_line" ADD CONSTRAINT "FK_6f880832e3f217724c2d41ea9b3" FOREIGN KEY ("provider_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_line" ADD CONSTRAINT "FK_d7f694a2ac3acaf825c35871e1e" FOREIGN KEY ("basket_line_id") REFERENCES "basket_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_line" ADD CONSTRAINT "FK_b3eacf67f2b7708b0a84cdca084" FOREIGN KEY ("invoice_id") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_line" ADD CONSTRAINT "FK_cfd1ff7db4d1fc4039bddfaad57" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO "paying_account" ("payer_key", "name", "iban", "bic") VALUES ('LM', 'Labklājības ministrija', 'LV75TREL2190452010000', 'TRELLV22'), ('VM', 'Veselības ministrija', 'LV67TREL2160452010000', 'TRELLV22'), ('IZM', 'Izglītības un zinātnes ministrija', 'LV32TREL2150452010000', 'TRELLV22'), ('EU', 'ESF+ projekts "Līdz.Vērtīgs"', 'LV26TREL2190452020000', 'TRELLV22'), ('MUNICIPALITY:RIGA', 'Rīgas valstspilsētas pašvaldība', 'LV56TREL9800000000001', 'TRELLV22'), ('MUNICIPALITY:VALMIERA', 'Valmieras novada pašvaldība', 'LV29TREL9800000000002', 'TRELLV22')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "claim_line" DROP CONSTRAINT "FK_cfd1ff7db4d1fc4039bddfaad57"`);
    await queryRunner.query(`ALTER TABLE "claim_line" DROP CONSTRAINT "FK_b3eacf67f2b7708b0a84cdca084"`);
    await queryRunner.query(`ALTER TABLE "claim_line" DROP CONSTRAINT "FK_d7f694a2ac3acaf825c35871e1e"`);
    await queryRunner.query(`ALTER TABLE "claim_line" DROP CONSTRAINT "FK_6f880832e3f217724c2d41ea9b3"`);
    await queryRunner.query(`ALTER TABLE "claim_line" DROP CONSTRAINT "FK_302d45a8613d10e3f9bca998476"`);
    await queryRunner.query(`ALTER TABLE "claim_line" DROP CONSTRAINT "FK_391856fe18fa64fbf4a20fdc640"`);
    await queryRunner.query(`ALTER TABLE "stripe_account" DROP CONSTRAINT "FK_ceb29a7ac5583d313bd71f60d59"`);
    await queryRunner.query(`ALTER TABLE "payment" DROP CONSTRAINT "FK_9b649bda8114327815c6db4ab73"`);
    await queryRunner.query(`ALTER TABLE "payment" DROP CONSTRAINT "FK_b770814cee021e59570c3e58094"`);
    await queryRunner.query(`ALTER TABLE "invoice_sequence" DROP CONSTRAINT "FK_ef2b59d2e999b2e603d8a8f6b9c"`);
    await queryRunner.query(`ALTER TABLE "invoice" DROP CONSTRAINT "FK_bc0e7b564e7eb16f54d1d52ccb1"`);
    await queryRunner.query(`ALTER TABLE "billing_run" DROP CONSTRAINT "FK_c95981d9f420b16163ce15ca4b2"`);
    await queryRunner.query(`DROP INDEX "public"."uq_claim_line_visit_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_claim_line_provider_date"`);
    await queryRunner.query(`DROP INDEX "public"."ix_claim_line_invoice"`);
    await queryRunner.query(`DROP INDEX "public"."ix_claim_line_payment"`);
    await queryRunner.query(`DROP INDEX "public"."ix_claim_line_payer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_claim_line_child"`);
    await queryRunner.query(`DROP TABLE "claim_line"`);
    await queryRunner.query(`DROP TABLE "stripe_event"`);
    await queryRunner.query(`DROP INDEX "public"."uq_stripe_account_account"`);
    await queryRunner.query(`DROP TABLE "stripe_account"`);
    await queryRunner.query(`DROP TABLE "paying_account"`);
    await queryRunner.query(`DROP INDEX "public"."uq_payment_batch_provider"`);
    await queryRunner.query(`DROP INDEX "public"."ix_payment_provider"`);
    await queryRunner.query(`DROP INDEX "public"."uq_payment_stripe_transfer"`);
    await queryRunner.query(`DROP TABLE "payment"`);
    await queryRunner.query(`DROP INDEX "public"."ix_payment_batch_payer"`);
    await queryRunner.query(`DROP TABLE "payment_batch"`);
    await queryRunner.query(`DROP TABLE "invoice_sequence"`);
    await queryRunner.query(`DROP INDEX "public"."uq_invoice_provider_number"`);
    await queryRunner.query(`DROP INDEX "public"."uq_invoice_draft_provider_month"`);
    await queryRunner.query(`DROP INDEX "public"."ix_invoice_status"`);
    await queryRunner.query(`DROP TABLE "invoice"`);
    await queryRunner.query(`DROP INDEX "public"."ix_billing_run_month"`);
    await queryRunner.query(`DROP TABLE "billing_run"`);
  }
}
