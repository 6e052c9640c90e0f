import type { DataSource } from 'typeorm';
import { createDataSource } from '../../api/src/database/data-source';
import { parsePersonalCode } from '../../api/src/modules/children/personal-code.rules';
import { seedDemo } from '../../api/src/modules/demo/demo-data';
import { createTestDatabase } from '../support/database';

describe('children and cases demo seed', () => {
  let database: { url: string; drop: () => Promise<void> };
  let db: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDataSource(database.url, 4);
    await db.initialize();
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it('seeds Jānis and Andris as the brief says, managers near and at their limits, and a spread of decisions', async () => {
    const { report } = await seedDemo(db);
    expect(report.some((l) => l.startsWith('Children:'))).toBe(true);
    const [janis] = await db.query(
      `SELECT c.first_name, c.last_name, c.municipality_code, date_part('year', age(c.birth_date))::int AS age, o.code AS household, u.email AS manager
         FROM child c JOIN organisation o ON o.id = c.household_organisation_id JOIN child_case cc ON cc.child_id = c.id JOIN app_user u ON u.id = cc.case_manager_user_id
        WHERE c.first_name = 'Jānis'`,
    );
    expect(janis).toEqual({ first_name: 'Jānis', last_name: 'Bērziņš', municipality_code: 'RIGA', age: 9, household: 'HH-BERZINI', manager: 'vaditajs.riga@lidz.lv' });
    const [andris] = await db.query(
      `SELECT c.municipality_code, date_part('year', age(c.birth_date))::int AS age, o.code AS household, u.email AS manager
         FROM child c JOIN organisation o ON o.id = c.household_organisation_id JOIN child_case cc ON cc.child_id = c.id JOIN app_user u ON u.id = cc.case_manager_user_id
        WHERE c.first_name = 'Andris'`,
    );
    expect(andris).toEqual({ municipality_code: 'VALMIERA', age: 19, household: 'HH-ANDRIS', manager: 'vaditajs.valmiera@lidz.lv' });
    const loads = await db.query(
      `SELECT u.email, s.caseload_limit AS "limit", (SELECT count(*)::int FROM child_case cc WHERE cc.case_manager_user_id = u.id AND cc.status = 'open') AS load
         FROM app_user u JOIN case_manager_setting s ON s.user_id = u.id ORDER BY u.email`,
    );
    expect(loads).toEqual([
      { email: 'vaditajs.riga@lidz.lv', limit: 8, load: 7 },
      { email: 'vaditajs.valmiera@lidz.lv', limit: 6, load: 4 },
      { email: 'vaditajs2.riga@lidz.lv', limit: 5, load: 5 },
    ]);
    const munis = await db.query(`SELECT DISTINCT municipality_code AS m FROM child ORDER BY 1`);
    expect(munis.length).toBeGreaterThanOrEqual(4);
    const kinds = await db.query(`SELECT DISTINCT kind FROM disability_decision ORDER BY 1`);
    expect(kinds.map((k: { kind: string }) => k.kind)).toEqual(['child', 'group_1', 'group_2', 'group_3']);
    expect(await db.query(`SELECT count(*)::int AS n FROM disability_decision WHERE valid_to IS NULL`)).toEqual([{ n: 2 }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM child_case WHERE status = 'unassigned'`)).toEqual([{ n: 1 }]);
    expect((await db.query(`SELECT count(*)::int AS n FROM child c WHERE NOT EXISTS (SELECT 1 FROM child_case x WHERE x.child_id = c.id)`))[0].n).toBeGreaterThanOrEqual(2);
    // every demo personal code is valid, and the old-form ones agree with the birth date
    const codes: { personal_code: string; birth_date: string }[] = await db.query(`SELECT personal_code, to_char(birth_date, 'YYYY-MM-DD') AS birth_date FROM child`);
    for (const c of codes) {
      const p = parsePersonalCode(c.personal_code);
      expect(p.ok).toBe(true);
      if (p.ok && p.form === 'old') expect(p.birthDate).toBe(c.birth_date);
    }
  });
});
