import { Browser } from 'playwright-core';
import { accessibilityViolations, launchChromium, openPage, RunningPlatform, signIn, startPlatform } from '../support/browser';

jest.setTimeout(60_000);
let platform: RunningPlatform;
let base: string;
let browser: Browser;
let output = '';

beforeAll(async () => {
  platform = await startPlatform();
  base = platform.base;
  output = platform.output();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

it('prints the URLs and every demo login', () => {
  expect(output).toContain(`${base}/admin/`);
  expect(output).toContain(`${base}/portal/`);
  for (const email of ['admin@lidz.lv', 'vaditajs.riga@lidz.lv', 'gimene@lidz.lv', 'specialists@lidz.lv']) expect(output).toContain(email);
});


describe.each([
  ['admin@lidz.lv', 'Ilze Platforma', 'Lietotāji'],
  ['vaditajs.riga@lidz.lv', 'Laura Liepa', 'Gadījuma vadītājs'],
  ['sociala.riga@lidz.lv', 'Dace Ozola', 'Pašvaldības sociālā dienesta darbinieks'],
  ['analitikis.lm@lidz.lv', 'Pēteris Analītiķis', 'Ministrijas analītiķis'],
])('admin login as %s', (email, name, expectedText) => {
  it('signs in, greets by name in Latvian and shows what the role uses', async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/admin/`);
    await page.getByRole('button', { name: 'Pieteikties' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await signIn(page, email);
    await page.getByText(`Sveiki, ${name}!`).waitFor({ timeout: 20_000 });
    await page.getByText(expectedText).first().waitFor();
    expect(errors).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});

describe.each([
  ['gimene@lidz.lv', 'Sveiki, Kristīne!'],
  ['jaunietis@lidz.lv', 'Sveiki, Andris!'],
  ['specialists@lidz.lv', 'Logopēdijas centrs «Runā»'],
  ['sniedzejs@lidz.lv', 'Logopēdijas centrs «Runā»'],
])('portal login as %s on a phone', (email, heading) => {
  it('signs in and shows the home page of the role', async () => {
    const page = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto(`${base}/portal/`);
    await page.getByRole('button', { name: 'Pieteikties' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await signIn(page, email);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 20_000 });
    await page.getByText('Laipni lūgti platformā Līdz.Vērtīgs').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // nothing wider than the phone
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.getByLabel('Valoda').selectOption('en');
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the portal' }).waitFor();
    await page.close();
  });
});

it('sends an admin role away from the portal and a wrong password gets a clear message', async () => {
  const page = await openPage(browser);
  await page.goto(`${base}/portal/login`);
  await signIn(page, 'admin@lidz.lv', undefined, { succeeds: false });
  await page.getByRole('alert').getByText('/admin/').waitFor();
  await page.getByLabel('Parole', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: 'Pieteikties' }).click();
  await page.getByRole('alert').getByText('Nepareizs e-pasts vai parole.').waitFor();
  await page.close();
});
