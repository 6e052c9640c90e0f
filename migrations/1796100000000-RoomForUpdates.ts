import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Room on each page for the updates every visit and claim line goes through (pairing, verification,
 * billing; invoicing, payment): with free space on the page and no indexed column changed, PostgreSQL
 * updates the row in place (a HOT update) instead of adding an entry to each of the table's indexes.
 * Applies to pages written from now on.
 */
export class RoomForUpdates1796100000000 implements MigrationInterface {
  name = 'RoomForUpdates1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "visit" SET (fillfactor = 85)`);
    await queryRunner.query(`ALTER TABLE "claim_line" SET (fillfactor = 90)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "claim_line" RESET (fillfactor)`);
    await queryRunner.query(`ALTER TABLE "visit" RESET (fillfactor)`);
  }
}
