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

const TRANSIENT_HIDDEN = '.MuiSnackbar-root, .MuiTooltip-popper { visibility: hidden !important; }';

/**
 * Writes `docs/screenshots/<name>.png` when the page looks different from the file already there. A phone's
 * screenshot is its screen (`fullPage: false`): below the fold a page grows with its timeline, which would make
 * every run's file a different size. Hover, focus rings, carets and running transitions are taken out first,
 * since where the pointer last clicked is not part of what the screen looks like, and neither is a
 * notification that is there or already gone depending on how fast the run was.
 */
export async function keepScreenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  const file = path.join(screenshotFolder, `${name}.png`);
  await page.mouse.move(0, 0);
  await page.evaluate('document.activeElement?.blur()');
  const fresh = await page.screenshot({ fullPage, animations: 'disabled', caret: 'hide', style: TRANSIENT_HIDDEN });
  const kept = await readFile(file).catch(() => null);
  if (kept && (await changedPixelShare(kept, fresh)) < CHANGED_PIXEL_SHARE) return;
  // CI runs a throw-away clone that must stay clean (scripts/run.sh checks): a changed screen is kept aside
  // for whoever reads the run, and a developer's own run refreshes the file to commit.
  const target = process.env.CI ? path.join(projectRoot, '.data/screenshots', `${name}.png`) : file;
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, fresh);
  if (process.env.CI) console.warn(`screenshot ${name} looks different from docs/screenshots: see ${target}`);
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
