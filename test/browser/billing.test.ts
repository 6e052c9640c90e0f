import * as fs from 'node:fs';
import { Browser } from 'playwright-core';
import { isValidIban } from '../../api/src/modules/billing/documents/bank.rules';
import { find, findAll, parseXml, textOf } from '../../api/src/modules/billing/documents/xml';
import { accessibilityViolations, launchChromium, openPage, RunningPlatform, signIn, startPlatform } from '../support/browser';

/**
 * Billing in real Chromium on the demo data: the platform admin starts a billing run and watches its
 * progress bar finish; a second admin approves the invoice (the starter may not); the first prepares a
 * payment batch, the second approves it and downloads the SEPA file; the provider finds the invoice in
 * the portal.
 */
jest.setTimeout(240_000);
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

/** The month of the demo's first verified visit (15 days ago, Riga time). */
function demoMonth(): string {
  const d = new Date(Date.now() - 15 * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit' }).format(d).slice(0, 7);
}

it('run → progress → approve as another user → SEPA file; the provider sees the invoice', async () => {
  const base = platform.base;
  const errors: string[] = [];
  const month = demoMonth();

  // 1. admin@lidz.lv starts the run and watches the progress bar reach 100 %
  const maker = await openPage(browser, { viewport: { width: 1440, height: 900 } });
  maker.on('pageerror', (e) => errors.push(e.message));
  await maker.goto(`${base}/admin/`);
  await signIn(maker, 'admin@lidz.lv');
  await maker.getByText('Norēķinu palaišanas').first().waitFor();
  await maker.goto(`${base}/admin/#/billing-runs/create`);
  await maker.getByLabel('Mēnesis').fill(month);
  await maker.getByRole('button', { name: 'Saglabāt' }).click();
  const bar = maker.getByTestId('run-progress');
  await bar.waitFor();
  await maker.locator('[data-testid="run-progress"][aria-valuenow="100"]').waitFor({ timeout: 60_000 });
  await maker.getByText('Pabeigts').first().waitFor();

  // 2. the starter may not approve; finanses@lidz.lv does
  const checker = await openPage(browser, { viewport: { width: 1440, height: 900 } });
  checker.on('pageerror', (e) => errors.push(e.message));
  await checker.goto(`${base}/admin/`);
  await signIn(checker, 'finanses@lidz.lv');
  await checker.getByText('Rēķini').first().waitFor();
  await checker.goto(`${base}/admin/#/invoices`);
  await checker.getByRole('row').filter({ hasText: month }).first().click();
  await checker.getByRole('button', { name: 'Apstiprināt rēķinu' }).click();
  await checker.getByText('Apstiprināts').first().waitFor();
  const number = (await checker
    .getByText(/^40008000001-\d{6}$/)
    .first()
    .textContent())!.trim();
  const payer = (await checker.getByRole('table', { name: 'Rindas' }).getByRole('row').nth(1).getByRole('cell').nth(3).textContent())!.trim();

  // 3. the maker prepares the payment batch of that paying source; the checker approves and downloads the file
  await maker.goto(`${base}/admin/#/payment-batches/create`);
  await maker.getByLabel('Maksātājs').click();
  await maker.getByRole('option', { name: payer, exact: true }).click();
  await maker.getByRole('button', { name: 'Saglabāt' }).click();
  await maker.getByText('SEPA fails').first().waitFor();
  await checker.goto(`${base}/admin/#/payment-batches`);
  await checker.getByRole('row').filter({ hasText: payer }).first().click();
  await checker.getByRole('button', { name: 'Apstiprināt paketi' }).click();
  const downloading = checker.waitForEvent('download');
  await checker.getByRole('button', { name: 'Lejupielādēt SEPA failu' }).click();
  const file = await downloading;
  const xml = fs.readFileSync((await file.path())!, 'utf8');
  const doc = parseXml(xml);
  const pmtInf = find(doc, 'CstmrCdtTrfInitn', 'PmtInf')!;
  const txs = findAll(pmtInf, 'CdtTrfTxInf');
  expect(txs).toHaveLength(1);
  expect(textOf(doc, 'CstmrCdtTrfInitn', 'GrpHdr', 'NbOfTxs')).toBe('1');
  expect(textOf(pmtInf, 'CtrlSum')).toBe(textOf(txs[0], 'Amt', 'InstdAmt'));
  expect(textOf(txs[0], 'CdtrAcct', 'Id', 'IBAN')).toBe('LV80BANK0000435195001');
  expect(isValidIban(textOf(pmtInf, 'DbtrAcct', 'Id', 'IBAN')!)).toBe(true);
  expect(textOf(txs[0], 'RmtInf', 'Ustrd')).toContain(number);

  // 4. the provider finds the invoice in the portal
  const provider = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  provider.on('pageerror', (e) => errors.push(e.message));
  await provider.goto(`${base}/portal/login`);
  await signIn(provider, 'sniedzejs@lidz.lv');
  await provider.getByRole('link', { name: 'Rēķini un maksājumi' }).first().click();
  const invoice = provider.getByTestId('invoice').filter({ hasText: number });
  await invoice.waitFor();
  await provider.getByTestId('payment').first().waitFor();
  expect(await accessibilityViolations(provider)).toEqual([]);
  expect(errors).toEqual([]);
});
