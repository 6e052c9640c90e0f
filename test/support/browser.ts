import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, Browser, BrowserContextOptions, Page } from 'playwright-core';

const root = path.resolve(__dirname, '../..');

export const DEMO_PASSWORD = 'Demo-parole-2026';

export interface RunningPlatform {
  base: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * The platform as a newcomer runs it: `npm start` (scripts/start.js) on its own embedded database in a
 * fresh data folder, so every browser suite starts from the demo data alone.
 */
export async function startPlatform(): Promise<RunningPlatform> {
  const port = 3300 + (process.pid % 500);
  const base = `http://localhost:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lidz-browser-'));
  let output = '';
  const server: ChildProcess = spawn(process.execPath, [path.join(root, 'scripts/start.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port + 20000), DATABASE_URL: '', REDIS_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  // generous: a loaded machine needs minutes to migrate and seed; the per-test limit (jest.config.js) is above it
  const end = Date.now() + 240_000;
  while (!output.includes('READY')) {
    if (Date.now() > end || server.exitCode !== null) {
      await stop();
      throw new Error(`npm start did not get ready:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { base, output: () => output, stop };
}

/** Debian's Chromium with the flags this network needs (no background connections, no sandbox as root). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * A page in its own browser context (axe needs one, and each test then starts with no cookies or
 * storage of another); closing the page closes the context.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  // the context goes with its page — once the page's own close() has returned: closing the context from
  // inside the page's close event could cancel that close() call half-way (seen with a finished download)
  page.once('close', () => setTimeout(() => void context.close().catch(() => {}), 0));
  return page;
}

/** WCAG 2.1 A and AA violations on the page as it is now, as readable lines (empty when clean). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Signs in through a login form in Latvian (the default language). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, opts: { succeeds?: boolean } = {}): Promise<void> {
  const passwordField = page.getByLabel('Parole', { exact: true });
  await page.getByLabel('E-pasts').fill(email);
  await passwordField.fill(password);
  await page.getByRole('button', { name: 'Pieteikties' }).click();
  // the app moves on by itself after a successful sign-in: wait for that, so a test's own next
  // navigation cannot be overtaken by the app's redirect to its home page
  if (opts.succeeds !== false) await passwordField.waitFor({ state: 'detached', timeout: 60_000 });
}
