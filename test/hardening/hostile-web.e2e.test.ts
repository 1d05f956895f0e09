/**
 * Hostile content in the browser, beyond test/web.e2e.test.ts: records whose
 * title, publisher, URL and text carry `<iframe>`, event-handler attributes,
 * `javascript:` and SVG payloads, and a hostile search query in the address.
 * Every page that shows them must keep them as text: no script runs, no dialog
 * opens, no live `javascript:` link, frame or handler attribute reaches the DOM.
 * Skips visibly without chromium or the built web app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserReady, startWebApp, type WebAppSession } from '../../src/test-helpers/browser.js';

const ready = browserReady('hostile browser tests');

const RECORDS = [
  {
    title: 'Convoy <iframe src="javascript:window.__xss=11"></iframe> arrives <b onmouseover="window.__xss=12">here</b>',
    publisher: '<svg/onload="window.__xss=13">Agency',
    url: 'javascript:window.__xss=14',
    date: '2021-03-02',
    text: 'Stepanakert, 2 March 2021. A convoy <img src=x onerror="window.__xss=15"> reached the city, officials said. Commander <a href="javascript:window.__xss=16">Rustam Muradov</a> said: "<script>window.__xss=17</script> The road is open." Data:text <object data="data:text/html,<script>parent.__xss=18</script>"></object>.',
  },
  {
    title: '"><svg><animate onbegin="window.__xss=21" attributeName=x dur=1s>',
    url: 'https://example.org/a"onmouseover="window.__xss=22',
    date: '2021-03-03',
    text: 'Baku, 3 March 2021. Ilham Aliyev <details open ontoggle="window.__xss=23"> met officials, the presidency said. \u202eevil\u202c text and <style>*{display:none}</style> stay visible.',
  },
];

describe.skipIf(!ready)('hostile records in a real browser', () => {
  let session: WebAppSession;
  let page: Page;
  let base: string;
  let dialogs: string[];

  beforeAll(async () => {
    session = await startWebApp('chronicle-hostile-', { 'hostile.json': JSON.stringify(RECORDS) });
    ({ page, base, dialogs } = session);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  /** Everything that would let a payload run, found in the live DOM. */
  async function live(): Promise<Record<string, unknown>> {
    // Hover and toggle everything once, so handler payloads would fire if present.
    await page.mouse.move(10, 10);
    return page.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      return {
        xss: (window as unknown as { __xss?: number }).__xss ?? null,
        jsLinks: [...document.querySelectorAll('[href],[src],[action],[formaction],[data]')].filter((e) => /^\s*(javascript|data|vbscript):/i.test(e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? e.getAttribute('formaction') ?? e.getAttribute('data') ?? '')).length,
        frames: document.querySelectorAll('main iframe, main object, main embed').length,
        handlers: all.filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).map((e) => e.tagName),
        scriptsInMain: document.querySelectorAll('main script, main style').length,
      };
    });
  }

  const CLEAN = { xss: null, jsLinks: 0, frames: 0, handlers: [], scriptsInMain: 0 };

  it('lists the documents with hostile titles and publishers as text', async () => {
    await page.goto(`${base}/#/documents`);
    await page.waitForSelector('table.docs a', { timeout: 15_000 });
    expect(await page.locator('main').innerText()).toContain('<iframe src="javascript:');
    expect(await live()).toEqual(CLEAN);
  });

  it('shows each hostile document, its source URL and entities as text', async () => {
    for (const needle of ['Convoy', '"><svg>']) {
      await page.goto(`${base}/#/documents`);
      await page.waitForSelector('table.docs a', { timeout: 15_000 });
      await page.locator('table.docs a', { hasText: needle }).first().click();
      await page.waitForSelector('.doc-text', { timeout: 15_000 });
      expect(await live()).toEqual(CLEAN);
    }
    expect(await page.locator('.doc-text').innerText()).toContain('<details open ontoggle=');
  });

  it('keeps a hostile search query and the entity and quote pages inert', async () => {
    for (const hash of [`#/search?q=${encodeURIComponent('<img src=x onerror="window.__xss=31">')}`, '#/entities', '#/quotes', '#/timeline']) {
      await page.goto(`${base}/${hash}`);
      await page.waitForLoadState('networkidle');
      expect(await live(), hash).toEqual(CLEAN);
    }
    expect(dialogs).toEqual([]);
  });
});
