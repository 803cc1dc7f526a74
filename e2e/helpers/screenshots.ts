import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Where browser tests leave their screenshots (looked at by people, not compared). */
export const SHOTS = process.env.E2E_SCREENSHOTS ?? path.join(process.cwd(), '.tmp', 'screenshots');
mkdirSync(SHOTS, { recursive: true });
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** One screenshot at the page's current size: the whole page, or (a modal, fixed on the screen) the screen. */
export const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });

/** After Mantine's transitions (a modal fading in, the navbar sliding away), so a screenshot shows the final state. */
export const settled = (page: Page) =>
  page.evaluate(async () => {
    // Two frames: transitions started by the last change exist only after a style recalculation.
    for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
    // A transition replaced by another rejects its promise (AbortError): settled, not all.
    await Promise.allSettled(document.getAnimations().map((animation) => animation.finished));
  });

/** Scrolled to the top, once a smooth scroll of the page is over. */
const toTop = (page: Page) =>
  page.evaluate(async () => {
    for (let frame = 0; frame < 120 && window.scrollY !== 0; frame++) {
      window.scrollTo({ top: 0, behavior: 'instant' });
      await new Promise(requestAnimationFrame);
    }
  });

/** The page at both sizes from its top; a modal (fixed on the screen) is shot as the screen shows it. */
export async function shots(page: Page, name: string, fullPage = true) {
  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await settled(page);
    if (fullPage) await toTop(page);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size}.png`), fullPage });
  }
  await page.setViewportSize(DESKTOP);
  await settled(page);
}
