/**
 * Coding an interview as a researcher would: a short fictional transcript imported as a
 * .txt with "Name:" turns (Sam, a youth worker, is a pseudonym), passages selected with the mouse and coded from the code tree,
 * with a new code and with a keyboard shortcut; highlights and counts; two codes merged with
 * their counts kept; the framework matrix downloaded as CSV; accessibility and console checked.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, signIn, unexpected, waitForInteractive } from './support/app.js';
import { launchBrowser, type BrowserSession, type TrackedPage } from './support/browser.js';
import { repoRoot, startServer, type RunningServer } from './support/server.js';

const TITLE = 'Interview with Sam, youth worker';
const INTERVIEW = [
  'Interview with a youth worker, Northbridge (fictional)',
  '',
  'Interviewer: How do you hear that a young person you work with has been referred elsewhere?',
  'Sam: Usually I find out late, when the young person tells me themselves. Nobody phones me.',
  'Interviewer: Who decides who leads when several of you are involved?',
  'Sam: It is never clear. The school assumes the social worker leads and the social worker assumes the school does.',
  'Interviewer: What would help?',
  'Sam: A shared list of who is doing what, reviewed every month at the panel.',
  '',
].join('\n');

/** Selects a phrase of the reading pane by dragging the mouse across it. */
async function dragSelect(page: Page, phrase: string): Promise<void> {
  const box = await page.locator('.ev-reading').evaluate((pane, wanted) => {
    const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const at = text.indexOf(wanted);
      if (at < 0 || node.parentElement?.closest('[data-skip]')) continue;
      node.parentElement?.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const first = range.getBoundingClientRect();
      range.setStart(node, at + wanted.length - 1);
      range.setEnd(node, at + wanted.length);
      const last = range.getBoundingClientRect();
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    }
    return null;
  }, phrase);
  if (!box) throw new Error(`"${phrase}" is not in the reading pane`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
  await page.locator('.ev-passage__quote').filter({ hasText: phrase }).waitFor();
}

/** The count the code tree shows for a code (its own coded passages). */
async function countOf(page: Page, name: string): Promise<number> {
  const row = page.locator('.ev-tree__row').filter({
    has: page.locator('.ev-code-button__name', { hasText: new RegExp(`^(Apply )?${name}$`) }),
  });
  const text = (await row.first().locator('.ev-count [aria-hidden="true"]').textContent()) ?? '';
  return Number(text.split('·')[0]?.trim());
}

/** Waits for the workspace to announce a coding. */
async function codedAs(page: Page, code: string) {
  await page
    .locator('.ev-passage .ev-done')
    .filter({ hasText: `as “${code}”` })
    .waitFor();
}

