import { MigrationInterface, QueryRunner } from 'typeorm';

/** The reports' rollups: basket line × month money flows and visit counts, and provider × month visit counts. */
export class ReportRollups1796000000000 implements MigrationInterface {
  name = 'ReportRollups1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "report_line_month" ("basket_line_id" uuid NOT NULL, "month" date NOT NULL, "child_id" uuid NOT NULL, "municipality_code" character varying(40) NOT NULL, "funding_source" character varying(20) NOT NULL, "category" character varying(30) NOT NULL, "allocated_cents" bigint NOT NULL DEFAULT '0', "committed_cents" bigint NOT NULL DEFAULT '0', "spent_cents" bigint NOT NULL DEFAULT '0', "verified_visits" integer NOT NULL DEFAULT '0', "exception_visits" integer NOT NULL DEFAULT '0', "first_verified_at" TIMESTAMP WITH TIME ZONE, "refreshed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_47235eb86622b51b8eef7c793d2" PRIMARY KEY ("basket_line_id", "month"))`);
    await queryRunner.query(`CREATE INDEX "ix_report_line_month_child" ON "report_line_month"  ("child_id", "month") `);
    await queryRunner.query(`CREATE INDEX "ix_report_line_month_month" ON "report_line_month"  ("month", "municipality_code") `);
    await queryRunner.query(`CREATE TABLE "report_provider_month" ("provider_organisation_id" uuid NOT NULL, "month" date NOT NULL, "visits" integer NOT NULL DEFAULT '0', "verified_visits" integer NOT NULL DEFAULT '0', "rejected_visits" integer NOT NULL DEFAULT '0', "exception_visits" integer NOT NULL DEFAULT '0', "manual_visits" integer NOT NULL DEFAULT '0', "scanned_visits" integer NOT NULL DEFAULT '0', "reason_counts" jsonb NOT NULL DEFAULT '{}', "refreshed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a95bc57dc4ec971dd23c0e18db" PRIMARY KEY ("provider_organisation_id", "month"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "report_provider_month"`);
    await queryRunner.query(`DROP INDEX "public"."ix_report_line_month_month"`);
    await queryRunner.query(`DROP INDEX "public"."ix_report_line_month_child"`);
    await queryRunner.query(`DROP TABLE "report_line_month"`);
  }
}
