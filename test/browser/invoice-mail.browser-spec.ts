import type { Page } from 'playwright-core';
import { MailRunner } from '../../src/mail/mail-jobs';
import { bearer, createClient, PASSWORD, setupConsultant } from '../factories';
import { createContract } from '../factories/contracts';
import { startSmtp, type TestSmtp } from '../support/smtp';
import {
  PHONE,
  screenshot,
  scrollWidth,
  startJourney,
  textOf,
  type Journey,
  WIDTHS,
} from './browser';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Invoices by mail from the console, through a real SMTP server: an issued invoice sent from its
 * page, the send recorded on it, the mail received with its PDF; its reminders stopped with the
 * button; the other unsent invoice of the period sent from the invoices page. At a desktop's
 * width and on a 375 px phone, where no page scrolls sideways.
 */
describe.each(WIDTHS)('invoices sent by mail from the console (%s)', (name, viewport) => {
  let smtp: TestSmtp;
  let journey: Journey;
  let page: Page;
  const issued: Record<'tilleuls' | 'riva', Body> = {} as never;
  const smtpUrlBefore = process.env.SMTP_URL;

  /** On the phone, the page just shown is no wider than the screen. */
  const fits = async (step: string) => {
    if (viewport === PHONE) {
      // The step named, so a failure says which page is too wide.
      expect({ step, fits: (await scrollWidth(page)) <= 375 }).toEqual({ step, fits: true });
    }
    await screenshot(page, `invoice-mail-${step}-${name}`);
  };
  /** The sender's round: the messages written so far leave for the SMTP server. */
  const tick = () => journey.t.app.get(MailRunner).tick();

  beforeAll(async () => {
    smtp = await startSmtp();
    // The journey's application reads its SMTP server from the environment when it starts.
    process.env.SMTP_URL = smtp.url;
    journey = await startJourney();
    const { t } = journey;
    const token = await setupConsultant(t);
    const invoiceOfNovember = async (clientId: string): Promise<Body> => {
      const contract = await createContract(t, token, clientId);
      const draft = await t
        .http()
        .post('/api/invoices/drafts')
        .set(...bearer(token))
        .send({ contractId: contract.id, periodStart: '2026-11-01', periodEnd: '2026-11-30' })
        .expect(201);
      const res = await t
        .http()
        .post(`/api/invoices/${draft.body.id}/issue`)
        .set(...bearer(token))
        .expect(200);
      return res.body as Body;
    };
    const tilleuls = await createClient(t, token, {
      name: 'Clinique des Tilleuls',
      billingEmail: 'compta@tilleuls.example',
    });
    const riva = await createClient(t, token, {
      name: 'Boulangerie Riva',
      billingEmail: 'factures@riva.example',
    });
    issued.tilleuls = await invoiceOfNovember(tilleuls.id);
    issued.riva = await invoiceOfNovember(riva.id);
    page = await journey.page(viewport, { email: 'camille@example.fr', password: PASSWORD });
    // Sending and stopping the reminders ask for a confirmation.
    page.on('dialog', (dialog) => void dialog.accept());
  });

  afterAll(async () => {
    await journey?.close();
    await smtp?.close();
    if (smtpUrlBefore === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = smtpUrlBefore;
  });

  it('sends an issued invoice from its page and shows when and to whom it went', async () => {
    const { id, number } = issued.tilleuls;
    await page.goto(`/console/invoices/${id}`);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(`Facture ${number}`);
    expect(await textOf(page.locator('#sends'))).toBe('Pas encore envoyé');
    await fits('unsent');
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/console/invoices/${id}`),
      page.getByRole('button', { name: 'Envoyer par e-mail' }).click(),
    ]);
    // Wednesday 2 December 2026, 10:00 in Paris.
    expect(await textOf(page.locator('#sends'))).toMatch(
      /^le 02\/12\/2026.*10:00.* à compta@tilleuls\.example$/,
    );
    expect(await page.getByRole('button', { name: 'Renvoyer par e-mail' }).count()).toBe(1);
    await fits('sent');
  });

  it('delivers the mail with the invoice’s PDF attached', async () => {
    const { number } = issued.tilleuls;
    await tick();
    const [mail] = await smtp.waitFor(1);
    expect(mail.to).toBe('compta@tilleuls.example');
    expect(mail.subject).toBe(`Facture ${number} – Camille Martin Conseil`);
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      [`${number}.pdf`, 'application/pdf'],
    ]);
    expect(mail.attachments[0].content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('stops the invoice’s reminders with the button', async () => {
    const { id } = issued.tilleuls;
    expect(await textOf(page.locator('#reminders'))).toBe(
      'Relances envoyées 1, 15, 30 jours après l’échéance tant que la facture reste due',
    );
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/console/invoices/${id}`),
      page.getByRole('button', { name: 'Arrêter les relances' }).click(),
    ]);
    expect(await textOf(page.locator('#reminders'))).toMatch(/^Arrêtées le 02\/12\/2026/);
    expect(await page.getByRole('button', { name: 'Arrêter les relances' }).count()).toBe(0);
    await fits('reminders-stopped');
  });

  it('sends the period’s unsent invoices from the invoices page, the one already sent left out', async () => {
    await page.goto('/console/invoices');
    const form = page.getByRole('region', { name: 'Envoyer les documents d’une période' });
    await form.getByLabel('Du').fill('2026-12-01');
    await form.getByLabel('Au').fill('2026-12-31');
    await fits('period-form');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('sent') !== null),
      form.getByRole('button', { name: 'Envoyer les documents non envoyés' }).click(),
    ]);
    expect(await textOf(page.locator('#send-done'))).toBe('1 document envoyé');
    await fits('period-sent');

    await tick();
    const mails = await smtp.waitFor(2);
    expect(mails.map((m) => m.to)).toEqual(['compta@tilleuls.example', 'factures@riva.example']);
    const [, riva] = mails;
    expect(riva.subject).toBe(`Facture ${issued.riva.number} – Camille Martin Conseil`);
    expect(riva.attachments.map((a) => a.filename)).toEqual([`${issued.riva.number}.pdf`]);

    await page.goto(`/console/invoices/${issued.riva.id}`);
    expect(await textOf(page.locator('#sends'))).toMatch(/à factures@riva\.example$/);
  });
});