describe('coding qualitative evidence', () => {
  let server: RunningServer | undefined;
  let browser: BrowserSession | undefined;
  let tracked: TrackedPage | undefined;
  let base = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    tracked = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
  });

  afterAll(async () => {
    await tracked?.close();
    await browser?.close();
    await server?.stop();
  });

  function setup() {
    if (!server || !tracked) throw new Error('setup failed');
    return { page: tracked.page, errors: tracked.errors };
  }

  it('imports a .txt interview, its speakers becoming cases', async () => {
    const { page } = setup();
    await page.goto(`${server?.baseUrl ?? ''}/`);
    await signIn(page);
    await waitForInteractive(page);
    const id = await page.evaluate(async () => {
      const res = await fetch('/api/collaborations');
      const body = (await res.json()) as { collaborations: { id: string; name: string }[] };
      return body.collaborations.find((c) => c.name.includes('Northbridge'))?.id ?? '';
    });
    expect(id).not.toBe('');
    base = `${server?.baseUrl ?? ''}/c/${id}/evidence`;

    // ── Import the transcript ──
    await page.goto(base);
    await page.getByRole('heading', { level: 1, name: 'Evidence' }).waitFor();
    await waitForInteractive(page);
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: `${TITLE}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(INTERVIEW, 'utf8'),
    });
    await page.getByLabel('Date (optional)').fill('2026-05-20');
    await page.getByRole('button', { name: 'Add source' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Added “${TITLE}” with 2 speakers` })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('codes passages chosen with the mouse, from the code tree, with a new code and with key 2', async () => {
    const { page } = setup();
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 2, name: TITLE }).waitFor();
    await page.locator('.ev-reading').waitFor();
    const rolesBefore = await countOf(page, 'Roles and responsibilities');
    await dragSelect(page, 'It is never clear.');
    await page.getByRole('button', { name: /^Apply Roles and responsibilities \d+ coded/ }).click();
    await codedAs(page, 'Roles and responsibilities');
    const roles = page.locator('mark.ev-mark', { hasText: 'It is never clear.' });
    await roles.waitFor();
    expect(await roles.getAttribute('title')).toBe('Coded: Roles and responsibilities');
    // The highlight says its code in words, not only in colour.
    expect(await roles.locator('.ev-chip').textContent()).toBe('Roles and responsibilities');
    expect(await roles.locator('.visually-hidden').textContent()).toContain(
      'coded: Roles and responsibilities',
    );
    await expect.poll(() => countOf(page, 'Roles and responsibilities')).toBe(rolesBefore + 1);

    // A new code, made and applied in one step (it gets key 2).
    await dragSelect(page, 'Usually I find out late');
    await page.getByLabel('Name', { exact: true }).fill('Finding out late');
    await page.getByRole('button', { name: 'Add and apply' }).click();
    await page.locator('mark.ev-mark', { hasText: 'Usually I find out late' }).waitFor();
    await expect.poll(() => countOf(page, 'Finding out late')).toBe(1);
    expect(await page.locator('.ev-keys__list li').allTextContents()).toEqual([
      expect.stringContaining('Roles and responsibilities'),
      expect.stringContaining('Finding out late'),
    ]);

    // The keyboard: key 2 applies "Finding out late" to the next selected passage.
    await dragSelect(page, 'Nobody phones me.');
    await page.keyboard.press('2');
    await codedAs(page, 'Finding out late');
    await page.locator('mark.ev-mark', { hasText: 'Nobody phones me.' }).waitFor();
    await expect.poll(() => countOf(page, 'Finding out late')).toBe(2);

    // A speaker turn chosen from the keyboard, coded with a third code.
    const turns = page.getByLabel('Passage to code');
    const labels = await turns.locator('option').allTextContents();
    const shared = labels.find((l) => l.startsWith('Sam: A shared list'));
    expect(shared).toBeDefined();
    await turns.selectOption({ label: shared ?? '' });
    await page.locator('.ev-passage__quote').filter({ hasText: 'A shared list' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Shared tracking');
    await page.getByRole('button', { name: 'Add and apply' }).click();
    await expect.poll(() => countOf(page, 'Shared tracking')).toBe(1);
    expect(await page.locator('.ev-passages > li').count()).toBe(4);
    expect(await seriousViolations(page)).toEqual([]);
    await mkdir(join(repoRoot, 'docs/screenshots'), { recursive: true });
    await dragSelect(page, 'The school assumes the social worker leads');
    await page.locator('.ev-workspace').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(repoRoot, 'docs/screenshots/evidence.png') });
  });

  it('merges one code into another, keeping its coded passages', async () => {
    const { page } = setup();
    await page.getByRole('link', { name: /All sources and the codebook/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Codebook' }).waitFor();
    const codebook = page.locator('.ev-codebook');
    const late = codebook.getByRole('button', { name: /^Finding out late\b/ });
    await late.waitFor();
    expect(await countOf(page, 'Finding out late')).toBe(2);
    expect(await countOf(page, 'Shared tracking')).toBe(1);
    await late.click();
    await page.getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByRole('dialog', { name: /Merge “Finding out late”/ });
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByLabel('Merge into').selectOption({ label: 'Shared tracking' });
    await dialog.getByRole('button', { name: 'Merge codes' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: '“Finding out late” was merged into “Shared tracking”' })
      .waitFor();
    await expect.poll(() => countOf(page, 'Shared tracking')).toBe(3);
    expect(await codebook.getByRole('button', { name: /^Finding out late\b/ }).count()).toBe(0);
  });

  it('downloads the framework matrix as CSV, with no accessibility problem or console error', async () => {
    const { page, errors } = setup();
    await page.getByRole('table', { name: /Framework matrix/ }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/framework-matrix\.csv$/);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    const [header, ...rows] = csv.split('\r\n');
    expect(header).toMatch(/^case id,case,/);
    expect(header).toContain('Shared tracking');
    const sam = rows.find((r) => r.includes(',Sam,'));
    expect(sam).toContain('Usually I find out late');
    expect(sam).toContain('Nobody phones me.');

    expect(await seriousViolations(page)).toEqual([]);
    expect(unexpected(errors)).toEqual([]);
  });
});
