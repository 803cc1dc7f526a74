import type { Locator, Page } from 'playwright-core';

/**
 * The visible one of the elements a locator finds: lists are a table on wide screens and cards on a
 * phone, and both are in the page.
 */
export const visible = (locator: Locator) => locator.filter({ visible: true }).first();

/** The visible one of the elements with this text (see visible). */
export const visibleText = (page: Page, text: string | RegExp) => visible(page.getByText(text));
