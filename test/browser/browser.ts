import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { startTestApp, type TestApp, type TestAppOptions } from '../app';

/** Debian's Chromium, never a downloaded one: the journeys run where the package is installed. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export const SCREENSHOTS = join(__dirname, '..', 'artifacts', 'screenshots');
export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 800 };

export interface Served {
  t: TestApp;
  base: string;
}

/**
 * The whole application on a fresh database, listening on a free local port, its clock standing
 * at the scenario's instant (`now`) until the test moves it.
 */
export async function serveApp(options: TestAppOptions = {}): Promise<Served> {
  const t = await startTestApp({}, options);
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return { t, base: `http://127.0.0.1:${port}` };
}

/** Playwright gives each launch a fresh, temporary user-data directory, removed on close. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

export function newContext(
  browser: Browser,
  base: string,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<BrowserContext> {
  return browser.newContext({ baseURL: base, viewport, locale: 'fr-FR', acceptDownloads: true });
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/login'),
    page.getByRole('button', { name: 'Se connecter' }).click(),
  ]);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Waits until the locator shows, then gives its text (fails the test after 10 s). */
export async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor({ state: 'visible', timeout: 10_000 });
  return (await locator.first().innerText()).replace(/\s+/g, ' ').trim();
}
