import type { BrowserContext } from 'playwright-core';
import { PASSWORD } from '../factories';
import { tenantWorld, type TenantWorld } from '../factories/tenants';
import { fillPath, registeredRoutes, resourceOf } from '../support/route-matrix';
import {
  newContext,
  PHONE,
  screenshot,
  scrollWidth,
  signIn,
  startJourney,
  type Journey,
} from './browser';

/**
 * Every page of the console, the portal and the accounting page, opened by its role on a
 * 375 px phone: none may be wider than the screen (no sideways scroll). The pages are read from
 * the routes the server registers, so a page added later is held to it too.
 */

/** Who opens the pages under each section. */
const SECTIONS = {
  '/console': 'consultant',
  '/portal': 'client',
  '/accounting': 'accountant',
} as const;
type Role = (typeof SECTIONS)[keyof typeof SECTIONS];

/** Routes that answer a file to download or an image (the practice's logo), not a page. */
const DOWNLOAD = /(\/pdf|\.csv|\.zip|\.xml|\/fec|\/logo)$/;

/** The objects a page path names, by the resource word before its parameter. */
function objectsOf(w: TenantWorld): Record<string, string[]> {
  const a = w.a;
  return {
    clients: [a.client.id],
    contracts: [a.contract.id],
    requests: [a.requests[0].id],
    interventions: [a.interventions[a.interventions.length - 1].id],
    // An issued invoice, a credit note and a draft each have their page.
    invoices: [a.invoice.id, a.creditNote.id, a.draft.id],
    kb: [a.article.id],
    articles: [a.article.id],
    activities: [w.activityId],
    users: [a.user.id],
  };
}

describe('every page fits a 375 px phone', () => {
  let journey: Journey;
  let world: TenantWorld;
  const contexts = new Map<Role, BrowserContext>();
  const pages: { role: Role; url: string }[] = [];

  beforeAll(async () => {
    // Wednesday 25 November 2026, 10:00 in Paris: the tenant world's work lies before it.
    journey = await startJourney({ now: '2026-11-25T10:00:00+01:00' });
    world = await tenantWorld(journey.t);
    const printed = journey.t.app
      .getHttpAdapter()
      .getInstance()
      .printRoutes({ commonPrefix: false });
    const objects = objectsOf(world);
    const unknown: string[] = [];
    for (const { method, path } of registeredRoutes(printed)) {
      const section = Object.keys(SECTIONS).find((s) => path === s || path.startsWith(`${s}/`));
      if (method !== 'GET' || !section || DOWNLOAD.test(path) || path.includes('*')) continue;
      const params = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      const ids = params.map((p) => objects[resourceOf(path, p)] ?? null);
      if (ids.some((i) => i === null)) {
        unknown.push(path);
        continue;
      }
      const choices = params.length ? ids[0] : [''];
      for (const id of choices) {
        const values = Object.fromEntries(params.map((p, i) => [p, i === 0 ? id : ids[i][0]]));
        pages.push({
          role: SECTIONS[section as keyof typeof SECTIONS],
          url: fillPath(path, values),
        });
      }
    }
    // A page whose object this test cannot name must be added to objectsOf.
    expect(unknown).toEqual([]);
    const emails: Record<Role, string> = {
      consultant: world.consultant.email,
      client: world.a.user.email,
      accountant: world.accountant.email,
    };
    for (const role of Object.values(SECTIONS)) {
      const context = await newContext(journey.browser, journey.base, PHONE);
      const page = await context.newPage();
      await signIn(page, emails[role], PASSWORD);
      await page.close();
      contexts.set(role, context);
    }
  });

  afterAll(() => journey?.close());

  it('lists the pages of every section', () => {
    const sections = new Set(pages.map((p) => p.role));
    expect([...sections].sort()).toEqual(['accountant', 'client', 'consultant']);
    expect(pages.length).toBeGreaterThanOrEqual(20);
    expect(pages.map((p) => p.url)).toEqual(
      expect.arrayContaining(['/console/inbox', '/console/week', '/portal', '/accounting']),
    );
  });

  it('shows each page within the width of the phone, the timer running in the header', async () => {
    const consultant = contexts.get('consultant')!;
    // A timer running on the longest client name shows in every console header.
    const desk = await consultant.newPage();
    await desk.goto('/console/week?date=2026-11-04');
    await desk
      .getByRole('button', { name: /^Relancer/ })
      .first()
      .click();
    await desk.waitForURL(/\/console\/week/);
    await desk.close();

    const wider: string[] = [];
    for (const { role, url } of pages) {
      const page = await contexts.get(role)!.newPage();
      const res = await page.goto(url);
      expect({ url, status: res?.status() }).toEqual({ url, status: 200 });
      const width = await scrollWidth(page);
      if (width > PHONE.width) {
        wider.push(`${url} (${role}): ${width} px`);
        await screenshot(page, `phone-too-wide-${url.replace(/\W+/g, '-')}`);
      }
      await page.close();
    }
    expect(wider).toEqual([]);
  });

  it('folds the console menu behind its button, which opens it', async () => {
    const page = await contexts.get('consultant')!.newPage();
    await page.goto('/console/contracts');
    const menu = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await expect(nav.isVisible()).resolves.toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Factures' }).click();
    await page.waitForURL(/\/console\/invoices$/);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.close();
  });
});
