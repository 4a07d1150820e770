import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { png } from './fixtures/images';
import { startTestApp, TestApp } from './app';
import {
  bearer,
  createActivity,
  createClient,
  createUser,
  PASSWORD,
  setupConsultant,
} from './factories';
import { consultantId, insertContract, insertIntervention } from './factories/invoicing';
import { binary } from './support/pdf-text';
import { WebSession } from './support/web';

/** Monday 2 November 2026: October's work is billed and issued that day. */
const NOW = '2026-11-02T09:00:00Z';
const HOUR = 3_600_000;

/** A JPEG's header: JFIF, then a baseline frame of 2 × 1 pixels in three components. */
function jpeg(): Buffer {
  return Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
    0x00, 0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x01, 0x00, 0x02, 0x03, 0x01, 0x11,
    0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9,
  ]);
}

const hasImage = (pdf: Buffer) => pdf.toString('latin1').includes('/Subtype /Image');

/**
 * The practice's logo: uploaded through the API or the identity page, checked by its bytes,
 * stored in the data folder, printed on the invoices issued afterwards, and removed.
 */
describe('the practice logo', () => {
  let t: TestApp;
  let token: string;
  let me: string;
  let activityId: string;
  let clientId: string;
  let dataDir: string;

  const put = (file: Buffer, name: string, type: string, as = token) =>
    t
      .http()
      .put('/api/practice/logo')
      .set(...bearer(as))
      .attach('logo', file, { filename: name, contentType: type });

  const logos = () =>
    existsSync(join(dataDir, 'logos'))
      ? readdirSync(join(dataDir, 'logos')).filter((f) => !f.startsWith('.'))
      : [];

  /** A time-and-materials invoice of October, issued now; its stored PDF. */
  async function nextInvoicePdf(): Promise<Buffer> {
    const contract = await insertContract(t, clientId, {
      billing: {
        mode: 'time_and_materials',
        monthlyFeeCents: undefined,
        includedMinutesPerMonth: undefined,
        overageRateCents: undefined,
      },
    });
    await insertIntervention(t, {
      contract,
      activityId,
      consultantId: me,
      startedAt: '2026-10-06T07:00:00.000Z',
      endedAt: new Date(Date.parse('2026-10-06T07:00:00.000Z') + 2 * HOUR).toISOString(),
      description: 'Serveur mail HS',
    });
    const draft = await t
      .http()
      .post('/api/invoices/drafts')
      .set(...bearer(token))
      .send({ contractId: contract.id, periodStart: '2026-10-01', periodEnd: '2026-10-31' })
      .expect(201);
    await t
      .http()
      .post(`/api/invoices/${draft.body.id}/issue`)
      .set(...bearer(token))
      .expect(200);
    const pdf = await t
      .http()
      .get(`/api/invoices/${draft.body.id}/pdf`)
      .set(...bearer(token))
      .buffer(true)
      .parse(binary)
      .expect(200);
    return pdf.body as Buffer;
  }

  beforeAll(async () => {
    t = await startTestApp({}, { now: NOW });
    dataDir = t.db.env.DATA_DIR;
    token = await setupConsultant(t);
    me = await consultantId(t, token);
    activityId = (await createActivity(t, token)).id;
    clientId = (await createClient(t, token)).id;
  });
  afterAll(() => t.close());

  it('prints no image on an invoice while the practice has no logo', async () => {
    expect(hasImage(await nextInvoicePdf())).toBe(false);
  });

  it('takes a PNG, stores it in the data folder and prints it on the next invoice', async () => {
    const res = await put(png(), 'logo.png', 'image/png').expect(200);
    expect(res.body.logoPath).toMatch(/^logos\/logo-[0-9a-f]{32}\.png$/);
    expect(logos()).toEqual([res.body.logoPath.slice('logos/'.length)]);
    expect(hasImage(await nextInvoicePdf())).toBe(true);
  });

  it('takes a JPEG in its place, removing the PNG it replaces', async () => {
    const before = logos();
    const res = await put(jpeg(), 'logo.jpg', 'image/jpeg').expect(200);
    expect(res.body.logoPath).toMatch(/^logos\/logo-[0-9a-f]{32}\.jpg$/);
    expect(logos()).toEqual([res.body.logoPath.slice('logos/'.length)]);
    expect(logos()).not.toEqual(before);
    expect(hasImage(await nextInvoicePdf())).toBe(true);
  });

  it.each([
    [
      'a GIF',
      Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
      'logo.gif',
      'image/gif',
    ],
    ['a text file named .png', Buffer.from('not an image at all\n'), 'logo.png', 'image/png'],
    ['a PNG signature without its header', png().subarray(0, 12), 'logo.png', 'image/png'],
  ])(
    'refuses %s (400 invalid.logo, logo_format), keeping the logo it has',
    async (_, file, name, type) => {
      const kept = logos();
      const res = await put(file, name, type).expect(400);
      expect(res.body).toMatchObject({
        code: 'invalid.logo',
        details: [expect.objectContaining({ field: 'logo', code: 'logo_format' })],
      });
      expect(logos()).toEqual(kept);
    },
  );

  it('refuses a file of 2 MB (413 too_large.logo naming logo)', async () => {
    const big = Buffer.concat([png(), Buffer.alloc(2 * 1024 * 1024)]);
    const res = await put(big, 'logo.png', 'image/png').expect(413);
    expect(res.body).toMatchObject({
      code: 'too_large.logo',
      details: [
        expect.objectContaining({ field: 'logo', code: 'logo_too_large', maxBytes: 1048576 }),
      ],
    });
  });

  it('refuses an image too large in pixels, saying its size', async () => {
    const res = await put(png(10000, 20), 'logo.png', 'image/png')
      .set('Accept-Language', 'en')
      .expect(400);
    expect(res.body.details).toEqual([
      expect.objectContaining({
        field: 'logo',
        code: 'logo_dimensions',
        width: 10000,
        height: 20,
        maxPixels: 4096,
      }),
    ]);
    expect(res.body.details[0].message).toBe(
      'The image is 10,000 × 20 pixels: at most 4,096 pixels a side',
    );
  });

  it('refuses a request without the file (400 naming logo)', async () => {
    const res = await t
      .http()
      .put('/api/practice/logo')
      .set(...bearer(token))
      .send({})
      .expect(400);
    expect(res.body.details).toEqual([
      expect.objectContaining({ field: 'logo', code: 'logo_missing' }),
    ]);
  });

  it('refuses a client user and the accountant (403), changing nothing', async () => {
    const client = await createUser(t, token, 'client', clientId);
    const accountant = await createUser(t, token, 'accountant');
    const kept = logos();
    for (const who of [client.token, accountant.token]) {
      await put(png(3, 3), 'logo.png', 'image/png', who).expect(403);
      await t
        .http()
        .delete('/api/practice/logo')
        .set(...bearer(who))
        .expect(403);
    }
    expect(logos()).toEqual(kept);
  });

  it('removes the logo: its file goes, and the next invoice has no image', async () => {
    const res = await t
      .http()
      .delete('/api/practice/logo')
      .set(...bearer(token))
      .expect(200);
    expect(res.body.logoPath).toBeNull();
    expect(logos()).toEqual([]);
    expect(hasImage(await nextInvoicePdf())).toBe(false);
  });

  describe('on the identity settings page', () => {
    let web: WebSession;

    /** The logo form posted as a browser does: multipart, its token in the action's query. */
    const upload = async (file: Buffer, name: string, type: string) => {
      await web.get('/console/settings/identity');
      const csrf = web.csrf();
      const cookies = (web as unknown as { cookieHeader(): string }).cookieHeader();
      return t
        .http()
        .post(`/console/settings/identity/logo?_csrf=${encodeURIComponent(csrf)}`)
        .set('Cookie', cookies)
        .set('Accept', 'text/html')
        .attach('logo', file, { filename: name, contentType: type });
    };

    beforeAll(async () => {
      web = new WebSession(t);
      expect((await web.signIn('camille@example.fr', PASSWORD)).status).toBe(303);
    });

    it('offers the upload, and shows no logo while there is none', async () => {
      const page = await web.get('/console/settings/identity');
      expect(page.status).toBe(200);
      expect(page.text).toContain('id="settings-logo"');
      expect(page.text).toContain('type="file"');
      expect(page.text).not.toContain('src="/console/settings/identity/logo');
      expect((await web.get('/console/settings/identity/logo')).status).toBe(404);
    });

    it('saves an uploaded PNG, then shows it (POST, redirect, GET)', async () => {
      const res = await upload(png(4, 4), 'logo.png', 'image/png');
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/console/settings/identity?saved=1');
      const page = await web.get(res.headers.location);
      expect(page.text).toContain('src="/console/settings/identity/logo');
      const image = await t
        .http()
        .get('/console/settings/identity/logo')
        .set('Cookie', (web as unknown as { cookieHeader(): string }).cookieHeader())
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(image.headers['content-type']).toBe('image/png');
      expect((image.body as Buffer).equals(png(4, 4))).toBe(true);
    });

    it('says beside the field why a file is refused, keeping the logo', async () => {
      const res = await upload(Buffer.from('GIF89a....', 'latin1'), 'logo.gif', 'image/gif');
      expect(res.status).toBe(400);
      expect(res.text).toMatch(
        /<p class="field-problem" id="sg-logo-problem">.*Ce fichier n’est pas une image PNG ou JPEG<\/p>/,
      );
      expect(res.text).toContain('href="#sg-logo"');
      expect(res.text).toContain('src="/console/settings/identity/logo');
    });

    it('removes the logo (POST, redirect, GET)', async () => {
      await web.get('/console/settings/identity');
      const res = await web.post('/console/settings/identity/logo/remove', {});
      expect(res.status).toBe(303);
      const page = await web.get(res.headers.location);
      expect(page.text).not.toContain('src="/console/settings/identity/logo');
      expect(logos()).toEqual([]);
    });
  });
});
