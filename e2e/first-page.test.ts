import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, signIn, unexpected, waitForInteractive } from './support/app.js';
import { launchBrowser, type BrowserSession } from './support/browser.js';
import { repoRoot, startServer, testOwner, type RunningServer } from './support/server.js';

const screenshotPath = join(repoRoot, 'docs/screenshots/first-page.png');

const waitForList = waitForInteractive;

describe('the first page', () => {
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

  function session(): { server: RunningServer; browser: BrowserSession } {
    if (!server || !browser) throw new Error('setup failed');
    return { server, browser };
  }

  it('lists the sample collaborations with their members, without console errors', async () => {
    const { server, browser } = session();
    const { page, errors, close } = await browser.newPage({
      viewport: { width: 1280, height: 900 },
    });
    try {
      await page.goto(`${server.baseUrl}/`);
      await signIn(page);
      await waitForList(page);

      expect(await page.title()).toBe('Collaborations — Weframe');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.getByRole('banner').count()).toBe(1);
      expect(await page.getByRole('main').count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Skip to main content' }).count()).toBe(1);

      const northbridge = page.getByRole('heading', { level: 2, name: /Northbridge/ });
      const brightsteps = page.getByRole('heading', { level: 2, name: /Brightsteps/ });
      expect(await northbridge.count()).toBe(1);
      expect(await brightsteps.count()).toBe(1);

      const card = page.getByRole('article', { name: /Northbridge/ });
      expect(await card.getByText('Fictional sample').count()).toBe(1);
      const table = card.getByRole('table');
      expect(await table.count()).toBe(1);
      expect(await table.getByRole('columnheader').allTextContents()).toEqual([
        'Name',
        'Profession',
        'Agency',
      ]);
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await card.getByRole('heading', { name: 'Agencies' }).count()).toBe(1);

      await mkdir(join(repoRoot, 'docs/screenshots'), { recursive: true });
      await page.screenshot({ path: screenshotPath, fullPage: true });

      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('refuses a wrong password, and signs out back to the sign-in form', async () => {
    const { server, browser } = session();
    const { page, errors, close } = await browser.newPage();
    try {
      await page.goto(`${server.baseUrl}/`);
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ timeout: 15_000 });
      await page.getByLabel('Email').fill(testOwner.email);
      await page.getByLabel('Password').fill('not the password at all');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('wrong email or password');

      await page.getByLabel('Password').fill(testOwner.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await waitForList(page);
      const cookies = await page.context().cookies();
      expect(cookies.find((c) => c.name === 'weframe_session')).toMatchObject({
        httpOnly: true,
        sameSite: 'Lax',
      });
      expect(await page.evaluate(() => document.cookie)).not.toContain('weframe_session');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(unexpected(errors, ['/api/auth/me', '/api/auth/login'])).toEqual([]);
    } finally {
      await close();
    }
  });

  it('has no serious or critical accessibility violations', async () => {
    const { server, browser } = session();
    const { page, errors, close } = await browser.newPage();
    try {
      const serious = () => seriousViolations(page);
      await page.goto(`${server.baseUrl}/`);
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ timeout: 15_000 });
      expect(await serious()).toEqual([]);
      await signIn(page);
      await waitForList(page);
      expect(await serious()).toEqual([]);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('does not scroll sideways at 360 px wide', async () => {
    const { server, browser } = session();
    const { page, errors, close } = await browser.newPage({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    try {
      await page.goto(`${server.baseUrl}/`);
      await signIn(page);
      await waitForList(page);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(360);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  });
});
