import * as fs from 'node:fs';
import { Browser } from 'playwright-core';
import { accessibilityViolations, launchChromium, openPage, RunningPlatform, signIn, startPlatform } from '../support/browser';

jest.setTimeout(180_000);
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

it('the ministry dashboard: a filter changes the chart and its table, and the XLSX downloads', async () => {
  const page = await openPage(browser, { viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${platform.base}/admin/`);
  await signIn(page, 'analitikis.lm@lidz.lv');
  await page.getByText('Sveiki, Pēteris Analītiķis!').waitFor({ timeout: 20_000 });
  // the dashboard's own oversight block
  await page.getByText('Uzraudzība īsumā').waitFor();

  await page.goto(`${platform.base}/admin/#/reports`);
  await page.getByRole('tab', { name: 'Izdevumi uz bērnu' }).waitFor();
  const needs = page.waitForResponse((r) => r.url().includes('/api/reports/needs') && r.status() === 200);
  await page.getByRole('tab', { name: 'Vajadzības un nauda' }).click();
  const before = (await (await needs).json()) as { rows: { group: string }[]; filters: { fundingSource: string } };
  expect(before.filters.fundingSource).toBe('LM');
  expect(before.rows.length).toBeGreaterThan(0);
  const chart = page.getByRole('img', { name: /Diagramma/ });
  await chart.waitFor();
  const chartBefore = await chart.textContent();

  const regrouped = page.waitForResponse((r) => r.url().includes('/api/reports/needs') && r.url().includes('groupBy=category') && r.status() === 200);
  await page.getByLabel('Grupēt pēc').click();
  await page.getByRole('option', { name: 'Kategorija' }).click();
  const after = (await (await regrouped).json()) as { rows: { group: string }[] };
  // a string expression: it runs in the page, where the DOM types of this Node project do not apply
  await page.waitForFunction(`document.querySelector('[data-testid="report-chart"]')?.textContent !== ${JSON.stringify(chartBefore)}`);
  const chartAfter = await chart.textContent();
  for (const row of after.rows) expect(chartAfter).toContain(row.group);
  await page.getByRole('table', { name: 'Pārskata tabula' }).getByText(after.rows[0].group, { exact: true }).waitFor();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Lejupielādēt XLSX' }).click();
  const file = await (await download).path();
  expect(fs.readFileSync(file!).subarray(0, 2).toString()).toBe('PK');

  expect(await accessibilityViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});
