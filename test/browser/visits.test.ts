import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { chromium, Browser, Page } from 'playwright-core';
import { create as createQr } from 'qrcode';
import { accessibilityViolations, launchChromium, openPage, RunningPlatform, signIn, startPlatform } from '../support/browser';

/**
 * The whole visit path in real Chromium: the family's phone shows Jānis's rotating QR; the specialist's
 * phone reads it through the camera (Chromium's fake capture device fed a video of that QR) at the
 * start and at the end; the case manager sees the visit verified in the admin.
 */
jest.setTimeout(180_000);
let platform: RunningPlatform;
let browser: Browser;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lidz-qr-video-'));

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  await ensureSpeechContract(Number(new URL(platform.base).port) + 20000);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Until the marketplace's demo seeds one, the test gives Jānis an active speech contract with Elīna itself. */
async function ensureSpeechContract(pgPort: number): Promise<void> {
  const db = new Client({ connectionString: `postgres://postgres@127.0.0.1:${pgPort}/lidz` });
  await db.connect().catch(async () => {
    throw new Error('cannot reach the embedded database of the running platform');
  });
  try {
    const [janis] = (await db.query(`SELECT id FROM child WHERE first_name = 'Jānis' AND last_name = 'Bērziņš'`)).rows;
    const [elina] = (await db.query(`SELECT id FROM app_user WHERE email = 'specialists@lidz.lv'`)).rows;
    let spec = (await db.query(`SELECT id FROM specialist WHERE user_id = $1`, [elina.id])).rows[0];
    spec ??= (await db.query(`INSERT INTO specialist (user_id, full_name, registration_number) VALUES ($1, 'Elīna Logopēde', 'LOG-TEST-1') RETURNING id`, [elina.id])).rows[0];
    const has = (await db.query(`SELECT 1 FROM contract c JOIN contract_specialist x ON x.contract_id = c.id WHERE c.child_id = $1 AND x.specialist_id = $2 AND c.status = 'active'`, [janis.id, spec.id])).rows.length;
    if (!has) {
      const [org] = (await db.query(`SELECT id FROM organisation WHERE code = '40008000001'`)).rows;
      const [c] = (
        await db.query(
          `INSERT INTO contract (child_id, provider_organisation_id, service_code, unit_minutes, unit_price_cents, units_per_month, delivery_mode, valid_from, valid_to, status, committed_cents, value_cents, proposed_by_user_id)
           VALUES ($1, $2, 'SPEECH', 40, 3500, 8, 'individual', '2026-01-01', '2027-12-31', 'active', 300000, 300000, $3) RETURNING id`,
          [janis.id, org.id, elina.id],
        )
      ).rows;
      await db.query(`INSERT INTO contract_specialist (contract_id, specialist_id) VALUES ($1, $2)`, [c.id, spec.id]);
    }
  } finally {
    await db.end();
  }
}

