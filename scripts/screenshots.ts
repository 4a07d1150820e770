/**
 * The README's pictures, taken from the demo practice: the client portal's dashboard and the
 * consultant's inbox, at 1280×800, with Debian's Chromium.
 *   npx ts-node --transpile-only scripts/screenshots.ts
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const OUT = join(__dirname, '..', 'docs', 'screenshots');
const VIEWPORT = { width: 1280, height: 800 };
const SHOTS = [
  { file: 'portal.png', email: 'sophie@acme.demo', path: '/portal' },
  { file: 'console.png', email: 'camille@gardefou.demo', path: '/console' },
];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gardefou-screenshots-'));
  Object.assign(process.env, {
    DATA_DIR: dir,
    SQLITE_FILE: join(dir, 'gardefou.sqlite'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
  });
  delete process.env.DATABASE_URL;
  const { createApp, migrate } = await import('../src/bootstrap');
  const { seedDemo, DEMO_PASSWORD } = await import('./demo-seed');
  const app = await createApp();
  await app.init();
  await migrate(app);
  let browser: Browser | undefined;
  try {
    const summary = await seedDemo(app);
    process.stdout.write(`Demo seeded in ${summary.seconds} s\n`);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    mkdirSync(OUT, { recursive: true });
    for (const shot of SHOTS) {
      await take(browser, `http://127.0.0.1:${port}`, shot, DEMO_PASSWORD);
    }
  } finally {
    await browser?.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function take(
  browser: Browser,
  base: string,
  shot: (typeof SHOTS)[number],
  password: string,
): Promise<void> {
  const context = await browser.newContext({ baseURL: base, viewport: VIEWPORT, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(shot.email);
  await page.getByLabel('Mot de passe').fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/login'),
    page.getByRole('button', { name: 'Se connecter' }).click(),
  ]);
  await page.goto(shot.path);
  const file = join(OUT, shot.file);
  await page.screenshot({ path: file });
  await context.close();
  process.stdout.write(`${file} (${Math.round(statSync(file).size / 1024)} KB)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
