import { MigrationInterface, QueryRunner } from 'typeorm';

/** Contracts point at the child and at the basket line their money is committed on. */
export class ContractChildLinks1795600000001 implements MigrationInterface {
  name = 'ContractChildLinks1795600000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contract" ADD CONSTRAINT "FK_cd2f9811d6ae405897abd0b1f47" FOREIGN KEY ("child_id") REFERENCES "child"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contract" ADD CONSTRAINT "FK_e3590c384916cb271b8e0c3e5de" FOREIGN KEY ("basket_line_id") REFERENCES "basket_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "FK_e3590c384916cb271b8e0c3e5de"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "FK_cd2f9811d6ae405897abd0b1f47"`);
  }
}
