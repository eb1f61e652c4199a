/**
 * Keeping the collaboration record as a facilitator would: a collaboration started from
 * nothing through the forms, its agencies, professions, members and a goal; the server's
 * problems next to their fields; an edit undone; a conflict with someone else's edit and a
 * lost connection that keep what was typed; confidential marking; export and import.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, signIn, unexpected, waitForInteractive } from './support/app.js';
import { launchBrowser, type BrowserSession, type TrackedPage } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

const XSS = '<img src=x onerror=alert(1)>';
const NAME = 'Team around K (Eastfield)';

/**
 * Console errors other than the refusals the steps provoke on purpose: the server's 400s for
 * invalid forms and files, the 409 of a stale edit, and requests cut while offline.
 */
function unexpectedErrors(errors: string[]): string[] {
  return unexpected(errors).filter(
    (e) =>
      !(
        e.includes('/api/collaborations') &&
        /status of (400|409)|net::ERR_FAILED|net::ERR_INTERNET_DISCONNECTED/.test(e)
      ),
  );
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

/** Opens one part of the record from the overview. */
async function openCollection(page: Page, base: string, id: string, title: string) {
  await page.goto(`${base}/c/${id}/record`);
  await page.getByRole('heading', { level: 1, name: 'Record' }).waitFor();
  await page.locator('.rec-collections').getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  // The links to the rest of the group come with the loaded records.
  await page.getByRole('navigation', { name: /^More of / }).waitFor();
}

/** The notice after a change, once it says what is expected. */
async function noticeSays(page: Page, text: string | RegExp) {
  const notice = page.locator('.rec-change').filter({ hasText: text });
  await notice.waitFor();
  return notice;
}

describe('keeping the collaboration record', () => {
  let server: RunningServer | undefined;
  let browser: BrowserSession | undefined;
  let tracked: TrackedPage | undefined;
  const dialogs: string[] = [];
  let collaborationId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    tracked = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    tracked.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await tracked?.close();
    await browser?.close();
    await server?.stop();
  });

  function setup() {
    if (!server || !tracked) throw new Error('setup failed');
    return { base: server.baseUrl, page: tracked.page, errors: tracked.errors };
  }

  it('starts a collaboration from nothing, with the problems of an empty form shown', async () => {
    const { base, page, errors } = setup();
    await page.goto(`${base}/`);
    await signIn(page);
    await waitForInteractive(page);
    await page.getByRole('link', { name: 'New collaboration' }).click();
    await page.getByRole('heading', { level: 1, name: 'New collaboration' }).waitFor();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Create the collaboration' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect
      .poll(() => page.locator('#new-collaboration-name-error').textContent())
      .toContain('Name: is required');
    await summary.getByRole('link', { name: /Form of the team/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      'new-collaboration-teamForm',
    );
    await expectAccessible(page);

    await page.getByLabel('Name', { exact: true }).fill(NAME);
    await page.getByLabel(/^Case team:/).check();
    await page.getByLabel('Started on').fill('2025-09-01');
    const limits = page.getByRole('group', { name: 'How limited it is' });
    await limits.getByLabel('Aims').selectOption({ label: 'Clearly limited' });
    await limits.getByLabel('Resourcing').selectOption({ label: 'Partly limited' });
    await limits.getByLabel('Time').selectOption({ label: 'Open-ended' });
    await page.getByLabel('Each agency pays from its own budget').check();
    await page.getByRole('button', { name: 'Create the collaboration' }).click();

    await page.getByRole('heading', { level: 1, name: 'Record' }).waitFor();
    collaborationId = /\/c\/([^/]+)\/record$/.exec(new URL(page.url()).pathname)?.[1] ?? '';
    expect(collaborationId).not.toBe('');
    await page.getByText(`Everything recorded about ${NAME}`).waitFor();
    expect(await page.getByText('Nothing is recorded yet.').count()).toBe(1);
    await expectAccessible(page);
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it('adds two agencies, two professions and three members, one refused until its dates fit', async () => {
    const { base, page, errors } = setup();
    await openCollection(page, base, collaborationId, 'Agencies');
    for (const [name, sector] of [
      ['Eastfield Academy', 'Education'],
      ['Eastfield Community Health', 'Health'],
    ] as const) {
      await page.getByRole('button', { name: 'Add an agency' }).click();
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Sector').selectOption({ label: sector });
      await page.getByRole('button', { name: 'Add an agency' }).click();
      await noticeSays(page, `Agency “${name}” added.`);
    }
    await expect
      .poll(() => page.getByRole('table').getByRole('rowheader').allTextContents())
      .toEqual(['Eastfield Academy', 'Eastfield Community Health']);
    await expectAccessible(page);

    await openCollection(page, base, collaborationId, 'Professions');
    for (const name of ['Teacher', 'Occupational therapist']) {
      await page.getByRole('button', { name: 'Add a profession' }).click();
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByRole('button', { name: 'Add a profession' }).click();
      await noticeSays(page, `Profession “${name}” added.`);
    }
    await expectAccessible(page);

    await openCollection(page, base, collaborationId, 'Members');
    const members = [
      [XSS, 'Teacher', 'Eastfield Academy', '2025-09-01', ''],
      ['Priya Shah', 'Occupational therapist', 'Eastfield Community Health', '2025-09-01', ''],
      // Left before joining: refused by the server, shown next to "Left on".
      ['Tom Reed', 'Teacher', 'Eastfield Academy', '2025-10-01', '2025-09-15'],
    ] as const;
    for (const [name, profession, agency, start, end] of members) {
      await page.getByRole('button', { name: 'Add a member' }).click();
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Profession').selectOption({ label: profession });
      await page.getByLabel('Agency', { exact: true }).selectOption({ label: agency });
      await page.getByLabel('Seniority').selectOption({ label: '2 — practitioner' });
      await page.getByLabel('Works solely in this team').check();
      await page.getByLabel('Hours a week given to the collaboration').fill('7.5');
      await page.getByLabel('Joined on').fill(start);
      if (end) await page.getByLabel('Left on (optional)').fill(end);
      await page.getByRole('button', { name: 'Add a member' }).click();
      if (end) break;
      await noticeSays(page, `Member “${name}” added.`);
    }
    const error = page.locator('#record-members-endDate-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('left (2025-09-15) before joining (2025-10-01)');
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByLabel('Left on (optional)').getAttribute('aria-invalid')).toBe('true');
    // What was typed is kept.
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Tom Reed');
    await expectAccessible(page);
    await page.getByLabel('Left on (optional)').fill('');
    await page.getByRole('button', { name: 'Add a member' }).click();
    await noticeSays(page, 'Member “Tom Reed” added.');

    // The name that looks like markup is shown as text; no script ran.
    await expect
      .poll(() => page.getByRole('table').getByRole('rowheader').allTextContents())
      .toEqual([XSS, 'Priya Shah', 'Tom Reed']);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it('adds a joint goal with the members responsible for it', async () => {
    const { base, page, errors } = setup();
    await openCollection(page, base, collaborationId, 'Goals');
    await page.getByRole('button', { name: 'Add a goal' }).click();
    await page.getByLabel('A joint goal of the whole collaboration').check();
    await page.getByLabel('The goal', { exact: true }).fill(`Keep K in school ${XSS}`);
    await page.getByLabel('Agreed by the collaboration').check();
    await page.getByLabel('Stay safe').check();
    const responsible = page.getByRole('group', { name: 'Members responsible for it' });
    await responsible.getByLabel('Priya Shah').check();
    await responsible.getByLabel(XSS).check();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Add a goal' }).click();
    await noticeSays(page, 'Goal “Keep K in school');
    await expect
      .poll(() => page.getByRole('rowheader').allTextContents())
      .toEqual([`Keep K in school ${XSS}`]);
    expect(dialogs).toEqual([]);
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it('undoes an edit, and keeps what was typed through a conflict and a lost connection', async () => {
    const { base, page, errors } = setup();
    await openCollection(page, base, collaborationId, 'Members');
    const hours = page.getByLabel('Hours a week given to the collaboration');

    // An edit, then Undo puts the previous version back.
    await page.getByRole('button', { name: 'Edit Priya Shah' }).click();
    await page.getByRole('heading', { name: 'Edit member: Priya Shah' }).waitFor();
    await page.getByLabel('Left on (optional)').fill('2026-01-31');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const saved = await noticeSays(page, 'Changes to member “Priya Shah” saved.');
    const row = page.getByRole('row', { name: /Priya Shah/ });
    await expect.poll(() => row.textContent()).toContain('31 January 2026');
    await saved.getByRole('button', { name: 'Undo' }).click();
    await noticeSays(page, 'Undone: the member “Priya Shah” is back as it was.');
    await expect.poll(() => row.textContent()).not.toContain('31 January 2026');

    // Someone else saves first: their version is shown, the user's typing is kept.
    await page.getByRole('button', { name: 'Edit Priya Shah' }).click();
    await hours.fill('12');
    const status = await page.evaluate(async (id) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const path = `/api/collaborations/${id}/members`;
      const list = (await (await fetch(path)).json()) as {
        records: { id: string; displayName: string }[];
      };
      const priya = list.records.find((m) => m.displayName === 'Priya Shah');
      if (!priya) return 0;
      const response = await fetch(`${path}/${priya.id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ ...priya, dedicatedHoursPerWeek: 20 }),
      });
      return response.status;
    }, collaborationId);
    expect(status).toBe(200);
    await page.getByRole('button', { name: 'Save changes' }).click();
    const conflict = page
      .getByRole('alert')
      .filter({ hasText: 'Someone else changed this member' });
    await conflict.waitFor();
    const compared = conflict.getByRole('row', { name: /Hours a week/ });
    expect(await compared.getByRole('cell').allTextContents()).toEqual(['20', '12']);
    expect(await hours.inputValue()).toBe('12');
    await expectAccessible(page);

    // The connection drops: nothing saved, nothing lost, and a retry goes through.
    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Save changes' }).click();
    const offline = page.getByRole('alert').filter({ hasText: 'the server could not be reached' });
    await offline.waitFor();
    expect(await hours.inputValue()).toBe('12');
    await page.context().setOffline(false);
    await offline.getByRole('button', { name: 'Try again' }).click();
    await noticeSays(page, 'Changes to member “Priya Shah” saved.');
    await page.getByRole('button', { name: 'Edit Priya Shah' }).click();
    expect(await hours.inputValue()).toBe('12');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it('refuses to delete an agency members still belong to, naming them', async () => {
    const { base, page, errors } = setup();
    await openCollection(page, base, collaborationId, 'Agencies');
    await page.getByRole('button', { name: 'Delete Eastfield Community Health' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Not deleted' });
    await refused.waitFor();
    expect(await refused.getByRole('listitem').allTextContents()).toEqual([
      'Members › “Priya Shah” › Agency still refers to it',
    ]);
    expect(await page.getByRole('rowheader').allTextContents()).toContain(
      'Eastfield Community Health',
    );
    await expectAccessible(page);
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it('marks a record confidential to an agency, saying who will see it', async () => {
    const { base, page, errors } = setup();
    await openCollection(page, base, collaborationId, 'Members');
    await page.getByRole('button', { name: 'Edit Tom Reed' }).click();
    const select = page.getByLabel('Confidential to agency… (optional)');
    expect(await select.locator('option').allTextContents()).toEqual([
      'Not confidential',
      'Eastfield Academy',
      'Eastfield Community Health',
    ]);
    await select.selectOption({ label: 'Eastfield Academy' });
    // The test owner belongs to no agency: the record will leave their sight.
    await page.getByText('you do not belong to Eastfield Academy').waitFor();
    await page.getByRole('button', { name: 'Save changes' }).click();
    const notice = await noticeSays(page, 'It is now confidential to Eastfield Academy');
    expect(await notice.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    await page
      .getByText('1 record here is confidential to an agency you do not belong to')
      .waitFor();
    await expect
      .poll(() => page.getByRole('rowheader').allTextContents())
      .toEqual([XSS, 'Priya Shah']);
    await expectAccessible(page);

    // Members keep their own part of the record on a phone: nothing scrolls sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      await page.getByRole('button', { name: 'Edit Priya Shah' }).click();
      await page.getByRole('heading', { name: 'Edit member: Priya Shah' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it('exports the collaboration, and imports files: a broken one refused with its problems', async () => {
    const { base, page, errors } = setup();
    await page.goto(`${base}/c/${collaborationId}/record`);
    await page.getByRole('heading', { name: 'Collaboration details' }).waitFor();
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export the collaboration (.json)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.weframe\.json$/);
    const path = await download.path();
    const exported = JSON.parse(await readFile(path, 'utf8')) as {
      collaboration: { name: string };
      agencies: unknown[];
      members: { displayName: string }[];
      goals: unknown[];
    };
    expect(exported.collaboration.name).toBe(NAME);
    expect(exported.agencies).toHaveLength(2);
    expect(exported.goals).toHaveLength(1);
    // Tom Reed is confidential to an agency the owner does not belong to: left out.
    expect(exported.members.map((m) => m.displayName)).toEqual([XSS, 'Priya Shah']);

    await page.getByRole('link', { name: 'Import another collaboration' }).click();
    await page.getByRole('heading', { level: 1, name: 'New collaboration' }).waitFor();
    const broken = JSON.stringify({
      schemaVersion: 1,
      collaboration: { id: 'broken', name: '', teamForm: 'committee', startDate: '2025-02-30' },
      members: [{ id: 'm1', displayName: 'Nobody' }],
    });
    await page.getByLabel('Collaboration document').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(broken),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'The file was not imported' });
    await refused.waitFor();
    const paths = await refused.locator('code').allTextContents();
    expect(paths).toEqual(
      expect.arrayContaining([
        'collaboration.name',
        'collaboration.teamForm',
        'collaboration.startDate',
        'members[0].agencyId',
      ]),
    );
    await expectAccessible(page);

    // The exported file comes back as a new collaboration.
    await page.getByLabel('Collaboration document').setInputFiles(path);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Record' }).waitFor();
    await page.getByText(`Everything recorded about ${NAME}`).waitFor();
    expect(new URL(page.url()).pathname).not.toContain(collaborationId);
    await expectAccessible(page);
    expect(dialogs).toEqual([]);
    expect(unexpectedErrors(errors)).toEqual([]);
  });
});
