import { MigrationInterface, QueryRunner } from 'typeorm';

/** Children, representatives, consents, disability decisions and their imports, cases and caseloads; the 43 municipalities as reference data. */
export class ChildrenAndCases1795400000000 implements MigrationInterface {
  name = 'ChildrenAndCases1795400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "municipality" ("code" character varying(40) NOT NULL, "name_lv" character varying(100) NOT NULL, "name_en" character varying(100) NOT NULL, CONSTRAINT "PK_f01eb47e7b81481ca5a146a786d" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE TABLE "child" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "personal_code" character varying(12) NOT NULL, "first_name" character varying(100) NOT NULL, "last_name" character varying(100) NOT NULL, "birth_date" date NOT NULL, "municipality_code" character varying(40) NOT NULL, "languages" text array NOT NULL, "household_organisation_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4609b9b323ca37c6bc435ec4b6b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_child_personal_code" ON "child"  ("personal_code") `);
    await queryRunner.query(`CREATE INDEX "ix_child_municipality" ON "child"  ("municipality_code") `);
    await queryRunner.query(`CREATE INDEX "ix_child_household" ON "child"  ("household_organisation_id") `);
    await queryRunner.query(`CREATE TABLE "child_representative" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "child_id" uuid NOT NULL, "user_id" uuid, "full_name" character varying(200) NOT NULL, "relation" character varying(20) NOT NULL, "phone" character varying(40), "email" character varying(254), "adult_access_granted_at" TIMESTAMP WITH TIME ZONE, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a266b8c469b80dd1be128b63c0a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_child_representative_child" ON "child_representative"  ("child_id") `);
    await queryRunner.query(`CREATE INDEX "ix_child_representative_user" ON "child_representative"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "consent" ("id" BIGSERIAL NOT NULL, "child_id" uuid NOT NULL, "purpose" character varying(40) NOT NULL, "granted" boolean NOT NULL, "given_by_user_id" uuid, "given_by_name" character varying(200), "source" character varying(20) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9115e8d6b082d4fc46d56134d29" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_consent_child_purpose" ON "consent"  ("child_id", "purpose", "id") `);
    await queryRunner.query(`CREATE TABLE "decision_import" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "status" character varying(20) NOT NULL DEFAULT 'queued', "source" character varying(10) NOT NULL, "file_name" character varying(200), "rows" jsonb NOT NULL, "total_rows" integer NOT NULL, "processed_rows" integer NOT NULL DEFAULT '0', "imported_rows" integer NOT NULL DEFAULT '0', "unchanged_rows" integer NOT NULL DEFAULT '0', "error_rows" integer NOT NULL DEFAULT '0', "errors" jsonb NOT NULL DEFAULT '[]', "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a99844aa98f3b188364bcbe3444" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "disability_decision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(40) NOT NULL, "child_id" uuid NOT NULL, "decision_date" date NOT NULL, "kind" character varying(10) NOT NULL, "special_care" boolean NOT NULL, "valid_from" date NOT NULL, "valid_to" date, "consent_to_contact" boolean NOT NULL, "import_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0dc5c2948c647ee81f0c2381bfc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_disability_decision_number" ON "disability_decision"  ("number") `);
    await queryRunner.query(`CREATE INDEX "ix_disability_decision_child" ON "disability_decision"  ("child_id") `);
    await queryRunner.query(`CREATE TABLE "child_case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "child_id" uuid NOT NULL, "municipality_code" character varying(40) NOT NULL, "case_manager_user_id" uuid, "status" character varying(20) NOT NULL, "decision_id" uuid, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "first_contact_deadline" date, "first_contact_at" date, "first_contact_channel" character varying(10), "first_contact_outcome" character varying(500), "reminder_sent_at" TIMESTAMP WITH TIME ZONE, "overdue_alerted_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_680fa6f8c60b1da761cd99861df" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_child_case_municipality" ON "child_case"  ("municipality_code", "status") `);
    await queryRunner.query(`CREATE INDEX "ix_child_case_manager" ON "child_case"  ("case_manager_user_id", "status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_child_case_active" ON "child_case"  ("child_id") WHERE status <> 'closed'`);
    await queryRunner.query(`CREATE TABLE "case_assignment" ("id" BIGSERIAL NOT NULL, "case_id" uuid NOT NULL, "case_manager_user_id" uuid, "assigned_by_user_id" uuid, "reason" character varying(40) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_23dbc3b5ef530451316d063247b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_case_assignment_case" ON "case_assignment"  ("case_id") `);
    await queryRunner.query(`CREATE TABLE "case_deputy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_manager_user_id" uuid NOT NULL, "deputy_user_id" uuid NOT NULL, "valid_from" date NOT NULL, "valid_to" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_25e00413bad167cd208324ee91b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_case_deputy_manager" ON "case_deputy"  ("case_manager_user_id") `);
    await queryRunner.query(`CREATE INDEX "ix_case_deputy_deputy" ON "case_deputy"  ("deputy_user_id") `);
    await queryRunner.query(`CREATE TABLE "case_manager_setting" ("user_id" uuid NOT NULL, "caseload_limit" integer NOT NULL DEFAULT '20', CONSTRAINT "PK_92c3d63c57b7f69f4294a793130" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE TABLE "case_review" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "child_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "due_date" date NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'open', "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_413b3833522b8e3437eb304b16f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_case_review_case" ON "case_review"  ("case_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_case_review_child_kind" ON "case_review"  ("child_id", "kind") `);
    await queryRunner.query(`ALTER TABLE "child" ADD CONSTRAINT "FK_83e4518e5d98af23f3f66c05d69" FOREIGN KEY ("municipality_code") REFERENCES "municipality"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "child" ADD CONSTRAINT "FK_8c2e17bd38d1a82f7c5c1d4ed20" FOREIGN KEY ("household_organisation_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "child_representative" ADD CONSTRAINT "FK_e6fb59123352c7f6548069c5660" FOREIGN KEY ("child_id") REFERENCES "child"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "child_representative" ADD CONSTRAINT "FK_749247b7dd389f4007d93dc48d7" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "consent" ADD CONSTRAINT "FK_4775fcf3c1f2e1a6d30a5526618" FOREIGN KEY ("child_id") REFERENCES "child"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "disability_decision" ADD CONSTRAINT "FK_1517184113c918f4944300d81d3" FOREIGN KEY ("child_id") REFERENCES "child"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "child_case" ADD CONSTRAINT "FK_8a9b73c8b4820a3494b1a3357f0" FOREIGN KEY ("child_id") REFERENCES "child"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "child_case" ADD CONSTRAINT "FK_8d3087d290bfb1616de1f7bcd1a" FOREIGN KEY ("municipality_code") REFERENCES "municipality"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "child_case" ADD CONSTRAINT "FK_7815cbbc7aba65944164bd4d026" FOREIGN KEY ("case_manager_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "child_case" ADD CONSTRAINT "FK_9cee9c0f34b0bdca64152dad3a7" FOREIGN KEY ("decision_id") REFERENCES "disability_decision"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_assignment" ADD CONSTRAINT "FK_43030e3df98716c1cdc425b09e9" FOREIGN KEY ("case_id") REFERENCES "child_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_deputy" ADD CONSTRAINT "FK_09bda76f1efbceb2437ca3a0dcd" FOREIGN KEY ("case_manager_user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_deputy" ADD CONSTRAINT "FK_d373e65b8672d9b3ce058ae76ca" FOREIGN KEY ("deputy_user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_manager_setting" ADD CONSTRAINT "FK_92c3d63c57b7f69f4294a793130" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "case_review" ADD CONSTRAINT "FK_11b2e6ce73d5a05a0e82f07898c" FOREIGN KEY ("case_id") REFERENCES "child_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Latvia's 43 municipalities (7 state cities and 36 counties, administrative-territorial reform of 2021)
    await queryRunner.query(`INSERT INTO "municipality" ("code", "name_lv", "name_en") VALUES
      ('RIGA', 'Rīgas valstspilsēta', 'Riga State City'),
      ('DAUGAVPILS', 'Daugavpils valstspilsēta', 'Daugavpils State City'),
      ('JELGAVA', 'Jelgavas valstspilsēta', 'Jelgava State City'),
      ('JURMALA', 'Jūrmalas valstspilsēta', 'Jūrmala State City'),
      ('LIEPAJA', 'Liepājas valstspilsēta', 'Liepāja State City'),
      ('REZEKNE', 'Rēzeknes valstspilsēta', 'Rēzekne State City'),
      ('VENTSPILS', 'Ventspils valstspilsēta', 'Ventspils State City'),
      ('AIZKRAUKLE', 'Aizkraukles novads', 'Aizkraukle Municipality'),
      ('ALUKSNE', 'Alūksnes novads', 'Alūksne Municipality'),
      ('AUGSDAUGAVA', 'Augšdaugavas novads', 'Augšdaugava Municipality'),
      ('ADAZI', 'Ādažu novads', 'Ādaži Municipality'),
      ('BALVI', 'Balvu novads', 'Balvi Municipality'),
      ('BAUSKA', 'Bauskas novads', 'Bauska Municipality'),
      ('CESIS', 'Cēsu novads', 'Cēsis Municipality'),
      ('DIENVIDKURZEME', 'Dienvidkurzemes novads', 'South Kurzeme Municipality'),
      ('DOBELE', 'Dobeles novads', 'Dobele Municipality'),
      ('GULBENE', 'Gulbenes novads', 'Gulbene Municipality'),
      ('JELGAVA_NOVADS', 'Jelgavas novads', 'Jelgava Municipality'),
      ('JEKABPILS', 'Jēkabpils novads', 'Jēkabpils Municipality'),
      ('KRASLAVA', 'Krāslavas novads', 'Krāslava Municipality'),
      ('KULDIGA', 'Kuldīgas novads', 'Kuldīga Municipality'),
      ('KEKAVA', 'Ķekavas novads', 'Ķekava Municipality'),
      ('LIMBAZI', 'Limbažu novads', 'Limbaži Municipality'),
      ('LIVANI', 'Līvānu novads', 'Līvāni Municipality'),
      ('LUDZA', 'Ludzas novads', 'Ludza Municipality'),
      ('MADONA', 'Madonas novads', 'Madona Municipality'),
      ('MARUPE', 'Mārupes novads', 'Mārupe Municipality'),
      ('OGRE', 'Ogres novads', 'Ogre Municipality'),
      ('OLAINE', 'Olaines novads', 'Olaine Municipality'),
      ('PREILI', 'Preiļu novads', 'Preiļi Municipality'),
      ('REZEKNE_NOVADS', 'Rēzeknes novads', 'Rēzekne Municipality'),
      ('ROPAZI', 'Ropažu novads', 'Ropaži Municipality'),
      ('SALASPILS', 'Salaspils novads', 'Salaspils Municipality'),
      ('SALDUS', 'Saldus novads', 'Saldus Municipality'),
      ('SAULKRASTI', 'Saulkrastu novads', 'Saulkrasti Municipality'),
      ('SIGULDA', 'Siguldas novads', 'Sigulda Municipality'),
      ('SMILTENE', 'Smiltenes novads', 'Smiltene Municipality'),
      ('TALSI', 'Talsu novads', 'Talsi Municipality'),
      ('TUKUMS', 'Tukuma novads', 'Tukums Municipality'),
      ('VALKA', 'Valkas novads', 'Valka Municipality'),
      ('VALMIERA', 'Valmieras novads', 'Valmiera Municipality'),
      ('VARAKLANI', 'Varakļānu novads', 'Varakļāni Municipality'),
      ('VENTSPILS_NOVADS', 'Ventspils novads', 'Ventspils Municipality')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_review" DROP CONSTRAINT "FK_11b2e6ce73d5a05a0e82f07898c"`);
    await queryRunner.query(`ALTER TABLE "case_manager_setting" DROP CONSTRAINT "FK_92c3d63c57b7f69f4294a793130"`);
    await queryRunner.query(`ALTER TABLE "case_deputy" DROP CONSTRAINT "FK_d373e65b8672d9b3ce058ae76ca"`);
    await queryRunner.query(`ALTER TABLE "case_deputy" DROP CONSTRAINT "FK_09bda76f1efbceb2437ca3a0dcd"`);
    await queryRunner.query(`ALTER TABLE "case_assignment" DROP CONSTRAINT "FK_43030e3df98716c1cdc425b09e9"`);
    await queryRunner.query(`ALTER TABLE "child_case" DROP CONSTRAINT "FK_9cee9c0f34b0bdca64152dad3a7"`);
    await queryRunner.query(`ALTER TABLE "child_case" DROP CONSTRAINT "FK_7815cbbc7aba65944164bd4d026"`);
    await queryRunner.query(`ALTER TABLE "child_case" DROP CONSTRAINT "FK_8d3087d290bfb1616de1f7bcd1a"`);
    await queryRunner.query(`ALTER TABLE "child_case" DROP CONSTRAINT "FK_8a9b73c8b4820a3494b1a3357f0"`);
    await queryRunner.query(`ALTER TABLE "disability_decision" DROP CONSTRAINT "FK_1517184113c918f4944300d81d3"`);
    await queryRunner.query(`ALTER TABLE "consent" DROP CONSTRAINT "FK_4775fcf3c1f2e1a6d30a5526618"`);
    await queryRunner.query(`ALTER TABLE "child_representative" DROP CONSTRAINT "FK_749247b7dd389f4007d93dc48d7"`);
    await queryRunner.query(`ALTER TABLE "child_representative" DROP CONSTRAINT "FK_e6fb59123352c7f6548069c5660"`);
    await queryRunner.query(`ALTER TABLE "child" DROP CONSTRAINT "FK_8c2e17bd38d1a82f7c5c1d4ed20"`);
    await queryRunner.query(`ALTER TABLE "child" DROP CONSTRAINT "FK_83e4518e5d98af23f3f66c05d69"`);
    await queryRunner.query(`DROP INDEX "public"."uq_case_review_child_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_review_case"`);
    await queryRunner.query(`DROP TABLE "case_review"`);
    await queryRunner.query(`DROP TABLE "case_manager_setting"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_deputy_deputy"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_deputy_manager"`);
    await queryRunner.query(`DROP TABLE "case_deputy"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_assignment_case"`);
    await queryRunner.query(`DROP TABLE "case_assignment"`);
    await queryRunner.query(`DROP INDEX "public"."uq_child_case_active"`);
    await queryRunner.query(`DROP INDEX "public"."ix_child_case_manager"`);
    await queryRunner.query(`DROP INDEX "public"."ix_child_case_municipality"`);
    await queryRunner.query(`DROP TABLE "child_case"`);
    await queryRunner.query(`DROP INDEX "public"."ix_disability_decision_child"`);
    await queryRunner.query(`DROP INDEX "public"."uq_disability_decision_number"`);
    await queryRunner.query(`DROP TABLE "disability_decision"`);
    await queryRunner.query(`DROP TABLE "decision_import"`);
    await queryRunner.query(`DROP INDEX "public"."ix_consent_child_purpose"`);
    await queryRunner.query(`DROP TABLE "consent"`);
    await queryRunner.query(`DROP INDEX "public"."ix_child_representative_user"`);
    await queryRunner.query(`DROP INDEX "public"."ix_child_representative_child"`);
    await queryRunner.query(`DROP TABLE "child_representative"`);
    await queryRunner.query(`DROP INDEX "public"."ix_child_household"`);
    await queryRunner.query(`DROP INDEX "public"."ix_child_municipality"`);
    await queryRunner.query(`DROP INDEX "public"."uq_child_personal_code"`);
    await queryRunner.query(`DROP TABLE "child"`);
    await queryRunner.query(`DROP TABLE "municipality"`);
  }
}
