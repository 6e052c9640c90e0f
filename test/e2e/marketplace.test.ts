import { ContractsService } from '../../api/src/modules/marketplace/contracts.service';
import { startTestApp, TestApp } from '../support/app';
import { makeOrganisation, makeUser, Session, userWithSession, loginAs } from '../support/factories';
import { makeFundedLine, makeMarketChild, makeOffer, makeProvider, makeSpecialist } from '../support/marketplace-factories';

const balances = async (t: TestApp, lineId: string) => {
  const rows: { kind: string; sum: string }[] = await t.db.query(`SELECT kind, sum(amount_cents)::text AS sum FROM ledger_movement WHERE basket_line_id = $1 GROUP BY kind`, [lineId]);
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.sum)]));
};

describe('marketplace: catalogue, providers, offers', () => {
  let t: TestApp;
  let admin: Session;
  let family: Session;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await userWithSession(t, 'platform_admin');
    family = await userWithSession(t, 'family');
  });
  afterAll(() => t.close());

  it('401 without a token on every resource', async () => {
    for (const path of ['/api/catalogue', '/api/providers', '/api/offers', '/api/contracts']) expect((await t.http().get(path)).status).toBe(401);
  });

  it('the catalogue holds every named service with its current price, and price versions are dated', async () => {
    const res = await t.http().get('/api/catalogue').query({ range: '[0,99]' }).set(family.auth);
    expect(res.status).toBe(200);
    expect(res.headers['content-range']).toBe('catalogue 0-16/17');
    const speech = res.body.find((s: { code: string }) => s.code === 'SPEECH');
    expect(speech).toMatchObject({ id: 'SPEECH', nameLv: 'Logopēds', category: 'therapy', unitMinutes: 40, currentPrice: { referencePriceCents: 2500, maxPriceCents: 3200 } });
    expect((await t.http().post('/api/catalogue/SPEECH/prices').set(family.auth).send({ validFrom: '2027-01-01', referencePriceCents: 2600, maxPriceCents: 3300 })).status).toBe(403);
    const bad = await t.http().post('/api/catalogue/SPEECH/prices').set(admin.auth).send({ validFrom: '2027-01-01', referencePriceCents: 2600, maxPriceCents: 2500 });
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { maxPriceCents: 'belowReference' } });
    const ok = await t.http().post('/api/catalogue/SPEECH/prices').set(admin.auth).send({ validFrom: '2027-01-01', referencePriceCents: 2600, maxPriceCents: 3300 });
    expect(ok.status).toBe(201);
    const one = await t.http().get('/api/catalogue/SPEECH').set(family.auth);
    expect(one.body.prices.map((p: { validFrom: string }) => p.validFrom)).toEqual(['2027-01-01', '2026-01-01']);
    expect(one.body.currentPrice.maxPriceCents).toBe(3200); // today is still the 2026 version
  });

  it('self-service onboarding with a validated IBAN is pending until the platform admin approves', async () => {
    const body = { organisationName: 'Terapijas centrs «Jauns»', registrationNumber: '40008123456', kind: 'ngo', iban: 'LV81BANK0000435195001', adminFullName: 'Jauna Vadītāja', adminEmail: 'jauns@example.lv', password: 'Ļoti-droša-parole-1' };
    const bad = await t.http().post('/api/providers/onboarding').send(body);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { iban: 'ibanChecksum' } });
    expect(await t.db.query(`SELECT 1 FROM organisation WHERE code = '40008123456'`)).toHaveLength(0);
    const res = await t.http().post('/api/providers/onboarding').send({ ...body, iban: 'LV80 BANK 0000 4351 9500 1' });
    expect(res.status).toBe(201);
    const id = res.body.organisationId;
    expect((await t.http().get(`/api/providers/${id}`).set(family.auth)).status).toBe(404);
    const login = await t.http().post('/api/auth/login').send({ email: 'jauns@example.lv', password: body.password });
    const own = await t.http().get(`/api/providers/${id}`).set({ Authorization: `Bearer ${login.body.accessToken}` });
    expect(own.body).toMatchObject({ status: 'pending', iban: 'LV80BANK0000435195001', kind: 'ngo' });
    expect((await t.http().post(`/api/providers/${id}/approve`).set({ Authorization: `Bearer ${login.body.accessToken}` }).send({})).status).toBe(403);
    const approved = await t.http().post(`/api/providers/${id}/approve`).set(admin.auth).send({});
    expect(approved.body.status).toBe('approved');
    expect((await t.http().get(`/api/providers/${id}`).set(family.auth)).body.name).toBe('Terapijas centrs «Jauns»');
    const dup = await t.http().post('/api/providers/onboarding').send({ ...body, iban: 'LV80BANK0000435195001', adminEmail: 'otrs@example.lv' });
    expect(dup.body).toMatchObject({ code: 'PROVIDER_REGISTRATION_TAKEN', errors: { registrationNumber: 'unique' } });
  });

  it('a specialist is one identity across providers', async () => {
    const a = await makeProvider(t.db);
    const b = await makeProvider(t.db);
    const adminA = await userWithSession(t, 'provider_admin', a);
    const adminB = await userWithSession(t, 'provider_admin', b);
    const first = await t.http().post(`/api/providers/${a.id}/specialists`).set(adminA.auth).send({ fullName: 'Elīna Logopēde', registrationNumber: 'LOG-12345', qualifications: ['speech_therapist'] });
    const second = await t.http().post(`/api/providers/${b.id}/specialists`).set(adminB.auth).send({ fullName: 'Elīna Logopēde', registrationNumber: 'log-12345' });
    expect(first.status).toBe(201);
    expect(second.body).toMatchObject({ id: first.body.id, linkedExisting: true });
    expect(await t.db.query(`SELECT 1 FROM specialist WHERE registration_number = 'LOG-12345'`)).toHaveLength(1);
    // another provider's admin cannot add to A
    expect((await t.http().post(`/api/providers/${a.id}/specialists`).set(adminB.auth).send({ fullName: 'X Y', registrationNumber: 'LOG-99999' })).status).toBe(404);
    const list = await t.http().get(`/api/providers/${b.id}/specialists`).set(family.auth);
    expect(list.body.map((s: { id: string }) => s.id)).toEqual([first.body.id]);
  });

  it('an offer above the catalogue maximum is refused field-keyed and nothing is stored', async () => {
    const p = await makeProvider(t.db);
    const pa = await userWithSession(t, 'provider_admin', p);
    const res = await t.http().post('/api/offers').set(pa.auth).send({ serviceCode: 'SPEECH', priceCents: 3201, deliveryMode: 'individual', municipalities: ['RIGA'], languages: ['lv'], earliestStart: '2026-12-01', freeCapacity: 3 });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { priceCents: 'aboveCatalogueMax' } });
    expect(await t.db.query(`SELECT 1 FROM offer WHERE provider_organisation_id = $1`, [p.id])).toHaveLength(0);
    const group = await t.http().post('/api/offers').set(pa.auth).send({ serviceCode: 'SPEECH', priceCents: 3000, deliveryMode: 'group', groupSize: 1, municipalities: ['RIGA'], earliestStart: '2026-12-01' });
    expect(group.body.errors).toEqual({ groupSize: 'min' });
    const ok = await t.http().post('/api/offers').set(pa.auth).send({ serviceCode: 'SPEECH', priceCents: 3000, deliveryMode: 'group', groupSize: 4, municipalities: ['RIGA'], languages: ['lv', 'ru'], earliestStart: '2026-12-01', freeCapacity: 3 });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ priceCents: 3000, childUnitPriceCents: 750, unitMinutes: 40, visible: true });
  });

  it('search filters by service, municipality, language, price and start, sorts by price, and hides an expired accreditation', async () => {
    const cheap = await makeProvider(t.db, { name: 'Lēts' });
    const dear = await makeProvider(t.db, { name: 'Dārgs' });
    const expired = await makeProvider(t.db, { name: 'Beidzies', accreditedUntil: '2026-06-30' });
    const pending = await makeProvider(t.db, { name: 'Gaida', status: 'pending' });
    const tag = `PSYCHOLOGIST`;
    for (let i = 0; i < 4; i++) await makeProvider(t.db); // providers without offers: noise
    const oCheap = await makeOffer(t.db, cheap.id, { serviceCode: 'SPEECH', priceCents: 2000, languages: ['lv', 'ru'], municipalities: ['VALMIERA'] });
    const oDear = await makeOffer(t.db, dear.id, { serviceCode: 'SPEECH', priceCents: 3100, languages: ['lv'], municipalities: ['VALMIERA'], earliestStart: '2027-03-01' });
    await makeOffer(t.db, expired.id, { serviceCode: 'SPEECH', priceCents: 1500, municipalities: ['VALMIERA'] });
    await makeOffer(t.db, pending.id, { serviceCode: 'SPEECH', priceCents: 1500, municipalities: ['VALMIERA'] });
    const search = (filter: Record<string, unknown>, sort = '["priceCents","ASC"]') => t.http().get('/api/offers').query({ filter: JSON.stringify({ serviceCode: 'SPEECH', municipality: 'VALMIERA', ...filter }), sort }).set(family.auth);
    expect((await search({})).body.map((o: { id: string }) => o.id)).toEqual([oCheap, oDear]);
    expect((await search({}, '["priceCents","DESC"]')).body.map((o: { id: string }) => o.id)).toEqual([oDear, oCheap]);
    expect((await search({ language: 'ru' })).body.map((o: { id: string }) => o.id)).toEqual([oCheap]);
    expect((await search({ maxPriceCents: 2500 })).body.map((o: { id: string }) => o.id)).toEqual([oCheap]);
    expect((await search({ startBy: '2027-01-01' })).body.map((o: { id: string }) => o.id)).toEqual([oCheap]);
    expect((await search({ serviceCode: tag })).body).toEqual([]);
    const res = await search({});
    expect(res.headers['content-range']).toBe('offers 0-1/2');
    expect(res.body[0]).toMatchObject({ providerName: 'Lēts', serviceNameLv: 'Logopēds', maxPriceCents: 3200, visible: true });
  });
});

