import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, Browser } from 'playwright-core';

// The platform as a newcomer runs it: `npm start` (scripts/start.js) on its own embedded database.
jest.setTimeout(60_000);
const root = path.resolve(__dirname, '../..');
const port = 3300 + (process.pid % 500);
const base = `http://localhost:${port}`;
let server: ChildProcess;
let browser: Browser;
let output = '';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lidz-browser-'));

beforeAll(async () => {
  server = spawn(process.execPath, [path.join(root, 'scripts/start.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port + 20000), DATABASE_URL: '', REDIS_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  const end = Date.now() + 150_000;
  while (!output.includes('READY')) {
    if (Date.now() > end || server.exitCode !== null) throw new Error(`npm start did not get ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('prints the URLs and every demo login', () => {
  expect(output).toContain(`${base}/admin/`);
  expect(output).toContain(`${base}/portal/`);
  for (const email of ['admin@lidz.lv', 'vaditajs.riga@lidz.lv', 'gimene@lidz.lv', 'specialists@lidz.lv']) expect(output).toContain(email);
});

const password = 'Demo-parole-2026';

describe.each([
  ['admin@lidz.lv', 'Ilze Platforma', 'Lietotāji'],
  ['vaditajs.riga@lidz.lv', 'Laura Liepa', 'Gadījuma vadītājs'],
  ['sociala.riga@lidz.lv', 'Dace Ozola', 'Pašvaldības sociālā dienesta darbinieks'],
  ['analitikis.lm@lidz.lv', 'Pēteris Analītiķis', 'Ministrijas analītiķis'],
])('admin login as %s', (email, name, expectedText) => {
  it('signs in, greets by name in Latvian and shows what the role uses', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/admin/`);
    await page.getByLabel('E-pasts').fill(email);
    await page.getByLabel('Parole').fill(password);
    await page.getByRole('button', { name: 'Pieteikties' }).click();
    await page.getByText(`Sveiki, ${name}!`).waitFor({ timeout: 20_000 });
    await page.getByText(expectedText).first().waitFor();
    expect(errors).toEqual([]);
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
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto(`${base}/portal/`);
    await page.getByLabel('E-pasts').fill(email);
    await page.getByLabel('Parole').fill(password);
    await page.getByRole('button', { name: 'Pieteikties' }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 20_000 });
    await page.getByText('Laipni lūgti platformā Līdz.Vērtīgs').waitFor();
    // nothing wider than the phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByLabel('Valoda').selectOption('en');
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the portal' }).waitFor();
    await page.close();
  });
});

it('sends an admin role away from the portal and a wrong password gets a clear message', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/portal/login`);
  await page.getByLabel('E-pasts').fill('admin@lidz.lv');
  await page.getByLabel('Parole').fill(password);
  await page.getByRole('button', { name: 'Pieteikties' }).click();
  await page.getByRole('alert').getByText('/admin/').waitFor();
  await page.getByLabel('Parole').fill('wrong-password');
  await page.getByRole('button', { name: 'Pieteikties' }).click();
  await page.getByRole('alert').getByText('Nepareizs e-pasts vai parole.').waitFor();
  await page.close();
});
