/**
 * `npm run screenshots`: each element at 375 and 1024 px, light and dark, photographed in Debian's
 * Chromium and written to docs/screenshots/<element>-<width>-<theme>.png (clipped to the element's
 * box, at 1x, so the files stay small). The page (scripts/screenshots.html) runs the whole stack
 * in the page, with every table filled; Vite serves it from this checkout on a free port.
 * Not part of `npm test`: the pictures are for people to look at.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import process from 'node:process';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { freePort } from '../demo/ports.js';
import { CHROMIUM_FLAGS, chromiumPath } from '../test/helpers/chromium.js';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs/screenshots');
const HOST = '127.0.0.1';
const SHOTS = ['order-ticket', 'borrow-repay', 'lending-market', 'mark-price-ticker'];
const WIDTHS = [375, 1024];
const THEMES = ['light', 'dark'] as const;
/** The page's padding on each side (scripts/screenshots.html). */
const PADDING = 16;

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  await mkdir(OUT, { recursive: true });
  const port = await freePort(5190, HOST);
  const server = await createServer({ configFile: false, root: ROOT, logLevel: 'warn', server: { host: HOST, port, strictPort: true } });
  await server.listen();
  const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    // Still pictures: no skeleton pulse, no sliding tape, no flash halfway through.
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await page.emulateTimezone('UTC');
    for (const shot of SHOTS.filter((s) => only.length === 0 || only.includes(s))) {
      for (const width of WIDTHS) {
        for (const theme of THEMES) {
          await page.setViewport({ width: width + 2 * PADDING, height: 900, deviceScaleFactor: 1 });
          const path = join(OUT, `${shot}-${width}-${theme}.png`);
          // Vite reloads the page once when it first optimizes a dependency: then the shot is taken again.
          for (let attempt = 1; ; attempt += 1) {
            try {
              await page.goto(`http://${HOST}:${port}/scripts/screenshots.html?shot=${shot}&width=${width}&theme=${theme}`);
              await page.waitForFunction(() => window.shotReady || window.shotError, { timeout: 60_000 });
              const failed = await page.evaluate(() => window.shotError);
              if (failed) throw new Error(`${shot} at ${width} px, ${theme}: ${failed}`);
              const box = await page.$('#shot > *');
              await box!.screenshot({ path: path as `${string}.png`, captureBeyondViewport: true });
              break;
            } catch (error) {
              if (attempt === 3) throw error;
            }
          }
          process.stdout.write(`${path.slice(ROOT.length + 1)}\n`);
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`screenshots: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
