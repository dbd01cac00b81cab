import type { Page } from 'playwright-core';
import { phoneViewport } from './consoleWorld';

export interface PhoneFit {
  /** The page's width beyond the screen's: anything above 0 scrolls sideways. */
  overflowPx: number;
  /** Titles and headings cut off (their text wider than their box). */
  clippedTitles: string[];
  /** Cards with nothing to read in them. */
  emptyCards: number;
  /** How far the app bar reaches over the page below it (a title printed over the page's buttons). */
  appBarOverlapPx: number;
}

// An expression, not a function: the tests compile without the DOM's types.
const measure = `(() => {
  window.scrollTo(0, 0);
  const bar = document.querySelector('header.MuiAppBar-root');
  const main = document.querySelector('#main-content');
  const overlap = bar && main ? Math.round(bar.getBoundingClientRect().bottom - main.getBoundingClientRect().top) : 0;
  const clipped = [];
  for (const el of document.querySelectorAll('#react-admin-title, h1, h2, h3, h6, .MuiCardHeader-title')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || el.getClientRects().length === 0) continue;
    if (el.scrollWidth > el.clientWidth + 1) clipped.push(el.textContent.trim());
  }
  const empty = [...document.querySelectorAll('.MuiCard-root')].filter(
    (card) => card.getClientRects().length > 0 && card.innerText.trim() === '' && !card.querySelector('img, svg, canvas'),
  ).length;
  return JSON.stringify({
    overflowPx: Math.max(0, document.documentElement.scrollWidth - window.innerWidth),
    clippedTitles: clipped,
    emptyCards: empty,
    appBarOverlapPx: Math.max(0, overlap),
  });
})()`;

/** What a person on a 390×844 phone would see wrong on the page as it stands. */
export async function phoneFit(page: Page): Promise<PhoneFit> {
  const viewport = page.viewportSize();
  if (viewport?.width !== phoneViewport.width) throw new Error('phoneFit measures a page opened with { phone: true }');
  return JSON.parse(String(await page.evaluate(measure))) as PhoneFit;
}

export const fitsPhone: PhoneFit = { overflowPx: 0, clippedTitles: [], emptyCards: 0, appBarOverlapPx: 0 };
