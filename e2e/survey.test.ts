/**
 * Surveys as a facilitator and members use them: opening an identified wave, making links
 * from a pasted roster, three members answering on a phone (one leaving and coming back),
 * used and unknown links, who has not answered, the team figures, closing the wave; and an
 * anonymous wave answered through a lost connection, with responses imported from CSV.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, signIn, unexpected, waitForInteractive } from './support/app.js';
import { launchBrowser, type BrowserSession, type TrackedPage } from './support/browser.js';
import { repoRoot, startServer, type RunningServer } from './support/server.js';

const screenshotPath = join(repoRoot, 'docs/screenshots/survey.png');

const phone: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** The three members who answer, as recorded in the Northbridge sample. */
const respondents = [
  'Adviser Rowan Hale',
  'Head of Year Caspian Dorley',
  'Educational Psychologist Ione Fairbrass',
];

const AGREEMENT = [
  'Strongly disagree',
  'Disagree',
  'Neither agree nor disagree',
  'Agree',
  'Strongly agree',
];

/**
 * Console errors other than the expected ones: the signed-out session check (401), the
 * survey routes' refusals of a used (409) or unknown (404) link, which the page shows kindly,
 * and the refusals a step provokes on purpose, each given as [status, path].
 */
function unexpectedErrors(errors: string[], refusals: [string, string][] = []): string[] {
  return unexpected(errors).filter(
    (e) =>
      !(/status of (404|409)/.test(e) && e.includes('/api/s/')) &&
      !refusals.some(([status, path]) => e.includes(`status of ${status}`) && e.includes(path)),
  );
}

/** The wave opened without a name, on purpose, to see the server's problem by the field. */
const nameless: [string, string] = ['400', '/waves'];

/** No serious accessibility violation, and (on a phone) no sideways scrolling. */
async function check(page: Page, narrow = false): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  if (narrow) {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
  }
}

/** A JSON API call with the page's session (and its CSRF token for changes). */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        headers: {
          'x-csrf-token': me.csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok)
        throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    { method, path, body },
  );
}

/** The lines of the CSV file a button downloads (byte-order mark and last line end dropped). */
async function downloaded(page: Page, button: string): Promise<string[]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const text = await readFile(await download.path(), 'utf8');
  return text
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split(/\r?\n/);
}

const heading2 = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { level: 2, name });
const next = (page: Page) => page.getByRole('button', { name: /^Next/ });

/** Answers every statement on the page shown, each with a choice that varies with `seed`. */
async function answerStatements(page: Page, seed: number): Promise<void> {
  const groups = page.getByRole('group');
  const count = await groups.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const label = AGREEMENT[(seed + i) % 5] ?? 'Agree';
    await groups.nth(i).getByRole('radio', { name: label, exact: true }).check();
  }
}

/**
 * Answers from the current statements page to the thank-you page; checks accessibility and
 * width on each kind of page when `inspect` is set.
 */
