import { oldFormCode } from '../../api/src/modules/children/personal-code.rules';
import { startTestApp, TestApp } from '../support/app';
import { municipalityOrg } from '../support/children-factories';
import { Session, userWithSession } from '../support/factories';
import { waitFor } from '../support/poll';

// A decision file as real life sends it: extra columns, a file saved in the wrong encoding, cells that
// are spreadsheet formulas. Good rows import; each bad row is reported by row, field and code; nothing
// hostile is stored.
describe('hostile CSV decision files', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp({ worker: true });
    await municipalityOrg(t.db, 'RIGA');
    admin = await userWithSession(t, 'platform_admin');
  });
  afterAll(() => t.close());

  it('imports the good rows and reports the broken, formula and mis-encoded ones', async () => {
    const header = 'number;date;personalCode;firstName;lastName;municipality;kind;specialCare;validFrom;validTo;consentToContact;internalNote;extra2';
    const q = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
    const row = (n: string, serial: number, first: string, last: string) => `${n};2026-11-20;${oldFormCode('2016-03-14', serial)};${q(first)};${q(last)};RIGA;child;false;2026-11-20;;true;ignored;"x;y"`;
    const csv = [
      header,
      row('H-1', 101, 'Marta', 'Ābola'),
      row('H-2', 102, '=cmd|" /C calc"!A0', 'Zariņa'),
      row('H-3', 103, 'B\uFFFDrzi\uFFFD\uFFFD', 'Kalns'),
      row('H-4', 104, 'Ilze', '@SUM(A1:A9)'),
      row('H-5', 105, "Robert'); DROP TABLE child;--", 'Liepa'),
    ].join('\r\n');
    const res = await t.http().post('/api/decisions/import/csv').set(admin.auth).send({ fileName: 'lēmumi.csv', csv });
    expect(res.status).toBe(202);
    await t.flushOutbox();
    const imp = await waitFor(async () => {
      const [r] = await t.db.query(`SELECT status, imported_rows, error_rows, errors FROM decision_import`);
      return r?.status === 'completed' ? r : null;
    });
    expect(imp.imported_rows).toBe(2);
    expect(imp.error_rows).toBe(3);
    expect(imp.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, field: 'firstName', code: 'formula' }),
        expect.objectContaining({ row: 3, field: 'firstName', code: 'brokenEncoding' }),
        expect.objectContaining({ row: 4, field: 'lastName', code: 'formula' }),
      ]),
    );
    const names: { first_name: string }[] = await t.db.query(`SELECT first_name FROM child ORDER BY first_name`);
    expect(names.map((n) => n.first_name)).toEqual(['Marta', "Robert'); DROP TABLE child;--"]);
    expect(names.every((n) => !/^[=+\-@]/.test(n.first_name))).toBe(true);
  });

  it('refuses a formula or a mis-encoded name when a child is created by hand, keyed by field', async () => {
    const res = await t.http().post('/api/children').set(admin.auth).send({ personalCode: oldFormCode('2016-03-14', 201), firstName: '+1-555', lastName: 'K\uFFFDrkli\uFFFDa', municipalityCode: 'RIGA' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual({ firstName: 'matches', lastName: 'matches' });
  });
});
