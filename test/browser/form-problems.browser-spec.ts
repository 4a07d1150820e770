import type { Page } from 'playwright-core';
import { catalogue, type Locale } from '../../src/i18n';
import { createClient, PASSWORD, setupConsultant } from '../factories';
import { newContext, screenshot, startJourney, type Journey } from './browser';

/** A word of the catalogue in the page's language. */
const say = (locale: Locale, key: string, values?: Record<string, string | number>): string =>
  catalogue().format(locale, key, values);

/** A problem's words as the page says it beside the field labelled `field`. */
const problem = (
  locale: Locale,
  code: string,
  field: string,
  figures: Record<string, string | number> = {},
): string => say(locale, `problem.${code}`, { field: say(locale, `field.${field}`), ...figures });

/** What the browser shows of an input: its problem as announced, its summary link, its value. */
async function shownFor(page: Page, id: string) {
  const input = page.locator(`#${id}`);
  const describedBy = ((await input.getAttribute('aria-describedby')) ?? '').split(' ');
  const first = describedBy[0] ? page.locator(`#${describedBy[0]}`) : null;
  const hidden = first ? ((await first.locator('.sr-only').first().textContent()) ?? '') : '';
  const link = page.locator(`[role="alert"] a[href="#${id}"]`);
  return {
    invalid: await input.getAttribute('aria-invalid'),
    message: first ? ((await first.textContent()) ?? '').replace(hidden, '').trim() : '',
    link: (await link.count()) ? ((await link.textContent()) ?? '').trim() : null,
    value: await input.inputValue(),
  };
}

/** The ids the summary links to, top to bottom. */
async function summaryTargets(page: Page): Promise<string[]> {
  const links = page.locator('[role="alert"] a');
  const hrefs: string[] = [];
  for (let i = 0; i < (await links.count()); i++) {
    hrefs.push((await links.nth(i).getAttribute('href')) ?? '');
  }
  return hrefs;
}

const focused = async (page: Page): Promise<string | null> =>
  page.locator(':focus').getAttribute('id');

/**
 * A consultant's refused forms, on a French page and on an English one: each problem beside its
 * field in the page's language, the input described by it, the summary at the top linking to
 * it, and every value as typed.
 */
