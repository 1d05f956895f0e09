/**
 * Browser tests: Debian's chromium driven by playwright-core over the sample
 * corpus, every page, plus a document whose title and text carry HTML, script
 * tags, `javascript:` links and SVG payloads. Screenshots go to
 * test-artifacts/screens/. Skips, visibly, when chromium or the built web app
 * is absent (`.ci/run` installs chromium; `npm install` builds the app).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { repoRoot } from '../src/test-helpers/shared.js';
import { browserReady, startWebApp, type WebAppSession } from '../src/test-helpers/browser.js';

const ready = browserReady('browser tests');

const SHOTS = path.join(repoRoot, 'test-artifacts', 'screens');
const HOSTILE = [
  ' date 2024-06-13',
  '<img src=x onerror="window.__xss=1">Peacekeepers <script>window.__xss=2</script> leave',
  '',
  'MOSCOW, June 13. The text carries <script>window.__xss=3</script> and <a href="javascript:window.__xss=4">a link</a> and <svg onload="window.__xss=5"></svg> markup, all of which must stay text. Vladimir Putin said the withdrawal was complete.',
  '',
].join('\n');

describe.skipIf(!ready)('web app in a real browser', () => {
  let session: WebAppSession;
  let page: Page;
  let base: string;
  let dialogs: string[];

  beforeAll(async () => {
    session = await startWebApp('chronicle-web-', { 'hostile.txt': HOSTILE }, [path.join(repoRoot, 'samples', 'corpus')]);
    ({ page, base, dialogs } = session);
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  async function open(hash: string, shot: string, waitFor: string): Promise<void> {
    await page.goto(`${base}/${hash}`);
    await page.waitForSelector(waitFor, { timeout: 15_000 });
    await page.screenshot({ path: path.join(SHOTS, `${shot}.png`), fullPage: true });
  }

  it('shows the timeline and goes from the 9 November 2020 statement to its sources', async () => {
    await open('#/timeline', 'timeline', '.event');
    const events = await page.locator('.event').count();
    expect(events).toBeGreaterThan(3);
    const nov9 = page.locator('.event', { has: page.locator('time[datetime="2020-11-09"]') }).first();
    await expect(nov9.count()).resolves.toBeGreaterThan(0);
    await nov9.locator('a.event-title').click();
    await page.waitForSelector('.mentions li');
    await page.screenshot({ path: path.join(SHOTS, 'event-2020-11-09.png'), fullPage: true });
    expect(await page.locator('.mentions li').count()).toBeGreaterThanOrEqual(2);
    await page.locator('.mentions li a').first().click();
    await page.waitForSelector('.doc-text');
    expect(await page.locator('.doc-text').innerText()).toMatch(/9/);
  });

  it('zooms the timeline from years into months', async () => {
    await open('#/timeline', 'timeline-years', '.bucket');
    // The busiest year holds day-precise events, so zooming into it must show months.
    await page.locator('.bucket', { hasText: '2023' }).first().click();
    await page.waitForFunction(() => /\D2023/.test(document.querySelector('.bucket-label')?.textContent ?? ''));
    const labels = await page.locator('.bucket-label').allInnerTexts();
    expect(labels.length).toBeGreaterThan(1);
    expect(labels.every((l) => l.includes('2023'))).toBe(true);
  });

  it('shows a story side by side in its languages with highlights', async () => {
    await open('#/stories', 'stories', '.cards li a');
    const bilingual = page.locator('.cards > li', { hasText: 'en + ru' }).first();
    await bilingual.locator('a').first().click();
    await page.waitForSelector('.side-by-side .column .doc-text');
    await page.screenshot({ path: path.join(SHOTS, 'story.png'), fullPage: true });
    const langs = await page.locator('.side-by-side .column').evaluateAll((cols) => cols.map((c) => c.getAttribute('lang')));
    expect(new Set(langs)).toEqual(new Set(['en', 'ru']));
    expect(await page.locator('.side-by-side .m-entity').count()).toBeGreaterThan(0);
    // What the documents share (entities, dates, figures) is aligned: outlined in every column.
    expect(await page.locator('.side-by-side .column:nth-child(1) .m-shared').count()).toBeGreaterThan(0);
    expect(await page.locator('.side-by-side .column:nth-child(2) .m-shared').count()).toBeGreaterThan(0);
  });

  it('shows an actor with names in both scripts and their quotes', async () => {
    await open('#/actors?q=Peskov', 'actors', '.cards li a');
    await page.locator('.cards li a').first().click();
    await page.waitForSelector('h1');
    await page.screenshot({ path: path.join(SHOTS, 'actor.png'), fullPage: true });
    expect(await page.locator('.variants').first().innerText()).toMatch(/Песков/);
    expect(await page.locator('.quotes li').count()).toBeGreaterThan(0);
  });

  it('renders figures, the map and search', async () => {
    await open('#/figures', 'figures', 'table.figures tr');
    expect(await page.locator('table.figures tr').count()).toBeGreaterThan(3);
    await open('#/map', 'map', 'svg.map circle.place');
    expect(await page.locator('svg.map circle.place').count()).toBeGreaterThan(2);
    await open('#/search?q=%D0%BC%D0%B8%D1%80%D0%BE%D1%82%D0%B2%D0%BE%D1%80%D1%86%D1%8B', 'search', '.hits li mark');
    expect(await page.locator('.hits li').count()).toBeGreaterThan(0);
  });

  it('keeps a hostile document as text: no script runs from its title or body', async () => {
    await open('#/documents', 'documents', 'table.docs a');
    const link = page.locator('table.docs a', { hasText: 'Peacekeepers' }).first();
    await link.click();
    await page.waitForSelector('.doc-text');
    await page.screenshot({ path: path.join(SHOTS, 'hostile-document.png'), fullPage: true });
    expect(await page.locator('h1').innerText()).toContain('<img src=x onerror=');
    expect(await page.locator('.doc-text').innerText()).toContain('<script>window.__xss=3</script>');
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('.doc-text a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('main svg[onload]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('can be used with the keyboard', async () => {
    await open('#/timeline', 'keyboard', '.event');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.tagName);
    expect(['A', 'BUTTON', 'INPUT', 'SELECT']).toContain(focused);
  });
});
