/**
 * Debian's chromium for browser tests and benchmarks: where it is, whether the
 * built web app is there too, and the flags that keep it off the network.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
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
