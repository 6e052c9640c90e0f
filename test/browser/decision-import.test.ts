import { Browser } from 'playwright-core';
import { oldFormCode } from '../../api/src/modules/children/personal-code.rules';
import { rigaToday } from '../../api/src/modules/cases/working-days.rules';
import { accessibilityViolations, launchChromium, openPage, RunningPlatform, signIn, startPlatform } from '../support/browser';

jest.setTimeout(240_000);
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

it('a municipality officer imports a decision file, sees the progress complete with the row errors, and the case lands in a case manager’s caseload', async () => {
  const today = rigaToday();
  const code = oldFormCode(`${Number(today.slice(0, 4)) - 7}-03-14`, 321);
  const csv = [
    'number;date;personalCode;firstName;lastName;municipality;kind;specialCare;validFrom;validTo;consentToContact',
    `VDEAVK-BROWSER-1;${today};${code};Pārlūks;Importiņš;RIGA;child;jā;${today};;jā`,
    `VDEAVK-BROWSER-2;${today};150717-21239;Kļūda;Rindā;RIGA;child;nē;${today};;jā`,
  ].join('\n');

  const admin = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  admin.on('pageerror', (e) => errors.push(e.message));
  await admin.goto(`${base}/admin/`);
  await admin.getByRole('button', { name: 'Pieteikties' }).waitFor({ timeout: 60_000 });
  await signIn(admin, 'sociala.riga@lidz.lv');
  await admin.getByText('Sveiki, Dace Ozola!').waitFor({ timeout: 20_000 });
  await admin.goto(`${base}/admin/#/decision-imports/create`);
  await admin.getByLabel('Atzinumu fails (CSV)').setInputFiles({ name: 'lemumi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await admin.getByRole('button', { name: 'Importēt', exact: true }).click();
  await admin.getByTestId('import-status').filter({ hasText: 'Pabeigts' }).waitFor({ timeout: 60_000 });
  expect(await admin.getByTestId('import-progress').textContent()).toContain('2 / 2 (100%)');
  expect(await admin.getByTestId('import-counts').textContent()).toContain('Importētas: 1');
  await admin.getByRole('cell', { name: 'Nepareizs kontrolcipars' }).waitFor();
  expect(await accessibilityViolations(admin)).toEqual([]);

  // the officer's balance shows Laura Liepa (7 of 8 before) now full, and the queue empty
  await admin.goto(`${base}/admin/#/caseload-balance`);
  await admin.getByText('8 / 8 — pilns').waitFor();
  expect(errors).toEqual([]);
  await admin.close();

  const manager = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  await manager.goto(`${base}/admin/`);
  await manager.getByRole('button', { name: 'Pieteikties' }).waitFor({ timeout: 60_000 });
  await signIn(manager, 'vaditajs.riga@lidz.lv');
  await manager.getByText('Sveiki, Laura Liepa!').waitFor({ timeout: 20_000 });
  await manager.goto(`${base}/admin/#/cases`);
  await manager.getByText('Pārlūks Importiņš').waitFor({ timeout: 20_000 });
  // overdue cases come first
  const firstRow = manager.locator('tbody tr').first();
  await firstRow.getByText(/Nokavēts kopš/).waitFor();
  expect(await accessibilityViolations(manager)).toEqual([]);
  await manager.close();
});
