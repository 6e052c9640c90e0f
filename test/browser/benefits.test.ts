import { Browser, Page } from 'playwright-core';
import { accessibilityViolations, launchChromium, openPage, RunningPlatform, startPlatform } from '../support/browser';

// generous: a shared test machine can be slow to answer
jest.setTimeout(180_000);
let platform: RunningPlatform;
let base: string;
let browser: Browser;

beforeAll(async () => {
  platform = await startPlatform();
  base = platform.base;
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

/** Amounts are formatted by Intl, which puts a no-break space before the euro sign. */
const euro = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s\\u00a0]'));

async function answer(page: Page, legend: string, option: string) {
  await page.getByRole('group', { name: legend }).getByLabel(option, { exact: true }).check();
}

describe('the public benefits finder on a phone', () => {
  it('needs no login; a 7-year-old with severe functional impairment living at home gets EUR 160 and EUR 413.43 a month', async () => {
    const page = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/portal/login`);
    await page.getByRole('link', { name: 'Kas pienākas bērnam ar invaliditāti?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kas pienākas bērnam ar invaliditāti?' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Bērna vecums (pilni gadi)').fill('7');
    await answer(page, 'Kāda invaliditāte noteikta?', 'Bērnam ar invaliditāti (līdz 18 gadiem)');
    await answer(page, 'Vai atzinumā teikts, ka ir smagi funkcionālie traucējumi un vajadzīga īpaša kopšana?', 'Jā');
    await answer(page, 'Vai bērns dzīvo mājās ar ģimeni?', 'Jā');
    await page.getByLabel('Kur jūs dzīvojat?').selectOption('RIGA');
    await page.getByRole('button', { name: 'Parādīt, kas pienākas' }).click();

    const eligible = page.getByRole('list', { name: /^Pienākas \(\d+\)$/ });
    const supplement = eligible.getByRole('article', { name: 'Ģimenes valsts pabalsta piemaksa par bērnu ar invaliditāti' });
    await supplement.waitFor();
    await expect(supplement.locator('.benefit-amount').textContent()).resolves.toMatch(euro('160,00 € mēnesī'));
    const care = eligible.getByRole('article', { name: 'Pabalsts par bērna ar invaliditāti kopšanu' });
    await expect(care.locator('.benefit-amount').textContent()).resolves.toMatch(euro('413,43 € mēnesī'));
    await expect(
      eligible.getByRole('article', { name: 'Transporta izdevumu kompensācija personām ar invaliditāti' }).locator('.benefit-amount').textContent(),
    ).resolves.toMatch(euro('apmēram 105,00 € divreiz gadā'));
    await eligible.getByRole('article', { name: 'Atelpas brīža pakalpojums (Rīga, piemērs)' }).getByText('Pašvaldības pakalpojums').waitFor();
    // an adult benefit is not in the list for a 7-year-old
    expect(await eligible.getByRole('article', { name: 'Valsts sociālā nodrošinājuma pabalsts personai ar invaliditāti' }).count()).toBe(0);
    await care.getByRole('link', { name: /Oficiālā informācija/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

    // the same answers in English
    await page.getByLabel('Valoda').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'What is a child with a disability entitled to?' }).waitFor();
    await expect(page.getByRole('article', { name: 'Care benefit for a child with a disability' }).locator('.benefit-amount').textContent()).resolves.toMatch(
      euro('€413.43 a month'),
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the case manager's view of the caseload", () => {
  it('highlights an entitlement the family does not yet receive (Elza: the EUR 413.43 care benefit)', async () => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(60_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/admin/`);
    await page.getByLabel('E-pasts').fill('vaditajs.riga@lidz.lv');
    await page.getByLabel('Parole', { exact: true }).fill('Demo-parole-2026');
    await page.getByRole('button', { name: 'Pieteikties' }).click();
    await page.getByText('Sveiki, Laura Liepa!').waitFor({ timeout: 60_000 });
    await page.goto(`${base}/admin/#/benefit-gaps`);
    const row = page.getByRole('row', { name: /Elza Ozoliņa/ });
    await row.getByText('Pabalsts par bērna ar invaliditāti kopšanu').waitFor({ timeout: 60_000 });
    expect(await accessibilityViolations(page)).toEqual([]);
    await row.click();
    await page.getByRole('heading', { level: 1, name: 'Kas pienākas: Elza Ozoliņa' }).waitFor();
    const care = page.locator('[data-code="CHILD_CARE_BENEFIT"]');
    await expect(care.getAttribute('data-standing')).resolves.toBe('missing');
    await care.getByText('Pienākas, bet vēl nesaņem').waitFor();
    await expect(page.locator('[data-code="FAMILY_BENEFIT_SUPPLEMENT"]').getAttribute('data-standing')).resolves.toBe('received');
    await page.getByRole('heading', { name: 'Kas mainīsies 18 un 25 gadu vecumā' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // once recorded as received, it is no longer highlighted
    await care.getByRole('button', { name: 'Atzīmēt, ka saņem' }).click();
    await page.locator('[data-code="CHILD_CARE_BENEFIT"][data-standing="received"]').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the family's view of its own child", () => {
  it("shows Jānis's entitlements with what he already receives marked", async () => {
    const page = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto(`${base}/portal/login`);
    await page.getByLabel('E-pasts').fill('gimene@lidz.lv');
    await page.getByLabel('Parole', { exact: true }).fill('Demo-parole-2026');
    await page.getByRole('button', { name: 'Pieteikties' }).click();
    await page.getByRole('link', { name: 'Kas pienākas: Jānis' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kas pienākas: Jānis' }).waitFor();
    const supplement = page.getByRole('article', { name: 'Ģimenes valsts pabalsta piemaksa par bērnu ar invaliditāti' });
    await supplement.getByText('Jau saņem').waitFor();
    await expect(supplement.locator('.benefit-amount').textContent()).resolves.toMatch(euro('160,00 € mēnesī'));
    await page.getByRole('article', { name: 'Valsts apmaksātas psihologa konsultācijas bērnam un ģimenei' }).getByText('Pienākas, bet vēl nesaņem').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.close();
  });
});
