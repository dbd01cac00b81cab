import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { projectRoot } from '../../../scripts/toolPaths';

/** Referenced from the README: the browser tests keep them current. */
export const screenshotFolder = path.join(projectRoot, 'docs/screenshots');

// Dates, countdowns, a toast mid-fade or the sticky app bar differ run to run (measured: up to 3% of pixels);
// a screen whose layout did not change keeps its file, so
// `npm test` leaves the checkout clean unless a screen really looks different.
const CHANGED_PIXEL_SHARE = 0.05;

/** Writes `docs/screenshots/<name>.png` when the page looks different from the file already there. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  const file = path.join(screenshotFolder, `${name}.png`);
  const fresh = await page.screenshot({ fullPage: true });
  const kept = await readFile(file).catch(() => null);
  if (kept && (await changedPixelShare(kept, fresh)) < CHANGED_PIXEL_SHARE) return;
  await mkdir(screenshotFolder, { recursive: true });
  await writeFile(file, fresh);
}

async function changedPixelShare(a: Buffer, b: Buffer): Promise<number> {
  const decode = (png: Buffer) => sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const [left, right] = [await decode(a), await decode(b)];
  if (left.info.width !== right.info.width || left.info.height !== right.info.height) return 1;
  let changed = 0;
  for (let i = 0; i < left.data.length; i += 3) {
    if (
      left.data[i] !== right.data[i] ||
      left.data[i + 1] !== right.data[i + 1] ||
      left.data[i + 2] !== right.data[i + 2]
    )
      changed++;
  }
  return changed / (left.info.width * left.info.height);
}
