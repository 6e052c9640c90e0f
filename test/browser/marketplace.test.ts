import { Browser } from 'playwright-core';
import { accessibilityViolations, launchChromium, openPage, RunningPlatform, signIn, startPlatform } from '../support/browser';

/**
 * The market in real Chromium on the demo data: the family finds and compares speech-therapy offers for
 * Jānis and requests one; «Runā» accepts naming Elīna; the case manager sees the basket impact and
 * approves; the family's basket then shows the contract's money reserved on the therapy line.
 */
jest.setTimeout(180_000);
let platform: RunningPlatform;
let browser: Browser;

beforeAll(async () => {
  // LIDZ_BROWSER_BASE reuses a platform already started with `npm start` (useful on a slow machine)
  const reuse = process.env.LIDZ_BROWSER_BASE;
  platform = reuse ? { base: reuse, output: () => '', stop: async () => undefined } : await startPlatform();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

it('family proposes, provider accepts naming a specialist, case manager approves, basket shows the committed amount', async () => {
  const base = platform.base;
  const errors: string[] = [];

  // 1. the family finds and compares offers, then requests «Runā»'s speech therapy for Jānis
  const family = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  family.on('pageerror', (e) => errors.push(e.message));
  await family.goto(`${base}/portal/login`);
  await signIn(family, 'gimene@lidz.lv');
  await family.getByRole('link', { name: 'Atrast pakalpojumu' }).first().click();
  await family.getByLabel('Pakalpojums').selectOption({ label: 'Logopēds' });
  await family.getByRole('button', { name: 'Meklēt' }).click();
  const offers = family.getByTestId('offer');
  await family.getByText('Atrasti piedāvājumi: 2').waitFor();
  expect(await offers.count()).toBe(2);
  for (let i = 0; i < 2; i++) await offers.nth(i).getByLabel('Salīdzināt').check();
  await family.getByRole('heading', { name: 'Salīdzinājums' }).waitFor();
  expect(await accessibilityViolations(family)).toEqual([]);
  const runa = offers.filter({ hasText: 'Runā' });
  await runa.getByRole('button', { name: 'Izvēlēties' }).click();
  await family.getByLabel('Reizes mēnesī').fill('4');
  await family.getByRole('button', { name: 'Nosūtīt pieprasījumu' }).click();
  await family.getByText('Pieprasījums nosūtīts').waitFor();

  // 2. the provider accepts, naming Elīna
  const provider = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  provider.on('pageerror', (e) => errors.push(e.message));
  await provider.goto(`${base}/portal/login`);
  await signIn(provider, 'sniedzejs@lidz.lv');
  await provider.getByRole('link', { name: 'Līgumi' }).first().click();
  const request = provider.getByTestId('contract').filter({ hasText: 'Logopēds' }).filter({ hasText: 'gaida sniedzēju' });
  await request.waitFor();
  await request.getByLabel('Elīna Logopēde').check();
  await request.getByRole('button', { name: 'Pieņemt' }).click();
  await provider.getByTestId('contract').filter({ hasText: 'Logopēds' }).filter({ hasText: 'gaida gadījuma vadītāja apstiprinājumu' }).waitFor();

  // 3. the case manager sees the basket impact in the approval queue and approves
  const admin = await openPage(browser, { viewport: { width: 1440, height: 900 } });
  admin.on('pageerror', (e) => errors.push(e.message));
  await admin.goto(`${base}/admin/`);
  await signIn(admin, 'vaditajs.riga@lidz.lv');
  await admin.goto(`${base}/admin/#/contracts`);
  await admin.getByRole('row').filter({ hasText: 'Logopēds' }).first().click();
  await admin.getByTestId('basket-impact').waitFor();
  await admin.getByRole('button', { name: 'Apstiprināt un rezervēt' }).click();
  await admin.getByTestId('contract-status').filter({ hasText: 'Apstiprināts' }).waitFor();

  // 4. the family's basket shows the money reserved: EUR 800 of the demo contract + EUR 600 of this one
  await family.goto(`${base}/portal/basket`);
  await family.getByText(/1\s?400,00\s€ ir rezervēti/).waitFor();
  expect(errors).toEqual([]);
});