async function answerToTheEnd(page: Page, seed: number, inspect: boolean): Promise<void> {
  for (;;) {
    const title = (await page.getByRole('heading', { level: 2 }).first().textContent()) ?? '';
    if (!title.startsWith('Statements')) break;
    await answerStatements(page, seed);
    await next(page).click();
  }
  await heading2(page, 'What the team is trying to achieve').waitFor();
  await page
    .getByLabel('In a sentence, what is this collaboration trying to achieve?')
    .fill('Keep J in education and out of trouble, together.');
  await page
    .getByRole('group', { name: /closest to what you are working towards/ })
    .getByRole('radio')
    .first()
    .check();
  await page
    .getByRole('group', { name: 'Who leads this collaboration?' })
    .getByRole('radio', { name: 'Adviser Rowan Hale' })
    .check();
  if (inspect) await check(page, true);
  await next(page).click();

  await heading2(page, 'Colleagues you work with').waitFor();
  const colleagues = page.getByRole('group', { name: /Choose the colleagues/ });
  const named = respondents.filter((_, i) => i !== seed % 3).slice(0, 2);
  for (const name of named)
    await colleagues.getByRole('checkbox', { name: new RegExp(`^${name}`) }).check();
  expect(await colleagues.getByText('2 of 15 chosen').count()).toBe(1);
  if (inspect) await check(page, true);
  await next(page).click();

  for (const [i, name] of named.entries()) {
    await heading2(page, `About ${name}`).waitFor();
    if (i === 0) {
      // Leaving a needed answer out stops the sending, with a way back to the question.
      await next(page).click();
      continue;
    }
    await answerColleague(page);
    if (inspect) await check(page, true);
    await next(page).click();
  }

  await heading2(page, 'Your own part in the work').waitFor();
  await page
    .getByRole('group', { name: /Which of these areas of the work do you take on/ })
    .getByRole('checkbox')
    .first()
    .check();
  if (inspect) await check(page, true);
  await next(page).click();

  await heading2(page, 'Check and send').waitFor();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  const problems = page.getByRole('alert').filter({ hasText: 'Before you send' });
  await problems.waitFor();
  expect(await problems.textContent()).toContain(`About ${named[0]}`);
  if (inspect) await check(page, true);
  await problems.getByRole('button', { name: 'Go to the question' }).click();
  await heading2(page, `About ${named[0]}`).waitFor();
  expect(await page.getByText('Please answer this.').count()).toBe(2);
  await answerColleague(page);
  for (;;) {
    await next(page).click();
    if (await heading2(page, 'Check and send').isVisible()) break;
  }
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
  if (inspect) await check(page, true);
}

async function answerColleague(page: Page): Promise<void> {
  await page
    .getByRole('group', { name: /How often are you in contact/ })
    .getByRole('radio', { name: 'Every week or so' })
    .check();
  await page
    .getByRole('group', { name: /how you work together/ })
    .getByRole('radio', { name: 'We plan together and sort out overlaps and gaps.' })
    .check();
  await page
    .getByRole('group', { name: /How well do you understand/ })
    .getByRole('radio', { name: '4', exact: true })
    .check();
  await page
    .getByRole('group', { name: /How far can you rely/ })
    .getByRole('radio', { name: '4', exact: true })
    .check();
}

