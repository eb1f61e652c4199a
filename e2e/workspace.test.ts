/**
 * Workspaces as an owner and an invited colleague use them: inviting with a one-time link,
 * accepting it in another browser, changing the role, what a non-owner is (not) offered,
 * the audit log, one's own password, archiving, and the workspace backup.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, signIn, unexpected, waitForInteractive } from './support/app.js';
import { launchBrowser, type BrowserSession, type TrackedPage } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

const invitee = {
  name: 'Dana Okafor',
  email: 'dana.okafor@example.org',
  password: 'kettle harbour violet lantern',
  newPassword: 'orchard pebble compass thistle',
};

/**
 * Console errors other than the expected ones: the signed-out session check (401), and the
 * refusals a step provokes on purpose, each given as [status, path].
 */
function unexpectedErrors(errors: string[], refusals: [string, string][] = []): string[] {
  return unexpected(errors).filter(
    (e) => !refusals.some(([status, path]) => e.includes(status) && e.includes(path)),
  );
}

/** Asserts that only expected errors were logged, then starts the page's list afresh. */
function expectNoErrors(errors: string[], refusals: [string, string][] = []): void {
  expect(unexpectedErrors(errors, refusals)).toEqual([]);
  errors.length = 0;
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

describe('workspaces, people, audit and account', () => {
  let server: RunningServer | undefined;
  let browser: BrowserSession | undefined;
  let owner: TrackedPage | undefined;
  let guest: TrackedPage | undefined;
  let inviteLink = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    owner = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    // The invitee: another browser context, so nothing of the owner's session is shared.
    guest = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  });

  afterAll(async () => {
    await owner?.close();
    await guest?.close();
    await browser?.close();
    await server?.stop();
  });

  function setup() {
    if (!server || !browser || !owner || !guest) throw new Error('setup failed');
    return { base: server.baseUrl, browser, owner, guest };
  }

  it('the owner invites a facilitator and copies the one-time link', async () => {
    const { base, owner } = setup();
    const { page, errors } = owner;
    await page.goto(`${base}/`);
    await signIn(page);
    await waitForInteractive(page);
    await page.getByRole('heading', { level: 2, name: 'Look after this workspace' }).waitFor();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'People and roles' }).click();
    await page.getByRole('heading', { level: 1, name: 'People and roles' }).waitFor();
    const people = page.getByRole('table', { name: /in Default workspace/ });
    await people.waitFor();
    const me = people.getByRole('rowheader').filter({ hasText: 'e2e.owner@example.org' });
    expect(await me.textContent()).toContain('You');

    const invite = page.getByRole('region', { name: 'Invite someone' });
    // The server's problem with the address is shown next to it, and what was typed is kept.
    await invite.getByLabel('Email').fill('dana.okafor');
    await invite.getByLabel('Name (optional)').fill(invitee.name);
    await invite.getByRole('button', { name: 'Invite' }).click();
    await invite.getByText('The invitation was not made.').waitFor();
    const email = invite.getByLabel('Email');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const described = (await email.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${described}"]`).textContent()).toMatch(/email/i);
    expect(await invite.getByLabel('Name (optional)').inputValue()).toBe(invitee.name);

    await invite.getByLabel('Email').fill(invitee.email);
    await invite.getByLabel('Name (optional)').fill(invitee.name);
    await invite.getByLabel('Role').selectOption('facilitator');
    await invite.getByLabel('Agency').selectOption({ label: 'Northbridge High School' });
    await invite.getByRole('button', { name: 'Invite' }).click();

    const panel = page.getByRole('region', { name: `Invitation link for ${invitee.name}` });
    await panel.waitFor();
    expect(await panel.textContent()).toContain('shown only this once');
    const shown = await panel.getByLabel('One-time link').inputValue();
    expect(shown).toMatch(new RegExp(`^${base}/invite/[A-Za-z0-9_-]{16,}$`));
    await panel.getByRole('button', { name: 'Copy link' }).click();
    await panel.getByText('Copied.').waitFor();
    inviteLink = await page.evaluate(() => navigator.clipboard.readText());
    expect(inviteLink).toBe(shown);

    const row = people.getByRole('row', { name: new RegExp(invitee.name) });
    await row.getByText('Invited', { exact: false }).waitFor();
    expect(await row.textContent()).toContain('Facilitator');
    expect(await row.textContent()).toContain('Northbridge High School');
    await expectAccessible(page);
    expectNoErrors(errors, [['400', '/api/workspaces/default/users']]);
  });

  it('the invitee opens the link in another browser, chooses a password and is signed in', async () => {
    const { guest } = setup();
    const { page, errors } = guest;
    expect(inviteLink).not.toBe('');
    await page.goto(inviteLink);
    await page.getByRole('heading', { level: 1, name: 'Accept your invitation' }).waitFor();
    await expectAccessible(page);

    await page.getByLabel('Your name (optional)').fill(invitee.name);
    await page.getByLabel('New password', { exact: true }).fill(invitee.password);
    await page.getByLabel('The same password again').fill(invitee.password);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await waitForInteractive(page);
    await page.getByRole('heading', { level: 1, name: 'Collaborations' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByText(`Signed in as ${invitee.name}`).count()).toBe(1);
    // A facilitator starts collaborations, and is offered nothing that is the owners'.
    expect(await page.getByRole('link', { name: 'New collaboration' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'People and roles' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Archive/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Download a backup' }).count()).toBe(0);
    await expectAccessible(page);
    expectNoErrors(errors);

    // The link worked once: opened again (in a third browser), it says so plainly.
    const other = await setup().browser.newPage();
    try {
      await other.page.goto(inviteLink);
      await other.page.getByLabel('New password', { exact: true }).fill('someone else’s password');
      await other.page.getByLabel('The same password again').fill('someone else’s password');
      await other.page.getByRole('button', { name: 'Set password and sign in' }).click();
      await other.page
        .getByRole('heading', { level: 1, name: 'This link no longer works' })
        .waitFor();
      await expectAccessible(other.page);
      expectNoErrors(other.errors, [['410', '/api/auth/accept']]);
    } finally {
      await other.close();
    }
  });

  it('the owner changes the invitee’s role', async () => {
    const { owner } = setup();
    const { page, errors } = owner;
    // Accepted since the page was drawn: loaded again, the invitee is active.
    await page.reload();
    const people = page.getByRole('table', { name: /in Default workspace/ });
    await people
      .getByRole('row', { name: new RegExp(invitee.name) })
      .getByText('Active')
      .waitFor();
    await page.getByRole('button', { name: `Change role or agency of ${invitee.name}` }).click();
    const form = page.getByRole('form', { name: `Change ${invitee.name}’s role or agency` });
    await form.waitFor();
    await expectAccessible(page);
    await form.getByLabel('Role').selectOption('researcher');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByText(`${invitee.name} is now researcher for Northbridge High School.`)
      .waitFor();
    const row = people.getByRole('row', { name: new RegExp(invitee.name) });
    await row.getByText('Researcher').waitFor();
    expect(await form.count()).toBe(0);
    expectNoErrors(errors);
  });

  it('a non-owner sees no People link and is refused the owners’ pages', async () => {
    const { base, guest } = setup();
    const { page, errors } = guest;
    await page.goto(`${base}/`);
    await waitForInteractive(page);
    await page.getByRole('heading', { level: 1, name: 'Collaborations' }).waitFor();
    expect(await page.getByRole('link', { name: 'People and roles' }).count()).toBe(0);
    // A researcher may not start collaborations either.
    expect(await page.getByRole('link', { name: 'New collaboration' }).count()).toBe(0);

    for (const [path, title, what] of [
      ['people', 'People and roles', 'its people and their roles'],
      ['audit', 'Audit log', 'its audit log'],
    ] as const) {
      await page.goto(`${base}/workspaces/default/${path}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText(`Only owners of Default workspace can see ${what}.`).waitFor();
      expect(await page.getByText('Your role there is researcher.').count()).toBe(1);
      await expectAccessible(page);
    }
    // The server refuses it anyway.
    expect((await page.request.get(`${base}/api/workspaces/default/users`)).status()).toBe(403);
    expect((await page.request.get(`${base}/api/workspaces/default/audit`)).status()).toBe(403);
    expectNoErrors(errors);
  });

  it('the audit log lists the invitation, the role change and confidential reads', async () => {
    const { base, owner } = setup();
    const { page, errors } = owner;
    // Reading a whole collaboration reads its case events: each read is audited.
    const list = (await (await page.request.get(`${base}/api/collaborations`)).json()) as {
      collaborations: { id: string; name: string }[];
    };
    const northbridge = list.collaborations.find((c) => c.name.includes('Northbridge'));
    expect(northbridge).toBeDefined();
    expect(
      (await page.request.get(`${base}/api/collaborations/${northbridge?.id ?? ''}`)).status(),
    ).toBe(200);

    await page.goto(`${base}/workspaces/default/audit`);
    await waitForInteractive(page);
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const table = page.getByRole('table', { name: /Audit entries of Default workspace/ });
    const invited = table
      .getByRole('row')
      .filter({ hasText: 'Invited someone' })
      .filter({ hasText: invitee.email });
    await invited.waitFor();
    expect(await invited.textContent()).toContain('e2e.owner@example.org');
    const accepted = table.getByRole('row').filter({ hasText: 'Accepted an invitation' });
    expect(await accepted.textContent()).toContain(invitee.email);
    const reads = table.getByRole('row').filter({ hasText: 'Read a case event' });
    expect(await reads.count()).toBeGreaterThan(0);
    expect(await reads.first().textContent()).toContain('Confidential');

    const change = table.getByRole('row').filter({ hasText: 'Changed a role or agency' });
    await change.getByRole('button', { name: /^Show before and after/ }).click();
    const detail = page.getByRole('table', { name: /^Changed a role or agency/ });
    await detail.waitFor();
    expect(await detail.getByRole('row', { name: /role/ }).textContent()).toMatch(
      /role.*facilitator.*researcher/,
    );
    await expectAccessible(page);

    // Filters: only the invitations, then only today's entries by the invitee.
    await page.getByLabel('What').selectOption({ label: 'Invited someone' });
    expect(await table.locator('tbody > tr').count()).toBe(1);
    await page.getByText('1 of the').waitFor();
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await page.getByLabel('Who').selectOption({ label: invitee.email });
    const today = await page.evaluate(() => {
      const d = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    });
    await page.getByLabel('From (day)').fill(today);
    const theirs = await table.locator('tbody > tr').allTextContents();
    expect(theirs.length).toBeGreaterThan(0);
    for (const text of theirs) expect(text).toContain(invitee.email);
    await expectAccessible(page);
    expectNoErrors(errors);
  });

  it('the invitee changes their password, with a wrong current password refused first', async () => {
    const { base, guest } = setup();
    const { page, errors } = guest;
    await page.goto(`${base}/account`);
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await page.getByText('At least 10 characters').waitFor();
    await expectAccessible(page);

    await page.getByLabel('Current password').fill('not my password at all');
    await page.getByLabel('New password', { exact: true }).fill(invitee.newPassword);
    await page.getByLabel('New password again').fill(invitee.newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('is not your current password').waitFor();
    expect(await page.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');
    // What was typed is kept.
    expect(await page.getByLabel('New password', { exact: true }).inputValue()).toBe(
      invitee.newPassword,
    );
    await expectAccessible(page);

    await page.getByLabel('Current password').fill(invitee.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password has been changed.').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, { email: invitee.email, password: invitee.newPassword });
    await page.getByText(`Signed in as ${invitee.name}`).waitFor();
    expectNoErrors(errors, [['403', '/api/auth/password']]);
  });

  it('the owner archives and restores a collaboration', async () => {
    const { base, owner } = setup();
    const { page, errors } = owner;
    await page.goto(`${base}/`);
    await waitForInteractive(page);
    const brightsteps = page.getByRole('heading', { level: 2, name: /Brightsteps/ });
    await brightsteps.waitFor();
    const name = (await brightsteps.textContent()) ?? '';

    await page.getByRole('button', { name: `Archive ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Archive ${name}?` });
    await dialog.waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await brightsteps.count()).toBe(1);

    await page.getByRole('button', { name: `Archive ${name}` }).click();
    await dialog.getByRole('button', { name: 'Archive' }).click();
    const archived = page.getByRole('region', { name: 'Archived collaborations' });
    await archived.waitFor();
    await brightsteps.waitFor({ state: 'detached' });
    expect(await archived.getByRole('link', { name }).count()).toBe(1);
    await expectAccessible(page);

    await archived.getByRole('button', { name: `Restore ${name}` }).click();
    await brightsteps.waitFor();
    expect(await archived.count()).toBe(0);
    expectNoErrors(errors);
  });

  it('the owner creates a workspace, backs up and imports, archives and restores it', async () => {
    const { owner } = setup();
    const { page, errors } = owner;

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download a backup' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^weframe-default-\d{4}-\d{2}-\d{2}\.json$/);
    const defaultBackup = await download.path();
    const backup = JSON.parse(await readFile(defaultBackup, 'utf8')) as {
      collaborations: unknown[];
    };
    expect(backup.collaborations.length).toBe(2);

    const create = async (name: string) => {
      await page.getByRole('button', { name: 'New workspace' }).click();
      const form = page.getByRole('form', { name: 'New workspace' });
      await form.getByLabel('Name', { exact: true }).fill(name);
      await form.getByRole('button', { name: 'Create workspace' }).click();
      await form.waitFor({ state: 'detached' });
      await page.getByText('No collaborations in this workspace yet.').waitFor();
    };
    await create('Trial partnership');
    expect(await page.getByLabel('Workspace', { exact: true }).inputValue()).toBe(
      'trial-partnership',
    );
    await expectAccessible(page);

    // The backup of a workspace whose collaborations are on this server is refused, plainly.
    const file = page.getByLabel('Backup file (.json)');
    await file.setInputFiles(defaultBackup);
    await page.getByRole('button', { name: 'Import the backup' }).click();
    await page.getByText('The backup was not imported; nothing was changed.').waitFor();
    await expectAccessible(page);

    // The new workspace's own backup goes into another empty workspace, with its counts.
    const [trialDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download a backup' }).click(),
    ]);
    const trialBackup = await trialDownload.path();
    await create('Trial copy');
    await file.setInputFiles(trialBackup);
    await page.getByRole('button', { name: 'Import the backup' }).click();
    const result = page.getByRole('status').filter({ hasText: 'Imported.' });
    await result.waitFor();
    // The trial workspace held only the entry of its creation; its owner is already here.
    expect(await result.textContent()).toContain(
      '0 collaborations, 0 records, 0 survey links, 1 audit entry and 0 people added.',
    );

    await page.getByRole('button', { name: 'Archive the workspace' }).click();
    const dialog = page.getByRole('dialog', { name: 'Archive Trial copy?' });
    await dialog.getByRole('button', { name: 'Archive the workspace' }).click();
    await page.getByText('Trial copy is archived.').waitFor();
    expect(await page.getByRole('link', { name: 'New collaboration' }).count()).toBe(0);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Restore the workspace' }).click();
    await page.getByText('Trial copy is archived.').waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'New collaboration' }).waitFor();

    // The choice of workspace is remembered.
    await page.getByLabel('Workspace', { exact: true }).selectOption('default');
    await page.getByRole('heading', { level: 2, name: /Northbridge/ }).waitFor();
    await page.reload();
    await waitForInteractive(page);
    expect(await page.getByLabel('Workspace', { exact: true }).inputValue()).toBe('default');
    expectNoErrors(errors, [['409', '/import']]);
  });
  it('the owner resets the invitee’s access, then removes them from the workspace', async () => {
    const { base, owner, guest } = setup();
    const { page, errors } = owner;
    await page.goto(`${base}/workspaces/default/people`);
    await waitForInteractive(page);
    await page.getByRole('button', { name: `Reset access for ${invitee.name}` }).click();
    const reset = page.getByRole('dialog', { name: `Reset ${invitee.name}’s access?` });
    await reset.getByRole('button', { name: 'Reset access' }).click();
    const panel = page.getByRole('region', { name: `New access link for ${invitee.name}` });
    await panel.waitFor();
    expect(await panel.getByLabel('One-time link').inputValue()).toMatch(
      new RegExp(`^${base}/reset/[A-Za-z0-9_-]{16,}$`),
    );
    // Every session of theirs has ended.
    await guest.page.goto(`${base}/`);
    await guest.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expectNoErrors(guest.errors);

    await page.getByRole('button', { name: `Remove ${invitee.name}` }).click();
    const remove = page.getByRole('dialog', {
      name: `Remove ${invitee.name} from Default workspace?`,
    });
    await remove.getByRole('button', { name: `Remove ${invitee.name}` }).click();
    await page.getByText(`${invitee.name} has been removed from Default workspace.`).waitFor();
    const people = page.getByRole('table', { name: /in Default workspace/ });
    await people
      .getByRole('row', { name: new RegExp(invitee.name) })
      .waitFor({ state: 'detached' });
    await expectAccessible(page);
    expectNoErrors(errors);
  });
});