describe('marketplace: contracts', () => {
  let t: TestApp;
  let provider: { id: string };
  let other: { id: string };
  let providerAdmin: Session;
  let otherAdmin: Session;
  let caseManager: Session;
  let family: Session;
  let specialistId: string;
  let offerId: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'error' } });
    provider = await makeProvider(t.db, { name: 'Runā' });
    other = await makeProvider(t.db, { name: 'Cits' });
    providerAdmin = await userWithSession(t, 'provider_admin', provider as never);
    otherAdmin = await userWithSession(t, 'provider_admin', other as never);
    const riga = (await t.db.query(`SELECT id FROM organisation WHERE code = 'RIGA'`))[0] ?? (await makeOrganisation(t.db, 'municipality'));
    await t.db.query(`UPDATE organisation SET code = 'RIGA' WHERE id = $1`, [riga.id]);
    caseManager = await loginAs(t, await makeUser(t.db, 'case_manager', { organisation: riga }));
    family = await userWithSession(t, 'family');
    specialistId = await makeSpecialist(t.db, provider.id, { fullName: 'Elīna Logopēde' });
    offerId = await makeOffer(t.db, provider.id, { priceCents: 2500 });
  });
  afterAll(() => t.close());

  const newChild = async (allocatedCents: number) => {
    const childId = await makeMarketChild(t.db, { householdOrganisationId: family.user.organisationId, caseManagerUserId: caseManager.user.id });
    const lineId = await makeFundedLine(t.db, childId, { allocatedCents });
    return { childId, lineId };
  };
  const propose = (childId: string, over: Record<string, unknown> = {}) =>
    t.http().post('/api/contracts').set(family.auth).send({ offerId, childId, unitsPerMonth: 4, validFrom: '2027-01-01', validTo: '2027-06-30', ...over });

  it('family proposes → provider accepts naming a specialist → case manager approves: exactly the contract value is committed; ending early releases the rest', async () => {
    const { childId, lineId } = await newChild(100_000);
    const proposed = await propose(childId);
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'proposed', unitPriceCents: 2500, unitsPerMonth: 4, valueCents: 2500 * 4 * 6, child: { firstName: 'Jānis' } });
    const id = proposed.body.id;
    // the case manager cannot approve before the provider accepted
    expect((await t.http().post(`/api/contracts/${id}/approve`).set(caseManager.auth).send({})).body.code).toBe('CONTRACT_TRANSITION_FORBIDDEN');
    // another provider cannot accept (it does not even see the proposal)
    const foreign = await t.http().post(`/api/contracts/${id}/accept`).set(otherAdmin.auth).send({ specialistIds: [specialistId] });
    expect(foreign.status).toBe(404);
    // a specialist not working for the provider is refused
    const stranger = await makeSpecialist(t.db, other.id);
    expect((await t.http().post(`/api/contracts/${id}/accept`).set(providerAdmin.auth).send({ specialistIds: [stranger] })).body.errors).toEqual({ specialistIds: 'notOfProvider' });
    const accepted = await t.http().post(`/api/contracts/${id}/accept`).set(providerAdmin.auth).send({ specialistIds: [specialistId] });
    expect(accepted.body).toMatchObject({ status: 'accepted', specialists: [{ id: specialistId, fullName: 'Elīna Logopēde' }] });
    // the family cannot approve
    expect((await t.http().post(`/api/contracts/${id}/approve`).set(family.auth).send({})).status).toBe(403);
    const queue = await t.http().get('/api/contracts').query({ filter: JSON.stringify({ status: 'accepted' }) }).set(caseManager.auth);
    const queued = queue.body.find((c: { id: string }) => c.id === id);
    expect(queued.basketImpact).toMatchObject({ basketLineId: lineId, availableCents: 100_000, availableAfterCents: 100_000 - 60_000 });
    const approved = await t.http().post(`/api/contracts/${id}/approve`).set(caseManager.auth).send({});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', basketLineId: lineId, committedCents: 60_000 });
    expect(await balances(t, lineId)).toEqual({ allocate: 100_000, commit: 60_000 });
    // the printable contract carries both parties and the approving case manager
    const pdf = await t.http().get(`/api/contracts/${id}/pdf`).set(family.auth).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = (pdf.body as Buffer).toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text).toContain('Runa');
    expect(text).toContain(caseManager.user.fullName);
    expect(text).toContain('EUR 600.00');
    expect((await t.http().get(`/api/contracts/${id}/pdf`).set(otherAdmin.auth)).status).toBe(404);
    // approving again moves no money
    expect((await t.http().post(`/api/contracts/${id}/approve`).set(caseManager.auth).send({})).body.code).toBe('CONTRACT_TRANSITION_FORBIDDEN');
    // it becomes active on its start date; then ending early releases what is not spent
    await t.db.query(`UPDATE contract SET status = 'active' WHERE id = $1`, [id]);
    expect((await t.http().post(`/api/contracts/${id}/end`).set(caseManager.auth).send({ endDate: '2027-07-01' })).body.errors).toEqual({ endDate: 'outsidePeriod' });
    const ended = await t.http().post(`/api/contracts/${id}/end`).set(caseManager.auth).send({ endDate: '2027-03-31', reason: 'family_moved' });
    expect(ended.body).toMatchObject({ status: 'ended', validTo: '2027-03-31', releasedCents: 60_000 });
    expect(await balances(t, lineId)).toEqual({ allocate: 100_000, commit: 60_000, release: 60_000 });
    expect((await t.http().post(`/api/contracts/${id}/end`).set(caseManager.auth).send({})).body.code).toBe('CONTRACT_TRANSITION_FORBIDDEN');
  });

  it('ending early releases only what billing has not spent', async () => {
    const { childId, lineId } = await newChild(100_000);
    const id = (await propose(childId)).body.id;
    await t.http().post(`/api/contracts/${id}/accept`).set(providerAdmin.auth).send({ specialistIds: [specialistId] });
    await t.http().post(`/api/contracts/${id}/approve`).set(caseManager.auth).send({});
    await t.db.query(`UPDATE contract SET status = 'active' WHERE id = $1`, [id]);
    // billing spent two units (5,000) of the commitment through a claim line of this contract
    const [claim]: { id: string }[] = await t.db.query(
      `INSERT INTO claim_line (kind, visit_id, contract_id, child_id, provider_organisation_id, basket_line_id, funding_source, payer_key, service_code, service_date, unit_kind, unit_minutes, unit_price_cents, verified_minutes, billed_minutes, quantity_milli, amount_cents)
       VALUES ('claim', gen_random_uuid(), $1, $2, $3, $4, 'VM', 'VM', 'SPEECH', '2027-01-10', 'session', 40, 2500, 80, 80, 2000, 5000) RETURNING id`,
      [id, childId, provider.id, lineId],
    );
    await t.db.query(`INSERT INTO ledger_movement (basket_line_id, kind, amount_cents, ref_type, ref_id) VALUES ($1, 'spend', 5000, 'claim_line', $2)`, [lineId, claim.id]);
    const ended = await t.http().post(`/api/contracts/${id}/end`).set(providerAdmin.auth).send({ endDate: '2027-02-28' });
    expect(ended.body).toMatchObject({ status: 'ended', releasedCents: 55_000 });
    expect(await balances(t, lineId)).toEqual({ allocate: 100_000, commit: 60_000, spend: 5000, release: 55_000 });
  });

  it('approving two contracts that together exceed a line lets exactly one through', async () => {
    const { childId, lineId } = await newChild(80_000); // each contract is worth 60,000
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const id = (await propose(childId)).body.id;
      expect((await t.http().post(`/api/contracts/${id}/accept`).set(providerAdmin.auth).send({ specialistIds: [specialistId] })).status).toBe(200);
      ids.push(id);
    }
    const results = await Promise.all(ids.map((id) => t.http().post(`/api/contracts/${id}/approve`).set(caseManager.auth).send({})));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('BUDGET_INSUFFICIENT_FUNDS');
    expect(await balances(t, lineId)).toEqual({ allocate: 80_000, commit: 60_000 });
    const statuses: { status: string }[] = await t.db.query(`SELECT status FROM contract WHERE id = ANY($1::uuid[]) ORDER BY status`, [ids]);
    expect(statuses.map((s) => s.status)).toEqual(['accepted', 'approved']);
  });

  it('an expired accreditation blocks a new contract (and hides the offer)', async () => {
    const lapsed = await makeProvider(t.db, { accreditedUntil: '2026-11-30' });
    const lapsedOffer = await makeOffer(t.db, lapsed.id);
    const { childId } = await newChild(100_000);
    const res = await propose(childId, { offerId: lapsedOffer });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('PROVIDER_NOT_ACCREDITED');
    expect(await t.db.query(`SELECT 1 FROM contract WHERE offer_id = $1`, [lapsedOffer])).toHaveLength(0);
    expect((await t.http().get(`/api/offers/${lapsedOffer}`).set(family.auth)).status).toBe(404);
    // accreditation lapsing between proposal and acceptance blocks acceptance too
    const soon = await makeProvider(t.db);
    const soonAdmin = await userWithSession(t, 'provider_admin', soon as never);
    const soonSpecialist = await makeSpecialist(t.db, soon.id);
    const soonOffer = await makeOffer(t.db, soon.id);
    const id = (await propose(childId, { offerId: soonOffer })).body.id;
    await t.db.query(`UPDATE accreditation SET valid_to = '2026-11-30' WHERE provider_organisation_id = $1`, [soon.id]);
    expect((await t.http().post(`/api/contracts/${id}/accept`).set(soonAdmin.auth).send({ specialistIds: [soonSpecialist] })).body.code).toBe('PROVIDER_NOT_ACCREDITED');
  });

  it('a provider never sees a child beyond the contract: name, card status and the contracted service only', async () => {
    const { childId } = await newChild(100_000);
    await t.db.query(`INSERT INTO disability_decision (child_id, number, decision_date, kind, special_care, valid_from, consent_to_contact) VALUES ($1, $2, '2026-01-10', 'child', true, '2026-01-10', true)`, [childId, `VDEAVK-${childId.slice(0, 8)}`]);
    const id = (await propose(childId)).body.id;
    // a proposal is not yet a relationship: the child itself stays hidden
    expect((await t.http().get(`/api/children/${childId}`).set(providerAdmin.auth)).status).toBe(404);
    const proposal = await t.http().get(`/api/contracts/${id}`).set(providerAdmin.auth);
    expect(Object.keys(proposal.body.child).sort()).toEqual(['cardStatus', 'firstName', 'id', 'lastName']);
    await t.http().post(`/api/contracts/${id}/accept`).set(providerAdmin.auth).send({ specialistIds: [specialistId] });
    await t.http().post(`/api/contracts/${id}/approve`).set(caseManager.auth).send({});
    await t.db.query(`UPDATE contract SET status = 'active' WHERE id = $1`, [id]);

    const contract = await t.http().get(`/api/contracts/${id}`).set(providerAdmin.auth);
    expect(contract.status).toBe(200);
    expect(contract.body.child).toEqual({ id: childId, firstName: 'Jānis', lastName: 'Bērziņš', cardStatus: null });
    expect(contract.body).toMatchObject({ serviceCode: 'SPEECH', serviceNameLv: 'Logopēds' });
    expect(contract.body.basketImpact).toBeUndefined();
    const text = JSON.stringify(contract.body);
    for (const secret of ['personalCode', 'birthDate', 'decision', 'assessment', 'diagnos', 'consents', 'representatives']) expect(text).not.toContain(secret);

    const child = await t.http().get(`/api/children/${childId}`).set(providerAdmin.auth);
    expect(child.status).toBe(200);
    expect(child.body).toEqual({ id: childId, firstName: 'Jānis', lastName: 'Bērziņš' });
    const list = await t.http().get('/api/children').set(providerAdmin.auth);
    expect(list.body).toEqual([{ id: childId, firstName: 'Jānis', lastName: 'Bērziņš' }]);
    for (const path of [`/api/children/${childId}/consents`, `/api/assessments?filter=${encodeURIComponent(JSON.stringify({ childId }))}`, '/api/baskets', '/api/support-plans']) {
      expect([403, 404]).toContain((await t.http().get(path).set(providerAdmin.auth)).status);
    }
    // the audit trail records the provider's reads of the child
    const audit: { action: string }[] = await t.db.query(`SELECT action FROM audit_event WHERE child_id = $1 AND actor_user_id = $2`, [childId, providerAdmin.user.id]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['contract.read', 'child.read']));

    // another provider sees nothing of it
    expect((await t.http().get(`/api/children/${childId}`).set(otherAdmin.auth)).status).toBe(404);
    expect((await t.http().get(`/api/contracts/${id}`).set(otherAdmin.auth)).status).toBe(404);
    expect((await t.http().get('/api/contracts').set(otherAdmin.auth)).body.find((c: { id: string }) => c.id === id)).toBeUndefined();

    // when the contract ends, so does the provider's view of the child
    await t.http().post(`/api/contracts/${id}/end`).set(caseManager.auth).send({ endDate: '2027-03-31' });
    expect((await t.http().get(`/api/children/${childId}`).set(providerAdmin.auth)).status).toBe(404);
  });

  it('an approved contract becomes active on its start date (the daily sweep)', async () => {
    await t.db.query(`UPDATE offer SET free_capacity = 5 WHERE id = $1`, [offerId]);
    const { childId } = await newChild(100_000);
    const id = (await propose(childId)).body.id;
    await t.http().post(`/api/contracts/${id}/accept`).set(providerAdmin.auth).send({ specialistIds: [specialistId] });
    expect((await t.http().post(`/api/contracts/${id}/approve`).set(caseManager.auth).send({})).body.status).toBe('approved');
    // the offer's free places went down by one with each acceptance; with none left, acceptance is refused
    await t.db.query(`UPDATE offer SET free_capacity = 0 WHERE id = $1`, [offerId]);
    const late = (await propose(childId)).body;
    expect(late.code).toBe('OFFER_UNAVAILABLE');
    await t.db.query(`UPDATE offer SET free_capacity = 5 WHERE id = $1`, [offerId]);
    const contracts = t.app.get(ContractsService);
    expect(await contracts.activateDue(t.db.manager, '2026-12-31')).toBe(0);
    expect(await contracts.activateDue(t.db.manager, '2027-01-01')).toBeGreaterThanOrEqual(1);
    expect((await t.db.query(`SELECT status FROM contract WHERE id = $1`, [id]))[0].status).toBe('active');
  });

  it("who may deliver: a named specialist must hold the service's qualification; a mentor is for 13+", async () => {
    await t.db.query(`UPDATE offer SET free_capacity = 5 WHERE id = $1`, [offerId]);
    const { childId } = await newChild(100_000);
    const id = (await propose(childId)).body.id;
    const psychologist = await makeSpecialist(t.db, provider.id);
    await t.db.query(`UPDATE specialist SET qualifications = '{psychologist}' WHERE id = $1`, [psychologist]);
    const res = await t.http().post(`/api/contracts/${id}/accept`).set(providerAdmin.auth).send({ specialistIds: [psychologist] });
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { specialistIds: 'notQualified' } });
    expect((await t.db.query(`SELECT status FROM contract WHERE id = $1`, [id]))[0].status).toBe('proposed');
    await t.db.query(`INSERT INTO accreditation (provider_organisation_id, service_code, register_number, valid_from) VALUES ($1, 'MENTOR', 'AKR-M', '2026-01-01')`, [provider.id]);
    const mentorOffer = await makeOffer(t.db, provider.id, { serviceCode: 'MENTOR', priceCents: 1500, unitMinutes: 60 });
    expect((await propose(childId, { offerId: mentorOffer })).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { childId: 'belowMinAge' } });
  });

  it("search can keep to the services of the child's support plan and brings the plan's units per month", async () => {
    const { childId } = await newChild(100_000);
    const [a]: { id: string }[] = await t.db.query(
      `INSERT INTO assessment (child_id, version, status, domains, valid_from, valid_to, review_reminder_on, created_by_user_id) VALUES ($1, 1, 'signed', '{}', '2026-06-01', '2028-05-31', '2028-04-01', $2) RETURNING id`,
      [childId, caseManager.user.id],
    );
    await t.db.query(`INSERT INTO support_plan (child_id, assessment_id, services, created_by_user_id) VALUES ($1, $2, $3, $4)`, [
      childId,
      a.id,
      JSON.stringify([{ serviceCode: 'SPEECH', proposedUnitsPerMonth: 8, unitsPerMonth: 6, reason: null, continuitySpecialist: null, goal: null }]),
      caseManager.user.id,
    ]);
    const physioProvider = await makeProvider(t.db, { services: ['PHYSIO'] });
    const physio = await makeOffer(t.db, physioProvider.id, { serviceCode: 'PHYSIO', priceCents: 3000 });
    const all = await t.http().get('/api/offers').query({ filter: JSON.stringify({ childId }), range: '[0,99]' }).set(family.auth);
    expect(all.body.map((o: { id: string }) => o.id)).toEqual(expect.arrayContaining([offerId, physio]));
    const inPlan = await t.http().get('/api/offers').query({ filter: JSON.stringify({ childId, inPlan: true }), range: '[0,99]' }).set(family.auth);
    expect(inPlan.body.map((o: { serviceCode: string }) => o.serviceCode)).toEqual(inPlan.body.map(() => 'SPEECH'));
    expect(inPlan.body.find((o: { id: string }) => o.id === offerId)).toMatchObject({ planUnitsPerMonth: 6 });
    // searching for another family's child is refused like reading the child
    const stranger = await userWithSession(t, 'family');
    expect((await t.http().get('/api/offers').query({ filter: JSON.stringify({ childId, inPlan: true }) }).set(stranger.auth)).status).toBe(404);
  });

  it('a family cannot propose for a child that is not theirs, nor a period before the offer starts', async () => {
    const stranger = await userWithSession(t, 'family');
    const { childId } = await newChild(100_000);
    expect((await t.http().post('/api/contracts').set(stranger.auth).send({ offerId, childId, unitsPerMonth: 4, validFrom: '2027-01-01', validTo: '2027-06-30' })).status).toBe(404);
    expect((await propose(childId, { validFrom: '2026-01-01' })).body.errors).toEqual({ validFrom: 'inThePast' });
    expect((await propose(childId, { validTo: '2026-12-31' })).body.errors).toEqual({ validTo: 'beforeValidFrom' });
  });
});
