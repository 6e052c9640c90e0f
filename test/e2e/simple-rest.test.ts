import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils } from 'ra-core';
import { startTestApp, TestApp } from '../support/app';
import { makeOrganisation, makeUser, userWithSession } from '../support/factories';

// The client react-admin users install, talking to the running API over real HTTP.
describe('ra-data-simple-rest against the users resource', () => {
  let t: TestApp;
  let provider: ReturnType<typeof simpleRestProvider>;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.getHttpServer().address() as { port: number };
    const admin = await userWithSession(t, 'platform_admin');
    const org = await makeOrganisation(t.db, 'municipality', 'Testa pašvaldība');
    for (const [i, name] of ['Anna Ābele', 'Bruno Bērziņš', 'Cilda Cīrule', 'Dainis Dūmiņš', 'Elza Ēķe'].entries()) {
      await makeUser(t.db, i % 2 ? 'case_manager' : 'municipality_officer', { organisation: org, fullName: name, email: `${String.fromCharCode(97 + i)}-worker@example.lv` });
    }
    const httpClient = (url: string, options: fetchUtils.Options = {}) => fetchUtils.fetchJson(url, { ...options, headers: new Headers({ Accept: 'application/json', Authorization: `Bearer ${admin.accessToken}` }) });
    provider = simpleRestProvider(`http://127.0.0.1:${address.port}/api`, httpClient);
  });
  afterAll(() => t.close());

  it('lists with sort, filter and paging, and reads the total from Content-Range', async () => {
    const page1 = await provider.getList('users', { pagination: { page: 1, perPage: 2 }, sort: { field: 'email', order: 'ASC' }, filter: { q: 'worker' } });
    expect(page1.total).toBe(5);
    expect(page1.data.map((u) => u.email)).toEqual(['a-worker@example.lv', 'b-worker@example.lv']);
    const page3 = await provider.getList('users', { pagination: { page: 3, perPage: 2 }, sort: { field: 'email', order: 'ASC' }, filter: { q: 'worker' } });
    expect(page3.data.map((u) => u.email)).toEqual(['e-worker@example.lv']);
    const desc = await provider.getList('users', { pagination: { page: 1, perPage: 10 }, sort: { field: 'fullName', order: 'DESC' }, filter: { q: 'worker', role: 'case_manager' } });
    expect(desc.data.map((u) => u.fullName)).toEqual(['Dainis Dūmiņš', 'Bruno Bērziņš']);
  });

  it('gets one and many, and edits with the whole record sent back', async () => {
    const { data: list } = await provider.getList('users', { pagination: { page: 1, perPage: 1 }, sort: { field: 'email', order: 'ASC' }, filter: { q: 'c-worker' } });
    const one = await provider.getOne('users', { id: list[0].id });
    expect(one.data.fullName).toBe('Cilda Cīrule');
    const many = await provider.getMany('users', { ids: [list[0].id] });
    expect(many.data).toHaveLength(1);
    const updated = await provider.update('users', { id: one.data.id, data: { ...one.data, fullName: 'Cilda Cīrule-Kalna' }, previousData: one.data });
    expect(updated.data.fullName).toBe('Cilda Cīrule-Kalna');
    expect((await provider.getOne('users', { id: one.data.id })).data.fullName).toBe('Cilda Cīrule-Kalna');
  });

  it('surfaces field-keyed validation errors to the client', async () => {
    const { data } = await provider.getList('users', { pagination: { page: 1, perPage: 1 }, sort: { field: 'email', order: 'ASC' }, filter: { q: 'a-worker' } });
    await expect(provider.update('users', { id: data[0].id, data: { ...data[0], email: 'broken' }, previousData: data[0] })).rejects.toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: { email: 'isEmail' } } });
  });
});
