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
/** The widths a journey is walked at: a desktop's and a 375 px phone's, by name. */
export const WIDTHS: [string, { width: number; height: number }][] = [
  ['desktop', DESKTOP],
  ['phone', PHONE],
];

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

/** Wednesday 2 December 2026, 10:00 in Paris: the instant the journeys stand at unless they say another. */
export const JOURNEY_NOW = '2026-12-02T10:00:00+01:00';

/** The served application and a Chromium to visit it with. */
export interface Journey extends Served {
  browser: Browser;
  /**
   * A new page in a context of its own (its own cookies), at the viewport's width (a desktop's
   * unless told), signed in first when `who` is given.
   */
  page(
    viewport?: { width: number; height: number },
    who?: { email: string; password: string },
  ): Promise<Page>;
  close(): Promise<void>;
}

/** The application served on a fresh database (its clock at `now`, JOURNEY_NOW unless told) and Chromium launched. */
export async function startJourney(options: TestAppOptions = {}): Promise<Journey> {
  const served = await serveApp({ now: JOURNEY_NOW, ...options });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await served.t.close();
    throw error;
  }
  return {
    ...served,
    browser,
    page: async (viewport = DESKTOP, who) => {
      const page = await (await newContext(browser, served.base, viewport)).newPage();
      if (who) await signIn(page, who.email, who.password);
      return page;
    },
    close: async () => {
      await browser.close();
      await served.t.close();
    },
  };
}

/** The page's width as laid out: wider than the screen means a sideways scroll. */
export function scrollWidth(page: Page): Promise<number> {
  // Evaluated in the page, whose `document` the Node typings do not know.
  return page.evaluate<number>('document.documentElement.scrollWidth');
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