/** A short Y4M video (grey frames) that shows one QR code, for --use-file-for-fake-video-capture. */
function qrVideo(text: string, name: string): string {
  const qr = createQr(text, { errorCorrectionLevel: 'M' });
  const size = 480;
  const modules = qr.modules.size + 8; // quiet zone of 4 modules each side
  const scale = Math.floor(size / modules);
  const offset = Math.floor((size - modules * scale) / 2) + 4 * scale;
  const y = Buffer.alloc(size * size, 255);
  for (let r = 0; r < qr.modules.size; r++)
    for (let c = 0; c < qr.modules.size; c++)
      if (qr.modules.get(r, c))
        for (let dy = 0; dy < scale; dy++) y.fill(0, (offset + r * scale + dy) * size + offset + c * scale, (offset + r * scale + dy) * size + offset + (c + 1) * scale);
  const chroma = Buffer.alloc((size / 2) * (size / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  const file = path.join(tmp, `${name}.y4m`);
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${size} H${size} F10:1 Ip A1:1 C420jpeg\n`), ...Array(10).fill(frame)]));
  return file;
}

async function familyQrAt(page: Page, at: Date): Promise<string> {
  await page.clock.setSystemTime(at);
  const img = page.getByRole('img', { name: 'QR kods bērna apmeklējuma reģistrēšanai' });
  await img.waitFor();
  // the QR is redrawn every second; wait for the one of this moment
  await page.waitForTimeout(1500);
  return (await img.getAttribute('data-qr'))!;
}

/** The specialist's phone, its camera fed the given video, scanning at the given moment. */
async function specialistScans(video: string, at: Date, kind: 'Sākums (ierašanās)' | 'Beigas (aiziešana)'): Promise<string> {
  const phone = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--no-first-run', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const context = await phone.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, permissions: ['camera'] });
    const page = await context.newPage();
    await page.clock.setSystemTime(at);
    await page.goto(`${platform.base}/portal/login`);
    await signIn(page, 'specialists@lidz.lv');
    await page.getByRole('link', { name: 'Skenēt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Apmeklējuma reģistrēšana' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel(kind).check();
    await page.getByRole('button', { name: 'Skenēt ar kameru' }).click();
    const logs: string[] = [];
    page.on('console', (m) => logs.push(m.text()));
    page.on('pageerror', (e) => logs.push(e.message));
    page.on('requestfailed', (r) => logs.push(`${r.method()} ${r.url()} ${r.failure()?.errorText}`));
    page.on('response', (r) => r.url().includes('/api/visits/scan') && logs.push(`scan ${r.status()}`));
    const status = page.getByTestId('scan-status');
    try {
      await status.filter({ hasText: / — |Kods|Karte/ }).waitFor({ timeout: 30_000 });
    } catch (e) {
      await page.screenshot({ path: '/tmp/visits-fail.png', timeout: 5000 }).catch(() => undefined);
      throw new Error(`no scan result at ${page.url()}: ${(await page.locator('main').textContent({ timeout: 2000 }).catch(() => ''))?.slice(0, 600)}; console ${JSON.stringify(logs)}`);
    }
    return (await status.textContent()) ?? '';
  } finally {
    await phone.close();
  }
}

it('QR on the family phone → camera scans at start and end → verified in the admin', async () => {
  const family = await openPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true });
  const errors: string[] = [];
  family.on('pageerror', (e) => errors.push(e.message));
  await family.goto(`${platform.base}/portal/login`);
  await signIn(family, 'gimene@lidz.lv');
  await family.getByRole('link', { name: 'Bērna QR' }).click();
  await family.getByRole('button', { name: /Ieslēgt QR šajā tālrunī — Jānis/ }).click();

  // the visit began 45 minutes ago (the scan was kept offline); it ends now
  const start = new Date(Date.now() - 45 * 60_000);
  const first = await familyQrAt(family, start);
  expect(first).toMatch(/^LV1\.\d{12}\.\d+\.\d{8}$/);
  expect(await accessibilityViolations(family)).toEqual([]);
  expect(await specialistScans(qrVideo(first, 'check-in'), new Date(start.getTime() + 2000), 'Sākums (ierašanās)')).toContain('Kods derīgs');

  const end = new Date();
  const second = await familyQrAt(family, end);
  expect(second).not.toBe(first);
  const result = await specialistScans(qrVideo(second, 'check-out'), new Date(end.getTime() + 2000), 'Beigas (aiziešana)');
  expect(result).toBe('Kods derīgs — Apstiprināts');
  expect(errors).toEqual([]);
  await family.close();

  const admin = await openPage(browser, { viewport: { width: 1280, height: 800 } });
  await admin.goto(`${platform.base}/admin/`);
  await signIn(admin, 'vaditajs.riga@lidz.lv');
  await admin.getByRole('menuitem', { name: 'Apmeklējumi' }).click();
  await admin.getByTestId('visit-status').filter({ hasText: 'Apstiprināts' }).first().waitFor({ timeout: 20_000 });
  await admin.close();
});
