/**
 * Debian's chromium for browser tests and benchmarks: where it is, whether the
 * built web app is there too, and the flags that keep it off the network.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { repoRoot } from './shared.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const WEB = path.join(repoRoot, 'dist', 'web');

/** True when chromium and the built web app exist; otherwise says so, visibly, for `what`. */
export function browserReady(what: string): boolean {
  const ready = fs.existsSync(CHROMIUM) && fs.existsSync(path.join(WEB, 'index.html'));
  if (!ready) process.stderr.write(`SKIP: ${what} need ${CHROMIUM} and a built web app in ${WEB} (npm run build)\n`);
  return ready;
}

/** Headless chromium with no background connections (this machine's network is closed). */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The web app served over a fresh store, with a chromium page on it (browser tests). */
export interface WebAppSession {
  /** The server's base URL. */
  readonly base: string;
  readonly page: Page;
  /** Messages of every dialog the page opened (each dismissed): a payload that ran shows here. */
  readonly dialogs: string[];
  close(): Promise<void>;
}

/**
 * Writes `files` (name -> content) to a temp dir, ingests `inputs` and then those files into a
 * fresh store, serves the built web app over it on a free port and opens a 1280x900 page.
 */
export async function startWebApp(prefix: string, files: Record<string, string>, inputs: readonly string[] = []): Promise<WebAppSession> {
  const [{ createServer }, { openRepository }, { ingest }, { createDefaultPipeline }] = await Promise.all([
    import('../http/server.js'),
    import('../store/open.js'),
    import('../app/ingest.js'),
    import('../app/pipeline.js'),
  ]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  const repo = await openRepository(path.join(dir, 'web.db'));
  await ingest([...inputs, ...Object.keys(files).map((f) => path.join(dir, f))], repo, await createDefaultPipeline());
  const app = await createServer({ repo, webDir: WEB });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  return {
    base,
    page,
    dialogs,
    close: async () => {
      await browser.close();
      await app.close();
      await repo.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
