import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startTestApp, TestApp } from '../support/app';
import { householdOrg, makeCase, makeChild, municipalityOrg } from '../support/children-factories';
import { Session, userWithSession } from '../support/factories';

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('Speciālista atzinums par runas attīstību')]);

describe('child documents', () => {
  let t: TestApp;
  let dir: string;
  let manager: Session;
  let otherManager: Session;
  let officer: Session;
  let family: Session;
  let childId: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lidz-docs-'));
    t = await startTestApp({ env: { DOCUMENTS_DIR: dir } });
    const riga = await municipalityOrg(t.db, 'RIGA');
    manager = await userWithSession(t, 'case_manager', riga);
    otherManager = await userWithSession(t, 'case_manager', riga);
    officer = await userWithSession(t, 'municipality_officer', riga);
    const hh = await householdOrg(t.db);
    family = await userWithSession(t, 'family', hh);
    const child = await makeChild(t.db, { municipalityCode: 'RIGA', householdOrganisationId: hh.id });
    await makeCase(t.db, child, manager.user.id);
    childId = child.id;
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const upload = (s: Session, body: Record<string, unknown>) =>
    t.http().post(`/api/children/${childId}/documents`).set(s.auth).send({ kind: 'specialist_report', fileName: 'atzinums.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64'), ...body });

  it('a specialist assessment reaches the case manager and its author, anyone else only by an explicit share; every download is audited', async () => {
    expect((await t.http().get(`/api/children/${childId}/documents`)).status).toBe(401);
    const res = await upload(manager, {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'specialist_report', visibility: 'restricted', sizeBytes: pdf.length, contentType: 'application/pdf' });
    const id = res.body.id as string;
    // the bytes are in the documents folder, under an opaque key
    const stored = (await t.db.query(`SELECT storage_key FROM child_document WHERE id = $1`, [id]))[0].storage_key as string;
    expect(fs.readFileSync(path.join(dir, stored.slice(0, 2), stored))).toEqual(pdf);

    const got = await t.http().get(`/api/documents/${id}/content`).set(manager.auth).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.body).toEqual(pdf);
    expect(await t.db.query(`SELECT actor_user_id FROM audit_event WHERE action = 'document.downloaded' AND subject_id = $1`, [id])).toEqual([{ actor_user_id: manager.user.id }]);

    expect((await t.http().get(`/api/documents/${id}/content`).set(family.auth)).status).toBe(404);
    expect((await t.http().get(`/api/documents/${id}/content`).set(officer.auth)).status).toBe(404);
    expect((await t.http().get(`/api/documents/${id}/content`).set(otherManager.auth)).status).toBe(404);
    expect((await t.http().get(`/api/children/${childId}/documents`).set(family.auth)).body).toEqual([]);

    expect((await t.http().post(`/api/documents/${id}/shares`).set(manager.auth).send({ userId: family.user.id })).status).toBe(201);
    expect((await t.http().get(`/api/documents/${id}/content`).set(family.auth)).status).toBe(200);
    expect((await t.http().get(`/api/children/${childId}/documents`).set(family.auth)).body.map((d: { id: string }) => d.id)).toEqual([id]);
  });

  it('a decision is visible to whoever may see the child', async () => {
    const res = await upload(manager, { kind: 'decision', fileName: 'lemums.pdf' });
    expect(res.body.visibility).toBe('case_team');
    expect((await t.http().get(`/api/documents/${res.body.id}/content`).set(family.auth)).status).toBe(200);
    expect((await t.http().get(`/api/documents/${res.body.id}/content`).set(officer.auth)).status).toBe(200);
  });

  it('refuses a file too large or of a wrong type with a field-keyed error, and stores nothing', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM child_document`);
    const big = await upload(manager, { contentBase64: Buffer.concat([pdf, Buffer.alloc(720 * 1024)]).toString('base64') });
    expect(big.status).toBe(400);
    expect(big.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { content: 'maxSize' } });
    const exe = await upload(manager, { contentBase64: Buffer.from('MZ this is a program').toString('base64') });
    expect(exe.body.errors).toEqual({ contentType: 'allowedType' });
    const lying = await upload(manager, { contentType: 'image/png' });
    expect(lying.body.errors).toEqual({ contentType: 'matchesContent' });
    expect((await upload(otherManager, {})).status).toBe(404);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM child_document`)).toEqual(before);
  });
});
