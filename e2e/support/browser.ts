/** Headless Debian Chromium through playwright-core, with console and page errors collected. */
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const chromiumPath = process.env.WEFRAME_CHROMIUM ?? '/usr/bin/chromium';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TrackedPage {
  page: Page;
  /** Console messages of type error, and uncaught exceptions in the page. */
  errors: string[];
  close: () => Promise<void>;
}

export interface BrowserSession {
  browser: Browser;
  newPage: (options?: BrowserContextOptions) => Promise<TrackedPage>;
  close: () => Promise<void>;
}

export async function launchBrowser(): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });

  return {
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') {
          const { url, lineNumber } = message.location();
          errors.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
        }
      });
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      return { page, errors, close: () => context.close() };
    },
    close: () => browser.close(),
  };
}
