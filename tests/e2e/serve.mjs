// The end-to-end test of `spbe-pemdi serve` in Debian's headless Chromium,
// driven by playwright-core (run by tests/serve_chromium.rs, which starts the
// server and checks what this prints).
//
//   node tests/e2e/serve.mjs URL FIXTURE OUT_DIR
//
// At phone width (390 px): open the page, upload FIXTURE through the file
// field, wait for the result, measure sideways scrolling, keep a screenshot,
// download the XLSX draft into OUT_DIR. Prints one JSON object.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';

const [url, fixture, out] = process.argv.slice(2);
const profile = mkdtempSync(join(out, 'profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
  acceptDownloads: true,
});
const result = { requests: [] };
try {
  const page = context.pages()[0] || (await context.newPage());
  // Every request the page makes: none may leave the machine.
  page.on('request', (r) => result.requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url, { waitUntil: 'load' });
  result.formTitle = await page.locator('h1').first().innerText();
  result.formWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setInputFiles('input[name=file]', fixture);
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.locator('form[action="/convert"] button[type=submit]').click(),
  ]);
  result.url = page.url();
  result.title = await page.title();
  result.text = await page.locator('body').innerText();
  result.scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  result.clientWidth = await page.evaluate(() => document.documentElement.clientWidth);
  await page.screenshot({ path: join(out, 'serve-390.png'), fullPage: true });
  await page.screenshot({ path: join(out, 'serve-390-top.png') });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('a[href$=".xlsx"]').first().click(),
  ]);
  result.download = download.suggestedFilename();
  await download.saveAs(join(out, result.download));
  // The other pages fit the phone too.
  result.widths = {};
  for (const path of ['merge', 'batch', 'mapping', 'mapping/trace?indicator=spbe-2020:22']) {
    await page.goto(url + path, { waitUntil: 'load' });
    result.widths[path] = await page.evaluate(() => document.documentElement.scrollWidth);
  }
  result.errors = errors;
  result.ok = true;
} catch (e) {
  result.ok = false;
  result.error = String(e && e.stack || e);
} finally {
  await context.close();
}
console.log(JSON.stringify(result));