describe('refused forms in the browser', () => {
  let journey: Journey;
  let clientName: string;

  beforeAll(async () => {
    journey = await startJourney();
    const token = await setupConsultant(journey.t);
    clientName = (await createClient(journey.t, token, { name: 'Clinique des Tilleuls' })).name;
  });

  afterAll(() => journey?.close());

  /**
   * A signed-in page in a language: French by the browser's Accept-Language, English by the
   * language switch's cookie.
   */
  async function consultantPage(locale: Locale): Promise<Page> {
    const context = await newContext(journey.browser, journey.base);
    if (locale === 'en') {
      await context.addCookies([{ name: 'gf_lang', value: 'en', url: journey.base }]);
    }
    const page = await context.newPage();
    await page.goto('/login');
    await page.locator('#email').fill('camille@example.fr');
    await page.locator('#password').fill(PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname !== '/login'),
      page.locator('form[action="/login"] button[type="submit"]').click(),
    ]);
    return page;
  }

  const colon = (locale: Locale) => (locale === 'fr' ? '\u00a0: ' : ': ');

  for (const locale of ['fr', 'en'] as const) {
    describe(`on a page in ${locale === 'fr' ? 'French' : 'English'}`, () => {
      let page: Page;

      beforeAll(async () => {
        page = await consultantPage(locale);
      });

      it('says what is wrong with the new client beside each field, keeping what was typed', async () => {
        await page.goto('/console/clients');
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
        const form = page.locator('#new-client');
        await form.locator('#nc-name').fill('');
        await form.locator('#nc-siren').fill('123456789');
        await form.locator('#nc-vatNumber').fill('FR00123456789');
        await form.locator('#nc-line1').fill('3 rue des Lilas');
        await form.locator('#nc-postalCode').fill('69003');
        await form.locator('#nc-city').fill('Lyon');
        await form.locator('#nc-billingEmail').fill('pas-une-adresse');
        await form.locator('#nc-locale').selectOption('en');
        await form.locator('button[type="submit"]').click();
        await page.waitForSelector('#nc-problems');

        // The summary is read first, and lists the fields top to bottom.
        expect(await focused(page)).toBe('nc-problems');
        expect(await page.textContent('#nc-problems strong')).toBe(
          say(locale, 'web.form.problems'),
        );
        expect(await summaryTargets(page)).toEqual([
          '#nc-name',
          '#nc-siren',
          '#nc-vatNumber',
          '#nc-billingEmail',
        ]);
        const name = await shownFor(page, 'nc-name');
        expect(name).toEqual({
          invalid: 'true',
          message: problem(locale, 'isNotEmpty', 'name'),
          link: say(locale, 'field.name') + colon(locale) + problem(locale, 'isNotEmpty', 'name'),
          value: '',
        });
        const siren = await shownFor(page, 'nc-siren');
        expect(siren).toEqual({
          invalid: 'true',
          message: problem(locale, 'isSiren', 'siren'),
          link: 'SIREN' + colon(locale) + problem(locale, 'isSiren', 'siren'),
          value: '123456789',
        });
        expect((await shownFor(page, 'nc-billingEmail')).message).toBe(
          problem(locale, 'isEmail', 'billingEmail'),
        );
        // The fields without a problem are neither marked nor described, and keep their values.
        expect(await shownFor(page, 'nc-city')).toEqual({
          invalid: null,
          message: '',
          link: null,
          value: 'Lyon',
        });
        expect(await form.locator('#nc-locale').inputValue()).toBe('en');
        await screenshot(page, `form-problems-client-${locale}`);

        // The summary's link takes the focus to its field.
        await page.locator('#nc-problems a[href="#nc-siren"]').click();
        expect(await focused(page)).toBe('nc-siren');
      });

      it('says a negative fee once beside the fee and a missing title beside the title', async () => {
        await page.goto('/console/contracts');
        const form = page.locator('#new-contract');
        await form.locator('#nk-clientId').selectOption({ label: clientName });
        await form.locator('#nk-reference').fill(`NEG-${locale}`);
        await form.locator('#nk-title').fill('');
        await form.locator('#nk-feeTiming').selectOption('advance');
        await form.locator('#nk-monthlyFee').fill('-50');
        await form.locator('#nk-high-clock').selectOption('24x7');
        await form.locator('#nk-afterHoursAllowed').uncheck();
        await form.locator('button[type="submit"]').click();
        await page.waitForSelector('#nk-problems');

        expect(await summaryTargets(page)).toEqual(['#nk-title', '#nk-monthlyFee']);
        expect(await shownFor(page, 'nk-title')).toMatchObject({
          invalid: 'true',
          message: problem(locale, 'isNotEmpty', 'title'),
        });
        const fee = problem(locale, 'min', 'monthlyFeeCents', { min: 0, unit: 'cents' });
        const feeLabel = say(locale, 'web.form.labelWithUnit', {
          label: say(locale, 'field.monthlyFeeCents'),
          unit: 'euros',
        });
        expect(await shownFor(page, 'nk-monthlyFee')).toEqual({
          invalid: 'true',
          message: fee,
          link: feeLabel + colon(locale) + fee,
          value: '-50',
        });
        // One message for the fee, and it is the only one beside it.
        expect(await page.locator('#nk-monthlyFee-problem').count()).toBe(1);
        expect(await page.locator('.field-problem').count()).toBe(2);
        // Everything else as typed: selects, the box left unticked.
        expect(await form.locator('#nk-reference').inputValue()).toBe(`NEG-${locale}`);
        expect(await form.locator('#nk-clientId').inputValue()).not.toBe('');
        expect(await form.locator('#nk-feeTiming').inputValue()).toBe('advance');
        expect(await form.locator('#nk-high-clock').inputValue()).toBe('24x7');
        expect(await form.locator('#nk-afterHoursAllowed').isChecked()).toBe(false);
        expect(await form.locator('#nk-critical-monthlyQuota').inputValue()).toBe('2');
        await screenshot(page, `form-problems-contract-${locale}`);
      });
    });
  }
});
