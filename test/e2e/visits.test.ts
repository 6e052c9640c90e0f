import { randomUUID } from 'node:crypto';
import { formatQrPayload, timeStep, visitCode } from '@lidz/libs';
import { VisitsService } from '../../api/src/modules/visits/visits.service';
import { startTestApp, TestApp } from '../support/app';
import { loginAs, makeOrganisation, makeUser, userWithSession } from '../support/factories';
import { makeContract, makeFamilyWithDevice, makeSpecialist, putInCaseload, qrAt, scanBody } from '../support/visits-factories';

const min = (n: number) => n * 60_000;

describe('visits: scanning, verification, exceptions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { AUTH_RATE_LIMIT: '10000' } });
  });
  afterAll(() => t.close());

  /** A family with a provisioned phone, a specialist and an active contract between them. */
  async function setup(contract: Partial<Parameters<typeof makeContract>[1]> = {}) {
    const fam = await makeFamilyWithDevice(t);
    const sp = await makeSpecialist(t);
    const contractId = await makeContract(t.db, { childId: fam.childId, provider: sp.provider, specialistIds: [sp.specialistId], ...contract });
    return { ...fam, ...sp, contractId };
  }
  const qrScan = (s: { secret: string; cardNumber: string; contractId?: string }, kind: 'check_in' | 'check_out', at: Date, extra: Record<string, unknown> = {}) =>
    scanBody(kind, at, { method: 'qr', code: qrAt(s.secret, s.cardNumber, at), ...(s.contractId ? { contractId: s.contractId } : {}), ...extra });

  it('401 without a token, 403 for a role that does not scan', async () => {
    expect((await t.http().post('/api/visits/scan').send({})).status).toBe(401);
    const family = await userWithSession(t, 'family');
    const res = await t.http().post('/api/visits/scan').set(family.auth).send(scanBody('check_in', new Date(), { method: 'card', cardNumber: '941234567890' }));
    expect(res.status).toBe(403);
  });

  it('a QR check-in and check-out 40 minutes later make a verified visit, priced at the unit price', async () => {
    const s = await setup();
    const start = new Date(Date.now() - min(50));
    const a = await t.http().post('/api/visits/scan').set(s.session.auth).send(qrScan(s, 'check_in', start, { location: { lat: 56.95, lng: 24.1 } }));
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ verdict: 'genuine', visitStatus: 'open' });
    const b = await t.http().post('/api/visits/scan').set(s.session.auth).send(qrScan(s, 'check_out', new Date(start.getTime() + min(40))));
    expect(b.body).toMatchObject({ verdict: 'genuine', visitStatus: 'verified', visitId: a.body.visitId, durationMinutes: 40, reasons: [] });
    const [v] = await t.db.query(`SELECT status, price_cents, billable_minutes, method FROM visit WHERE id = $1`, [a.body.visitId]);
    expect(v).toEqual({ status: 'verified', price_cents: '3000', billable_minutes: 40, method: 'qr' });
    const scans = await t.db.query(`SELECT kind, location FROM scan WHERE visit_id = $1 ORDER BY effective_at`, [a.body.visitId]);
    expect(scans).toEqual([{ kind: 'check_in', location: { lat: 56.95, lng: 24.1 } }, { kind: 'check_out', location: null }]);
  });

  it('the same clientScanId sent twice returns the same result and makes one scan', async () => {
    const s = await setup();
    const body = qrScan(s, 'check_in', new Date(Date.now() - min(5)));
    const a = await t.http().post('/api/visits/scan').set(s.session.auth).send(body);
    const b = await t.http().post('/api/visits/scan').set(s.session.auth).send(body);
    expect(b.status).toBe(200);
    expect(b.body).toEqual(a.body);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM scan WHERE client_scan_id = $1`, [body.clientScanId])).toEqual([{ n: 1 }]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM visit WHERE child_id = $1`, [s.childId])).toEqual([{ n: 1 }]);
  });

  it('a replayed code is TOKEN_REUSED; a forged code is rejected and written as a security event', async () => {
    const s = await setup();
    const at = new Date(Date.now() - min(60));
    const checkIn = qrScan(s, 'check_in', at);
    await t.http().post('/api/visits/scan').set(s.session.auth).send(checkIn);
    // the same code replayed as the check-out 40 minutes later
    const replay = await t.http().post('/api/visits/scan').set(s.session.auth).send({ ...checkIn, clientScanId: randomUUID(), kind: 'check_out', scannedAt: new Date(at.getTime() + 20_000).toISOString() });
    expect(replay.body).toMatchObject({ verdict: 'reused', visitStatus: 'exception' });
    expect(replay.body.reasons).toContain('TOKEN_REUSED');

    const s2 = await setup();
    const when = new Date(Date.now() - min(1));
    const step = timeStep(when);
    const forgedCode = formatQrPayload({ cardNumber: s2.cardNumber, step, code: String((Number(visitCode(s2.secret, s2.cardNumber, step)) + 1) % 1e8).padStart(8, '0') });
    const forged = await t.http().post('/api/visits/scan').set(s2.session.auth).send(scanBody('check_in', when, { method: 'qr', code: forgedCode }));
    expect(forged.status).toBe(200);
    expect(forged.body).toMatchObject({ verdict: 'forged', visitStatus: 'rejected' });
    const events = await t.db.query(`SELECT action, child_id FROM audit_event WHERE action = 'security.visit_code_forged' AND subject_id = $1`, [forged.body.scanId]);
    expect(events).toEqual([{ action: 'security.visit_code_forged', child_id: s2.childId }]);
  });

  it('a code two steps old is TOKEN_EXPIRED; one step old is accepted', async () => {
    const s = await setup();
    const shown = new Date(Date.now() - min(100));
    const late = await t.http().post('/api/visits/scan').set(s.session.auth).send(scanBody('check_in', new Date(shown.getTime() + 60_000), { method: 'qr', code: qrAt(s.secret, s.cardNumber, shown) }));
    expect(late.body).toMatchObject({ verdict: 'expired', visitStatus: 'exception', reasons: ['TOKEN_EXPIRED'] });
    const s2 = await setup();
    const ok = await t.http().post('/api/visits/scan').set(s2.session.auth).send(scanBody('check_in', new Date(shown.getTime() + 30_000), { method: 'qr', code: qrAt(s2.secret, s2.cardNumber, shown) }));
    expect(ok.body.verdict).toBe('genuine');
  });

  it('two concurrent check-ins with one code: one wins', async () => {
    const s = await setup();
    const at = new Date(Date.now() - min(2));
    const code = qrAt(s.secret, s.cardNumber, at);
    const [a, b] = await Promise.all([0, 1].map(() => t.http().post('/api/visits/scan').set(s.session.auth).send(scanBody('check_in', at, { method: 'qr', code }))));
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.verdict, b.body.verdict].sort()).toEqual(['genuine', 'reused']);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM scan WHERE card_id IS NOT NULL AND child_id = $1 AND token_first_use`, [s.childId])).toEqual([{ n: 1 }]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM visit WHERE child_id = $1`, [s.childId])).toEqual([{ n: 1 }]);
  });

  it('the same specialist at two providers overlapping: an exception naming the other visit', async () => {
    const sp = await makeSpecialist(t);
    // the same person also works for a second provider
    const other = await makeOrganisation(t.db, 'provider');
    const user2 = await makeUser(t.db, 'specialist', { organisation: other });
    await t.db.query(`INSERT INTO provider_specialist (provider_organisation_id, specialist_id) VALUES ($1, $2)`, [other.id, sp.specialistId]);
    const session2 = await loginAs(t, user2);
    // a specialist identity belongs to one user; the second provider's login acts for the same specialist row in this test
    await t.db.query(`UPDATE specialist SET user_id = NULL WHERE id = $1`, [sp.specialistId]);
    const famA = await makeFamilyWithDevice(t);
    const famB = await makeFamilyWithDevice(t);
    const cA = await makeContract(t.db, { childId: famA.childId, provider: sp.provider, specialistIds: [sp.specialistId] });
    const cB = await makeContract(t.db, { childId: famB.childId, provider: other, specialistIds: [sp.specialistId] });
    const start = new Date(Date.now() - min(120));
    await t.db.query(`UPDATE specialist SET user_id = $2 WHERE id = $1`, [sp.specialistId, sp.session.user.id]);
    await t.http().post('/api/visits/scan').set(sp.session.auth).send(qrScan({ ...famA, contractId: cA }, 'check_in', start));
    const a = await t.http().post('/api/visits/scan').set(sp.session.auth).send(qrScan({ ...famA, contractId: cA }, 'check_out', new Date(start.getTime() + min(40))));
    expect(a.body.visitStatus).toBe('verified');
    await t.db.query(`UPDATE specialist SET user_id = $2 WHERE id = $1`, [sp.specialistId, user2.id]);
    await t.http().post('/api/visits/scan').set(session2.auth).send(qrScan({ ...famB, contractId: cB }, 'check_in', new Date(start.getTime() + min(30))));
    const b = await t.http().post('/api/visits/scan').set(session2.auth).send(qrScan({ ...famB, contractId: cB }, 'check_out', new Date(start.getTime() + min(70))));
    expect(b.body).toMatchObject({ visitStatus: 'exception', reasons: ['SPECIALIST_OVERLAP'] });
    const [vb] = await t.db.query(`SELECT overlapping_visit_ids FROM visit WHERE id = $1`, [b.body.visitId]);
    expect(vb.overlapping_visit_ids).toEqual([a.body.visitId]);
    // the earlier visit becomes an exception too
    const [va] = await t.db.query(`SELECT status, reasons FROM visit WHERE id = $1`, [a.body.visitId]);
    expect(va).toEqual({ status: 'exception', reasons: ['SPECIALIST_OVERLAP'] });
  });

  it('a group session of three children is priced per child', async () => {
    const sp = await makeSpecialist(t);
    const fams = [await makeFamilyWithDevice(t), await makeFamilyWithDevice(t), await makeFamilyWithDevice(t)];
    const contracts = await Promise.all(fams.map((f) => makeContract(t.db, { childId: f.childId, provider: sp.provider, specialistIds: [sp.specialistId], deliveryMode: 'group', unitPriceCents: 3000, unitMinutes: 60 })));
    const start = new Date(Date.now() - min(180));
    for (let i = 0; i < 3; i++) await t.http().post('/api/visits/scan').set(sp.session.auth).send(qrScan({ ...fams[i], contractId: contracts[i] }, 'check_in', new Date(start.getTime() + i * 40_000)));
    const outs = [];
    for (let i = 0; i < 3; i++) outs.push(await t.http().post('/api/visits/scan').set(sp.session.auth).send(qrScan({ ...fams[i], contractId: contracts[i] }, 'check_out', new Date(start.getTime() + min(61) + i * 40_000))));
    const rows = await t.db.query(`SELECT status, price_cents, group_size, group_session_id FROM visit WHERE id = ANY($1) ORDER BY id`, [outs.map((o) => o.body.visitId)]);
    expect(rows.map((r: { status: string }) => r.status)).toEqual(['verified', 'verified', 'verified']);
    expect(rows.map((r: { price_cents: string }) => r.price_cents)).toEqual(['1000', '1000', '1000']);
    expect(rows.map((r: { group_size: number }) => r.group_size)).toEqual([3, 3, 3]);
    expect(new Set(rows.map((r: { group_session_id: string }) => r.group_session_id)).size).toBe(1);
  });

  it('100 offline scans synced out of order produce the right 50 visits', async () => {
    const s = await setup({ unitsPerMonth: 1000 });
    const base = Date.now() - 40 * 86_400_000;
    const scans = [];
    for (let i = 0; i < 50; i++) {
      const start = new Date(base + i * 17 * 3600_000); // 17 h apart, some on the same day
      scans.push({ i, body: qrScan(s, 'check_in', start) });
      scans.push({ i, body: qrScan(s, 'check_out', new Date(start.getTime() + min(45))) });
    }
    // shuffle deterministically
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const shuffled = [...scans].sort(() => rand() - 0.5);
    for (const sc of shuffled) {
      const res = await t.http().post('/api/visits/scan').set(s.session.auth).send(sc.body);
      expect([res.status, res.body.code]).toEqual([200, undefined]);
    }
    const visits = await t.db.query(`SELECT check_in_at, check_out_at, status, duration_minutes FROM visit WHERE child_id = $1 ORDER BY check_in_at`, [s.childId]);
    expect(visits).toHaveLength(50);
    for (let i = 0; i < 50; i++) {
      expect(new Date(visits[i].check_in_at).toISOString()).toBe(scans[2 * i].body.scannedAt);
      expect(new Date(visits[i].check_out_at).toISOString()).toBe(scans[2 * i + 1].body.scannedAt);
      expect(visits[i]).toMatchObject({ status: 'verified', duration_minutes: 45 });
    }
  });

  it('card scans: a mistyped number is refused; a blocked card stops verifying at once', async () => {
    const s = await setup();
    const bad = s.cardNumber.slice(0, 11) + String((Number(s.cardNumber[11]) + 1) % 10);
    const res = await t.http().post('/api/visits/scan').set(s.session.auth).send(scanBody('check_in', new Date(), { method: 'card', cardNumber: bad }));
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { cardNumber: 'checkDigit' } });
    const [card] = await t.db.query(`SELECT id FROM card WHERE number = $1`, [s.cardNumber]);
    const block = await t.http().post(`/api/cards/${card.id}/block`).set(s.family.auth).send({ status: 'lost' });
    expect(block.body.status).toBe('lost');
    const scan = await t.http().post('/api/visits/scan').set(s.session.auth).send(scanBody('check_in', new Date(), { method: 'card', cardNumber: s.cardNumber }));
    expect(scan.body).toMatchObject({ verdict: 'card_blocked', visitStatus: 'exception', reasons: ['CARD_BLOCKED'] });
  });

  it('a specialist cannot scan for a contract that is not theirs', async () => {
    const s = await setup();
    const stranger = await makeSpecialist(t);
    const res = await t.http().post('/api/visits/scan').set(stranger.session.auth).send(qrScan(s, 'check_in', new Date()));
    expect(res.status).toBe(404);
    // and a colleague at the same provider not named on the contract is not found either
    const colleague = await makeSpecialist(t, s.provider);
    const res2 = await t.http().post('/api/visits/scan').set(colleague.session.auth).send(qrScan(s, 'check_in', new Date()));
    expect(res2.status).toBe(404);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM visit WHERE child_id = $1`, [s.childId])).toEqual([{ n: 0 }]);
  });

  it('manual entry is always an exception; more than 95 days late is refused', async () => {
    const s = await setup();
    const inAt = new Date(Date.now() - 3 * 86_400_000);
    const ok = await t.http().post('/api/visits/manual').set(s.session.auth).send({ contractId: s.contractId, checkInAt: inAt.toISOString(), checkOutAt: new Date(inAt.getTime() + min(40)).toISOString(), reason: 'DEVICE_BROKEN' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'exception', manual: true, reasons: ['MANUAL_ENTRY'] });
    const old = new Date(Date.now() - 97 * 86_400_000);
    const late = await t.http().post('/api/visits/manual').set(s.session.auth).send({ contractId: s.contractId, checkInAt: old.toISOString(), checkOutAt: new Date(old.getTime() + min(40)).toISOString(), reason: 'DEVICE_BROKEN' });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('VISIT_LATE_ENTRY');
    // no visit lasts longer than a check-out may pair with its check-in (12 h)
    const long = await t.http().post('/api/visits/manual').set(s.session.auth).send({ contractId: s.contractId, checkInAt: inAt.toISOString(), checkOutAt: new Date(inAt.getTime() + min(12 * 60 + 1)).toISOString(), reason: 'DEVICE_BROKEN' });
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { checkOutAt: 'tooLong' } });
  });

  it('a family sees only its own child’s visits, may dispute, and a provider cannot resolve its own exceptions', async () => {
    const s = await setup();
    const start = new Date(Date.now() - min(90));
    await t.http().post('/api/visits/scan').set(s.session.auth).send(qrScan(s, 'check_in', start));
    const out = await t.http().post('/api/visits/scan').set(s.session.auth).send(qrScan(s, 'check_out', new Date(start.getTime() + min(40))));
    const visitId = out.body.visitId;

    const mine = await t.http().get('/api/visits').set(s.family.auth);
    expect(mine.body.map((v: { id: string }) => v.id)).toEqual([visitId]);
    const other = await makeFamilyWithDevice(t);
    expect((await t.http().get(`/api/visits/${visitId}`).set(other.family.auth)).status).toBe(404);
    expect((await t.http().get('/api/visits').set(other.family.auth)).body).toEqual([]);
    expect((await t.http().post(`/api/visits/${visitId}/dispute`).set(other.family.auth).send({ note: 'not us' })).status).toBe(404);

    const disputed = await t.http().post(`/api/visits/${visitId}/dispute`).set(s.family.auth).send({ note: 'Speciālists aizgāja pēc 10 minūtēm' });
    expect(disputed.body).toMatchObject({ status: 'exception', reasons: ['FAMILY_DISPUTED'] });
    const [exc] = await t.db.query(`SELECT id FROM visit_exception WHERE visit_id = $1 AND status = 'open'`, [visitId]);

    const providerAdmin = await loginAs(t, await makeUser(t.db, 'provider_admin', { organisation: s.provider }));
    const byProvider = await t.http().post(`/api/exceptions/${exc.id}/resolve`).set(providerAdmin.auth).send({ action: 'accept', resolutionCode: 'EVIDENCE_SUFFICIENT', note: 'we were there' });
    expect(byProvider.status).toBe(403);
    expect((await t.http().post(`/api/exceptions/${exc.id}/resolve`).set(s.session.auth).send({ action: 'accept', resolutionCode: 'EVIDENCE_SUFFICIENT', note: 'wrong code' })).status).toBe(403);

    // a case manager without the child in the caseload does not see it; the child's case manager decides
    const stranger = await userWithSession(t, 'case_manager');
    expect((await t.http().post(`/api/exceptions/${exc.id}/resolve`).set(stranger.auth).send({ action: 'reject', resolutionCode: 'NOT_DELIVERED', note: 'family says so' })).status).toBe(404);
    const cm = await userWithSession(t, 'case_manager');
    await putInCaseload(t.db, s.childId, cm.user.id);
    const queue = await t.http().get('/api/exceptions').set(cm.auth).query({ filter: JSON.stringify({ status: 'open' }) });
    expect(queue.body.map((e: { id: string }) => e.id)).toEqual([exc.id]);
    const wrongCode = await t.http().post(`/api/exceptions/${exc.id}/resolve`).set(cm.auth).send({ action: 'reject', resolutionCode: 'EVIDENCE_SUFFICIENT', note: 'wrong code' });
    expect(wrongCode.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { resolutionCode: 'isIn' } });
    const resolved = await t.http().post(`/api/exceptions/${exc.id}/resolve`).set(cm.auth).send({ action: 'reject', resolutionCode: 'NOT_DELIVERED', note: 'family says so' });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolutionAction: 'reject', visit: { status: 'rejected', priceCents: 0 } });
  });

  it('adjust duration never bills more than the verified duration', async () => {
    const s = await setup();
    const start = new Date(Date.now() - min(120));
    await t.http().post('/api/visits/scan').set(s.session.auth).send(qrScan(s, 'check_in', start));
    const out = await t.http().post('/api/visits/scan').set(s.session.auth).send(qrScan(s, 'check_out', new Date(start.getTime() + min(30))));
    expect(out.body).toMatchObject({ visitStatus: 'exception', reasons: ['SHORT_VISIT'] });
    const cm = await userWithSession(t, 'case_manager');
    await putInCaseload(t.db, s.childId, cm.user.id);
    const [exc] = await t.db.query(`SELECT id FROM visit_exception WHERE visit_id = $1`, [out.body.visitId]);
    const tooMuch = await t.http().post(`/api/exceptions/${exc.id}/resolve`).set(cm.auth).send({ action: 'adjust_duration', resolutionCode: 'DURATION_CORRECTED', note: 'too long', minutes: 35 });
    expect(tooMuch.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { minutes: 'exceedsDuration' } });
    const ok = await t.http().post(`/api/exceptions/${exc.id}/resolve`).set(cm.auth).send({ action: 'adjust_duration', resolutionCode: 'PARTIAL_SERVICE', note: 'child tired', minutes: 30 });
    expect(ok.body.visit).toMatchObject({ status: 'verified', billableMinutes: 30, priceCents: 2250 });
  });

  it('a provider sees its integrity score with drill-down; another provider does not', async () => {
    const s = await setup();
    const inAt = new Date(Date.now() - 86_400_000);
    await t.http().post('/api/visits/manual').set(s.session.auth).send({ contractId: s.contractId, checkInAt: inAt.toISOString(), checkOutAt: new Date(inAt.getTime() + min(40)).toISOString(), reason: 'CARD_FORGOTTEN' });
    const admin = await loginAs(t, await makeUser(t.db, 'provider_admin', { organisation: s.provider }));
    const res = await t.http().get(`/api/providers/${s.provider.id}/integrity`).set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 1, verified: 0, rejected: 0, score: 100, flagged: false });
    expect(res.body.visits).toHaveLength(1);
    const otherAdmin = await userWithSession(t, 'provider_admin');
    expect((await t.http().get(`/api/providers/${s.provider.id}/integrity`).set(otherAdmin.auth)).status).toBe(404);
  });

  it('a check-in without check-out becomes NO_CHECK_OUT after 12 hours (the sweep)', async () => {
    const s = await setup();
    const at = new Date(Date.now() - min(13 * 60));
    const res = await t.http().post('/api/visits/scan').set(s.session.auth).send(scanBody('check_in', at, { method: 'card', cardNumber: s.cardNumber }));
    // the scan itself already came in late, so it is judged at once
    expect(res.body).toMatchObject({ visitStatus: 'exception', reasons: ['NO_CHECK_OUT'] });
    const s2 = await setup();
    const recent = await t.http().post('/api/visits/scan').set(s2.session.auth).send(scanBody('check_in', new Date(Date.now() - min(30)), { method: 'card', cardNumber: s2.cardNumber }));
    expect(recent.body.visitStatus).toBe('open');
    await t.app.get(VisitsService).sweepOpenVisits(new Date(Date.now() + 12 * 3600_000));
    const [v] = await t.db.query(`SELECT status, reasons FROM visit WHERE id = $1`, [recent.body.visitId]);
    expect(v).toEqual({ status: 'exception', reasons: ['NO_CHECK_OUT'] });
    expect(await t.db.query(`SELECT reason_code FROM visit_exception WHERE visit_id = $1 AND status = 'open'`, [recent.body.visitId])).toEqual([{ reason_code: 'NO_CHECK_OUT' }]);
  });

  it('a replaced card: the old number stops verifying, the new one works; a revoked phone’s codes are forged', async () => {
    const s = await setup();
    const cm = await userWithSession(t, 'case_manager');
    await putInCaseload(t.db, s.childId, cm.user.id);
    const [old] = await t.db.query(`SELECT id FROM card WHERE number = $1`, [s.cardNumber]);
    const replaced = await t.http().post(`/api/cards/${old.id}/replace`).set(cm.auth);
    expect(replaced.status).toBe(201);
    expect(replaced.body).toMatchObject({ status: 'active', replacesCardId: old.id, childId: s.childId });
    expect(await t.db.query(`SELECT status, status_reason FROM card WHERE id = $1`, [old.id])).toEqual([{ status: 'blocked', status_reason: 'replaced' }]);
    const oldScan = await t.http().post('/api/visits/scan').set(s.session.auth).send(scanBody('check_in', new Date(Date.now() - min(200)), { method: 'card', cardNumber: s.cardNumber }));
    expect(oldScan.body).toMatchObject({ verdict: 'card_blocked', reasons: ['CARD_BLOCKED'] });
    const newScan = await t.http().post('/api/visits/scan').set(s.session.auth).send(scanBody('check_in', new Date(Date.now() - min(100)), { method: 'card', cardNumber: replaced.body.number }));
    expect(newScan.body).toMatchObject({ verdict: 'card', visitStatus: 'open' });
    // the family's phone now shows the new number
    const card = await t.http().get(`/api/family-devices/${s.deviceId}/card`).set(s.family.auth);
    expect(card.body.cardNumber).toBe(replaced.body.number);
    // a family may not block for other reasons than loss, nor issue cards
    expect((await t.http().post(`/api/cards/${replaced.body.id}/block`).set(s.family.auth).send({ status: 'blocked' })).status).toBe(403);
    expect((await t.http().post('/api/cards').set(s.family.auth).send({ childId: s.childId })).status).toBe(403);

    const revoked = await t.http().post(`/api/family-devices/${s.deviceId}/revoke`).set(s.family.auth);
    expect(revoked.body.revokedAt).not.toBeNull();
    // a code of a time step that began after the revocation (a scan kept offline before it still counts)
    const later = new Date(Date.now() + 65_000);
    const after = await t.http().post('/api/visits/scan').set(s.session.auth).send(scanBody('check_out', later, { method: 'qr', code: qrAt(s.secret, replaced.body.number, later) }));
    expect(after.body.verdict).toBe('forged');
  });

  it('prints the card as a PDF', async () => {
    const s = await setup();
    const [card] = await t.db.query(`SELECT id FROM card WHERE number = $1`, [s.cardNumber]);
    const res = await t.http().get(`/api/cards/${card.id}/pdf`).set(s.family.auth).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const text = (res.body as Buffer).toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text).toContain(s.cardNumber.replace(/(\d{4})(?=\d)/g, '$1 '));
  });
});
