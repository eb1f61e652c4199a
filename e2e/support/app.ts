/** Steps every browser test shares: signing in, waiting for a page, the accessibility check. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { testOwner } from './server.js';

/** Waits for the mark a page sets once its main content is drawn. */
export async function waitForInteractive(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    () => performance.getEntriesByName('weframe:interactive', 'mark').length > 0,
    undefined,
    { timeout },
  );
}

/**
 * The console errors that matter: a signed-out page's session check (and a refused sign-in)
 * answer 401 by design, which Chromium logs as a failed resource load.
 */
export function unexpected(errors: string[], expected401s = ['/api/auth/me']): string[] {
  return errors.filter((e) => !(e.includes('401') && expected401s.some((p) => e.includes(p))));
}

/** Signs in through the form a signed-out visitor sees (the test owner by default). */
export async function signIn(
  page: Page,
  who: { email: string; password: string } = testOwner,
): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ timeout: 15_000 });
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The serious and critical axe-core violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  return (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
}