describe('survey waves', () => {
  let server: RunningServer | undefined;
  let browser: BrowserSession | undefined;
  let owner: TrackedPage | undefined;
  let collaborationId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    owner = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await owner.page.goto(`${server.baseUrl}/`);
    await signIn(owner.page);
    await waitForInteractive(owner.page);
    const href = await owner.page
      .getByRole('link', { name: /Northbridge/ })
      .first()
      .getAttribute('href');
    collaborationId = decodeURIComponent(/^\/c\/([^/]+)/.exec(href ?? '')?.[1] ?? '');
  });

  afterAll(async () => {
    await owner?.close();
    await browser?.close();
    await server?.stop();
  });

  function setup() {
    if (!server || !browser || !owner || collaborationId === '') throw new Error('setup failed');
    return { base: server.baseUrl, browser, owner };
  }

  it('runs an identified wave that three members answer on a phone', async () => {
    const { base, browser, owner } = setup();
    const { page } = owner;
    const surveys = `${base}/c/${encodeURIComponent(collaborationId)}/surveys`;

    // ── The facilitator opens the wave ──
    await page.goto(surveys);
    await waitForInteractive(page);
    await page.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
    await check(page);
    // The server's problem shows next to the field it concerns.
    await page.getByRole('button', { name: 'Open the wave' }).click();
    const nameField = page.getByLabel('Name of the wave');
    await expect.poll(() => nameField.getAttribute('aria-invalid')).toBe('true');
    await nameField.fill('Winter check-in');
    expect(await page.getByRole('radio', { name: /^Identified/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Open the wave' }).click();
    await page.getByRole('heading', { level: 1, name: 'Winter check-in' }).waitFor();
    const waveId = decodeURIComponent(/\/surveys\/([^/?#]+)$/.exec(page.url())?.[1] ?? '');
    expect(waveId).not.toBe('');
    await check(page);

    // ── A pasted roster: three members and one line that is no one ──
    await page
      .getByLabel('Paste a roster')
      .fill(
        `${respondents[0]}, rowan.hale@example.org\n${respondents[1]}\n${respondents[2]}\nNo Such Person`,
      );
    await page.getByRole('button', { name: 'Tick the people on this roster' }).click();
    await page.getByText('Found 3 members on the roster').waitFor();
    expect(
      await page
        .getByText('Line 4, “No Such Person”: is not a member of this collaboration')
        .count(),
    ).toBe(1);
    await page.getByRole('button', { name: 'Make 3 links' }).click();
    await heading2(page, 'Links to send').waitFor();
    const linkTable = page.getByRole('table', { name: 'Links made for this wave' });
    expect(await linkTable.getByRole('rowheader').allTextContents()).toEqual([
      `${respondents[0]}rowan.hale@example.org`,
      respondents[1],
      respondents[2],
    ]);
    await check(page);

    // Copy one link; download them all for a mail merge.
    await page.getByRole('button', { name: `Copy the link for ${respondents[1]}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Copied the link for ${respondents[1]}` })
      .waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(new RegExp(`^${base}/s/[A-Za-z0-9_-]{20,}$`));
    const rows = await downloaded(page, 'Download the links (CSV)');
    expect(rows[0]).toBe('name,email,link,expires');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatch(new RegExp(`^${respondents[0]},rowan\\.hale@example\\.org,${base}/s/`));
    const links = rows.slice(1).map((row) => row.split(',')[2] ?? '');
    expect(links[1]).toBe(copied);

    // Who has not answered: all three, none started, by name.
    const waiting = page.getByRole('table', { name: 'Members who have not answered' });
    expect(await waiting.getByRole('rowheader').allTextContents()).toEqual([...respondents].sort());
    expect(await waiting.getByRole('cell', { name: 'Not started' }).count()).toBe(3);

    // ── Member 1 starts on a phone, leaves half-way, and comes back ──
    const first = await browser.newPage(phone);
    try {
      await first.page.goto(links[0] ?? '');
      await waitForInteractive(first.page);
      await heading2(first.page, 'Before you start').waitFor();
      expect(await first.page.getByText('Your answers carry your name').count()).toBe(1);
      expect(await first.page.getByText(`This link is for ${respondents[0]}`).count()).toBe(1);
      await check(first.page, true);
      await first.page.getByRole('button', { name: 'Start the survey' }).click();
      await heading2(first.page, 'Statements 1 to 6 of 42').waitFor();
      expect(await first.page.getByText('Page 1 of').count()).toBe(1);
      await answerStatements(first.page, 0);
      await check(first.page, true);
      await mkdir(join(repoRoot, 'docs/screenshots'), { recursive: true });
      await first.page.screenshot({ path: screenshotPath, fullPage: true });
      await next(first.page).click();
      await answerStatements(first.page, 0);
      // Saved a moment after the last answer, without moving on: then the member leaves.
      await first.page.getByText('Saving your answers…').waitFor();
      await first.page.getByText('Your answers are saved.').waitFor();
      expect(unexpectedErrors(first.errors)).toEqual([]);
    } finally {
      await first.close();
    }
    const back = await browser.newPage(phone);
    try {
      await back.page.goto(links[0] ?? '');
      await waitForInteractive(back.page);
      await back.page
        .getByText('Welcome back. Your answers so far are kept: 12 of 42 statements answered.')
        .waitFor();
      await back.page.getByRole('button', { name: 'Carry on where I stopped' }).click();
      await heading2(back.page, 'Statements 13 to 18 of 42').waitFor();
      await back.page.getByRole('button', { name: 'Back' }).click();
      await heading2(back.page, 'Statements 7 to 12 of 42').waitFor();
      expect(await back.page.getByRole('radio', { checked: true }).count()).toBe(6);
      await next(back.page).click();
      await answerToTheEnd(back.page, 0, true);
      expect(unexpectedErrors(back.errors)).toEqual([]);

      // The used link again: a friendly page, not an error.
      await back.page.goto(links[0] ?? '');
      await back.page
        .getByRole('heading', { level: 1, name: 'You have already answered' })
        .waitFor();
      await check(back.page, true);
      // A link that never was.
      await back.page.goto(`${base}/s/this-link-was-never-made`);
      await back.page.getByRole('heading', { level: 1, name: 'This link does not work' }).waitFor();
      await check(back.page, true);
      expect(unexpectedErrors(back.errors)).toEqual([]);
    } finally {
      await back.close();
    }

    // ── Members 2 and 3 answer in one go ──
    for (const [i, link] of links.slice(1).entries()) {
      const member = await browser.newPage(phone);
      try {
        await member.page.goto(link);
        await waitForInteractive(member.page);
        await member.page.getByRole('button', { name: 'Start the survey' }).click();
        await answerToTheEnd(member.page, i + 1, false);
        expect(unexpectedErrors(member.errors)).toEqual([]);
      } finally {
        await member.close();
      }
    }

    // ── The facilitator sees everyone has answered ──
    await page.goto(`${surveys}/${encodeURIComponent(waveId)}`);
    await waitForInteractive(page);
    await page.getByText('Everyone who was invited has answered.').waitFor();
    const counts = page.getByRole('list', { name: 'Answers so far' });
    expect(await counts.getByRole('listitem').filter({ hasText: 'answered' }).textContent()).toBe(
      '3 answered',
    );
    await check(page);
    const status = await api<{ counts: { submitted: number }; notAnswered: unknown[] }>(
      page,
      'GET',
      `/api/waves/${encodeURIComponent(waveId)}/status`,
    );
    expect(status.counts.submitted).toBe(3);
    expect(status.notAnswered).toEqual([]);
    // The responses as CSV: one row each, with who answered (the wave is identified).
    const responses = await downloaded(page, 'Download the responses (CSV)');
    expect(responses[0]).toMatch(/^response,respondent_member_id,submitted_at,TR1,/);
    expect(responses).toHaveLength(4);

    // ── The diagnosis now draws on this wave's three respondents ──
    await page.goto(`${base}/c/${encodeURIComponent(collaborationId)}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await check(page);
    const diagnosis = await api<{
      wave: { id: string; respondents: number } | null;
      elements: { indicators: { survey?: { respondents: number; mean: number | null } }[] }[];
    }>(page, 'GET', `/api/collaborations/${encodeURIComponent(collaborationId)}/diagnosis`);
    expect(diagnosis.wave).toMatchObject({ id: waveId, respondents: 3 });
    const figures = diagnosis.elements
      .flatMap((e) => e.indicators)
      .flatMap((i) => (i.survey ? [i.survey] : []));
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.every((f) => f.respondents <= 3)).toBe(true);
    expect(figures.filter((f) => f.respondents === 3 && f.mean !== null).length).toBeGreaterThan(0);

    // ── Closing the wave, after a confirmation ──
    await page.goto(`${surveys}/${encodeURIComponent(waveId)}`);
    await waitForInteractive(page);
    await page.getByRole('button', { name: 'Close the wave…' }).click();
    await page.getByRole('heading', { name: 'Close “Winter check-in”?' }).waitFor();
    await check(page);
    await page.getByRole('button', { name: 'Yes, close the wave' }).click();
    await page.getByText('This wave is closed').waitFor();
    expect(await page.locator('.badge', { hasText: 'Closed' }).count()).toBe(1);
    expect(unexpectedErrors(owner.errors, [nameless])).toEqual([]);
  }, 300_000);

  it('keeps an anonymous wave’s answers through a lost connection, and imports responses', async () => {
    const { base, browser, owner } = setup();
    const { page } = owner;
    const wave = await api<{ id: string }>(
      page,
      'POST',
      `/api/collaborations/${encodeURIComponent(collaborationId)}/waves`,
      { name: 'Anonymous pulse', mode: 'anonymous' },
    );
    const { links } = await api<{ links: { url: string }[] }>(
      page,
      'POST',
      `/api/waves/${encodeURIComponent(wave.id)}/invitations`,
      { count: 1 },
    );
    const link = new URL(links[0]?.url ?? '', base).href;

    const member = await browser.newPage(phone);
    try {
      const { page: phonePage, errors } = member;
      await phonePage.goto(link);
      await waitForInteractive(phonePage);
      // Anonymity is said plainly before the first question.
      await phonePage.getByText('Your answers are anonymous').waitFor();
      expect(await phonePage.getByText('This survey is anonymous.').count()).toBe(1);
      expect(await phonePage.getByRole('radio').count()).toBe(0);
      await check(phonePage, true);
      await phonePage.getByRole('button', { name: 'Start the survey' }).click();
      await answerStatements(phonePage, 2);
      await phonePage.getByText('Your answers are saved.').waitFor();

      // The connection drops: answers stay, the page says so, and they are saved once it is back.
      await member.page.context().setOffline(true);
      await next(phonePage).click();
      await answerStatements(phonePage, 3);
      const offline = phonePage.getByRole('alert').filter({ hasText: 'No connection' });
      await offline.waitFor();
      await check(phonePage, true);
      expect(await phonePage.getByRole('radio', { checked: true }).count()).toBe(6);
      await member.page.context().setOffline(false);
      await phonePage.evaluate(() => window.dispatchEvent(new Event('online')));
      await phonePage.getByText('Your answers are saved.').waitFor();

      // Straight to the review (no colleague questions in an anonymous wave), then offline again.
      while (!(await heading2(phonePage, 'Check and send').isVisible()))
        await next(phonePage).click();
      expect(await phonePage.getByText('Colleagues you named').count()).toBe(0);
      await member.page.context().setOffline(true);
      const send = phonePage.getByRole('button', { name: 'Send my answers' });
      await send.click();
      const notConfirmed = phonePage
        .getByRole('alert')
        .filter({ hasText: 'could not confirm that your answers arrived' });
      await notConfirmed.waitFor();
      await member.page.context().setOffline(false);
      // Now the answers reach the server, but its reply is lost on the way back.
      let replies = 0;
      await phonePage.route('**/api/responses', async (route) => {
        if (replies++ > 0) return route.continue();
        await route.fetch();
        await route.abort('connectionreset');
      });
      await send.click();
      await expect.poll(() => replies).toBe(1);
      await notConfirmed.waitFor();
      // The retry carries the same Idempotency-Key: the first result, not a refusal.
      await send.click();
      await phonePage.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
      expect(replies).toBe(2);
      expect(await phonePage.getByText('cannot be traced back to your link').count()).toBe(1);
      expect(
        unexpectedErrors(errors).filter(
          (e) => !/net::ERR_(INTERNET_DISCONNECTED|CONNECTION_RESET|FAILED)/.test(e),
        ),
      ).toEqual([]);
    } finally {
      await member.close();
    }

    // Responses from another tool: every row not taken is reported with its reason.
    await page.goto(
      `${base}/c/${encodeURIComponent(collaborationId)}/surveys/${encodeURIComponent(wave.id)}`,
    );
    await waitForInteractive(page);
    expect(
      await page.getByRole('list', { name: 'Answers so far' }).getByText('1 answered').count(),
    ).toBe(1);
    await page.getByLabel('CSV file of responses').setInputFiles({
      name: 'other-tool.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Respondent,TR1,PU1,Comment\nAlex,Agree,Strongly agree,fine\nSam,Sort of,4,\nKim,Disagree,Maybe,\n',
      ),
    });
    const respondentColumn = page.getByLabel('Read column “Respondent” as');
    expect(await respondentColumn.inputValue()).toBe('ignore');
    expect(await page.getByLabel('Read column “TR1” as').inputValue()).toBe('TR1');
    // "Sort of" is read as 3; "Maybe" is left unreadable, so Kim's row is refused.
    await page.getByLabel('Read “Sort of” as').selectOption('3');
    await check(page);
    await page.getByRole('button', { name: 'Import the responses' }).click();
    await page.getByText('Imported 2 responses. 1 row was not taken').waitFor();
    const refused = page.getByRole('table', { name: 'Rows not taken, and why' });
    expect(await refused.getByRole('rowheader').allTextContents()).toEqual(['4']);
    expect(await refused.getByRole('cell').textContent()).toContain('"Maybe"');
    await check(page);
    // The anonymous wave's CSV names no one: the answered link and the two imported rows.
    const responses = await downloaded(page, 'Download the responses (CSV)');
    expect(responses[0]).toMatch(/^response,submitted_on,TR1,/);
    expect(responses[0]).not.toContain('respondent');
    expect(responses).toHaveLength(4);
    expect(unexpectedErrors(owner.errors, [nameless])).toEqual([]);
  }, 120_000);
});
