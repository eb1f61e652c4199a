/**
 * One step of a review cycle as a facilitator lives it: the dashboard shows a concern, the
 * facilitator records what the team did about it through the record's forms, and the
 * dashboard's picture of the model changes accordingly — no reload of the server, no cache
 * left stale.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, signIn, unexpected, waitForInteractive } from './support/app.js';
import { launchBrowser, type BrowserSession } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/** The accessible name of an element's region on the dashboard's model picture. */
async function regionLabel(page: Page, elementId: string): Promise<string> {
  const region = page.locator(`svg.wf-model a.wf-element-link:has([data-element="${elementId}"])`);
  await region.waitFor();
  return (await region.getAttribute('aria-label')) ?? '';
}

describe('a record edit changes the diagnosis', () => {
  let server: RunningServer | undefined;
  let browser: BrowserSession | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('naming a lead turns leadership from a concern into something to watch', async () => {
    if (!server || !browser) throw new Error('setup failed');
    const { page, errors, close } = await browser.newPage({
      viewport: { width: 1280, height: 900 },
    });
    try {
      await page.goto(`${server.baseUrl}/`);
      await signIn(page);
      await waitForInteractive(page);
      await page.getByRole('link', { name: /Northbridge/ }).click();
      await page.getByRole('heading', { level: 1, name: /^Diagnosis:/ }).waitFor();

      // The sample has nobody leading it: the dashboard says so for leadership.
      expect(await regionLabel(page, 'local.leadership')).toMatch(
        /^Leadership and management structures: concern;/,
      );
      expect(await seriousViolations(page)).toEqual([]);

      // The facilitator records the lead the team agreed on, through the record's forms.
      await page
        .getByRole('navigation', { name: 'Collaboration sections' })
        .getByRole('link', { name: 'Record' })
        .click();
      await page.getByRole('heading', { name: 'Collaboration details' }).waitFor();
      await page.getByRole('button', { name: 'Edit details' }).click();
      const lead = page.getByLabel('Lead (optional)', { exact: true });
      await lead.waitFor();
      expect(await lead.inputValue()).toBe('');
      const firstMember = await lead.locator('option').nth(1).getAttribute('value');
      expect(firstMember).toBeTruthy();
      await lead.selectOption(firstMember ?? '');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Save details' }).click();
      await page.getByRole('button', { name: 'Undo' }).waitFor();

      // Back on the dashboard, the same element has moved on; the other elements have not
      // been touched by this edit.
      await page
        .getByRole('navigation', { name: 'Collaboration sections' })
        .getByRole('link', { name: 'Diagnosis' })
        .click();
      await page.getByRole('heading', { level: 1, name: /^Diagnosis:/ }).waitFor();
      await expect
        .poll(() => regionLabel(page, 'local.leadership'), { timeout: 15_000 })
        .toMatch(/^Leadership and management structures: watch;/);
      expect(await seriousViolations(page)).toEqual([]);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  });
});
