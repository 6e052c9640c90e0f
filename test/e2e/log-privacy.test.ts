import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DecisionImportService } from '../../api/src/modules/children/decision-import.service';
import { oldFormCode } from '../../api/src/modules/children/personal-code.rules';
import { startTestApp, TestApp } from '../support/app';
import { decisionRow, municipalityOrg } from '../support/children-factories';
import { Session, userWithSession } from '../support/factories';

// The logs of a busy, detailed run carry ids and codes only: no personal code (not even masked —
// that would mean some code tried to log one) and no child's name.
describe('logs carry no personal data', () => {
  const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lidz-logs-')), 'app.log');
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'debug', LOG_FILE: logFile } });
    admin = await userWithSession(t, 'platform_admin');
    await municipalityOrg(t.db, 'RIGA');
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(path.dirname(logFile), { recursive: true, force: true });
  });

  it('after creating, importing, reading and refusing children, the log has none of their codes or names', async () => {
    const code = oldFormCode('2015-04-23', 417);
    const created = await t.http().post('/api/children').set(admin.auth).send({ personalCode: code, firstName: 'Zane', lastName: 'Kļaviņa', municipalityCode: 'RIGA' });
    expect(created.status).toBe(201);
    const refused = await t.http().post('/api/children').set(admin.auth).send({ personalCode: '230415-99999', firstName: 'Zane', lastName: 'Kļaviņa', municipalityCode: 'RIGA' });
    expect(refused.status).toBe(400);
    expect((await t.http().get(`/api/children/${created.body.id}`).set(admin.auth)).status).toBe(200);
    expect((await t.http().get(`/api/children?filter=${encodeURIComponent(JSON.stringify({ q: code }))}`).set(admin.auth)).status).toBe(200);

    const rows = [decisionRow({ lastName: 'Bērziņa-Kalna' }), decisionRow({ personalCode: '010101-00000', lastName: 'Nederīgā' }), decisionRow()];
    const imported = await t.http().post('/api/decisions/import').set(admin.auth).send(rows);
    expect(imported.status).toBe(202);
    // the job's work, run here rather than by a worker, so its log lines land in the same file
    const [{ id: importId }] = await t.db.query(`SELECT id FROM decision_import ORDER BY created_at DESC LIMIT 1`);
    await t.app.get(DecisionImportService).process(importId);
    const [done] = await t.db.query(`SELECT status FROM decision_import WHERE id = $1`, [importId]);
    expect(done.status).toBe('completed');

    const log = fs.readFileSync(logFile, 'utf8');
    expect(log).toContain('"event":"http.request"');
    expect(log.split('\n').filter(Boolean).length).toBeGreaterThan(5);
    expect(log).not.toMatch(/\b\d{6}-?\d{5}\b/);
    expect(log).not.toContain('******-*****');
    for (const name of ['Kļaviņa', 'Bērziņa-Kalna', 'Nederīgā']) expect(log).not.toContain(name);
  });
});
