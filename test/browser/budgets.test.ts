import { Browser, Page } from 'playwright-core';
import { accessibilityViolations, DEMO_PASSWORD, launchChromium, openPage, RunningPlatform, signIn, startPlatform } from '../support/browser';

jest.setTimeout(120_000);
let platform: RunningPlatform;
let browser: Browser;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function api<T = { id: string }>(path: string, token: string | null, method = 'GET', body?: unknown): Promise<T> {
  const res = await fetch(`${platform.base}/api${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const login = async (email: string) => (await api<{ accessToken: string }>('/auth/login', null, 'POST', { email, password: DEMO_PASSWORD })).accessToken;

async function adminPage(email: string): Promise<Page> {
  const page = await openPage(browser, { viewport: { width: 1400, height: 900 } });
  await page.goto(`${platform.base}/admin/`);
  await signIn(page, email);
  await page.getByText(/Sveiki/).first().waitFor({ timeout: 20_000 });
  return page;
}

it('the case manager drafts a plan and a basket and submits it, the officer approves, the family signs and sees its basket in plain words', async () => {
  // the printed demo report carries the average basket
  expect(platform.output()).toMatch(/average annual basket EUR [\d,]+/);

  // a new assessment version for Jānis, signed by the case manager and the health specialist
  const cm = await login('vaditajs.riga@lidz.lv');
  const baskets = await api<{ childId: string; childName: string }[]>(`/baskets?filter=${encodeURIComponent(JSON.stringify({}))}&range=[0,99]`, cm);
  const janis = baskets.find((b) => b.childName === 'Jānis Bērziņš')!;
  const domains = Object.fromEntries(
    ['mobility', 'self_care', 'communication', 'vision', 'hearing', 'learning', 'behaviour_mental_health', 'social_participation', 'education', 'family_situation'].map((d) => [d, { level: d === 'communication' ? 3 : d === 'learning' ? 2 : 0, note: null }]),
  );
  const assessment = await api('/assessments', cm, 'POST', { childId: janis.childId, validFrom: '2026-12-01', validTo: '2027-11-30', domains });
  await api(`/assessments/${assessment.id}/sign`, cm, 'POST', {});
  await api(`/assessments/${assessment.id}/health-signoff`, cm, 'POST', { name: 'Dr. Ilona Ārste', registrationNumber: 'VM-ARST-20417' });

  // the parent signs in the portal
  const family = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true });
  await family.goto(`${platform.base}/portal/login`);
  await signIn(family, 'gimene@lidz.lv');
  await family.getByRole('link', { name: 'Bērna grozs' }).click();
  await family.getByRole('heading', { level: 1, name: 'Līdzekļu grozs' }).waitFor();
  await family.getByText('Lūdzu, izlasiet un parakstiet bērna vajadzību izvērtējumu.').waitFor();
  expect(await accessibilityViolations(family)).toEqual([]);
  const signed = family.waitForResponse((r) => r.url().includes(`/api/assessments/${assessment.id}/sign`));
  await family.getByRole('button', { name: 'Parakstīt' }).click();
  expect((await signed).status()).toBe(200);
  await family.getByText('Paldies! Jūsu paraksts saglabāts.').waitFor();

  // the case manager drafts the plan from the assessment, changes a service with a reason, drafts the basket and submits it
  const admin = await adminPage('vaditajs.riga@lidz.lv');
  await admin.goto(`${platform.base}/admin/#/assessments/${assessment.id}/show`);
  await admin.getByTestId('signoff-status').getByText('Visi trīs ir parakstījuši').waitFor();
  await admin.getByRole('button', { name: 'Sagatavot atbalsta plānu' }).click();
  await admin.getByLabel('Izmaiņu pamatojums').first().waitFor();
  const units = admin.getByLabel('Vienības mēnesī');
  expect(await units.count()).toBe(2); // SPECIAL_EDUCATOR and SPEECH
  await units.nth(1).fill('8');
  await admin.getByLabel('Izmaiņu pamatojums').nth(1).fill('Divas nodarbības nedēļā');
  await admin.getByRole('button', { name: 'Saglabāt' }).click();
  await admin.getByRole('button', { name: 'Sagatavot grozu' }).click();
  await admin.getByTestId('basket-status').getByText('Melnraksts').waitFor();
  await admin.getByRole('button', { name: 'Iesniegt apstiprināšanai' }).click();
  await admin.getByTestId('basket-status').getByText('Iesniegts').waitFor();
  const basketUrl = admin.url();
  await admin.close();

  // Riga's municipality officer approves it
  const officer = await adminPage('sociala.riga@lidz.lv');
  await officer.goto(basketUrl);
  await officer.getByTestId('basket-status').getByText('Iesniegts').waitFor();
  await officer.getByRole('button', { name: 'Apstiprināt' }).click();
  await officer.getByTestId('basket-status').getByText('Aktīvs').waitFor();
  await officer.getByRole('tab', { name: 'Virsgrāmata' }).click();
  await officer.getByTestId('basket-ledger').getByText('Piešķirts').first().waitFor();
  await officer.close();

  // the family sees the new basket in plain language, with the reason for the raised amount
  await family.reload();
  await family.getByRole('heading', { level: 1, name: 'Līdzekļu grozs' }).waitFor();
  await family.getByText(/Terapija, maksā Veselības ministrija: 2\s?400,00\s€ šajā laikposmā, 0,00\s€ izlietoti, 2\s?400,00\s€ atlikuši/).waitFor();
  await family.getByText(/Pamatojums: SPEECH: Divas nodarbības nedēļā/).first().waitFor();
  expect(await accessibilityViolations(family)).toEqual([]);
  await family.close();
});
