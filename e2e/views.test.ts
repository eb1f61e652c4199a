import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, signIn, unexpected, waitForInteractive } from './support/app.js';
import { launchBrowser, type BrowserSession, type TrackedPage } from './support/browser.js';
import { repoRoot, startServer, type RunningServer } from './support/server.js';

const screenshot = join(repoRoot, 'docs/screenshots/network.png');

/** Northbridge's key people (articulation points), as examples/README.md plants them. */
const KEY_PEOPLE = [
  'Adviser Rowan Hale',
  'Educational Psychologist Ione Fairbrass',
  'Paediatrician Dr Sabine Quarrie',
];

// Each test loads a view whose diagnosis the server computes afresh: more time than the default.
describe('the views of each part of the model (Northbridge)', { timeout: 120_000 }, () => {
  let server: RunningServer | undefined;
  let browser: BrowserSession | undefined;
  let tracked: TrackedPage | undefined;
  /** `/c/<id>` of Northbridge. */
  let home = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    tracked = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const { page } = tracked;
    await page.goto(`${server.baseUrl}/`);
    await signIn(page);
    await waitForInteractive(page);
    const href = await page.getByRole('link', { name: /Northbridge/ }).getAttribute('href');
    if (!href) throw new Error('no link to Northbridge on the collaboration list');
    home = href;
  });

  afterAll(async () => {
    await tracked?.close();
    await browser?.close();
    await server?.stop();
  });

  function session(): { page: Page; errors: string[] } {
    if (!server || !tracked) throw new Error('setup failed');
    return tracked;
  }

  /** A fresh load of one view, so the interactive mark is its own. */
  async function open(view: string): Promise<Page> {
    const { page } = session();
    await page.goto(`${server?.baseUrl ?? ''}${home}/${view}`);
    await waitForInteractive(page, 60_000);
    return page;
  }

  /** The visible text of the cells of a table's body, row by row. */
  async function rows(table: Locator): Promise<string[][]> {
    return table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim()),
        ),
      );
  }

  /** The definition next to a term of a description list. */
  async function definition(scope: Locator, term: string): Promise<string> {
    const dt = scope.locator('dt', { hasText: term }).first();
    return ((await dt.locator('xpath=following-sibling::dd[1]').textContent()) ?? '').trim();
  }

  async function checkedPage(page: Page) {
    expect(await seriousViolations(page)).toEqual([]);
    expect(unexpected(session().errors)).toEqual([]);
  }

  it('shows both network levels apart, marks key people, and can be walked with the keyboard', async () => {
    const page = await open('networks');
    expect(await page.title()).toBe('Networks — Weframe');
    const tabs = page.getByRole('tablist', { name: 'Network level' }).getByRole('tab');
    expect(await tabs.allTextContents()).toEqual([
      'Between members (inter-professional)',
      'Between agencies (inter-agency)',
    ]);
    const panel = page.getByRole('tabpanel');
    expect(await panel.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Inter-professional network',
    ]);

    // Key people: named in the measures, marked in the table; nobody is isolated.
    const measures = page.locator('dl[aria-label^="Measures"]');
    const keys = await definition(measures, 'Key people');
    for (const name of KEY_PEOPLE) expect(keys).toContain(name);
    expect(await definition(measures, 'Isolates')).toBe('none');
    expect(await definition(measures, 'Density')).toContain('0.29');
    const nodeTable = page.getByRole('table', { name: /Members: ties, centrality and marks/ });
    const nodeRows = await rows(nodeTable);
    expect(nodeRows).toHaveLength(8);
    const marked = nodeRows.filter((r) => r.at(-1) === '◆ Key person').map((r) => r[0]);
    expect(marked.sort()).toEqual([...KEY_PEOPLE].sort());
    // Sorted by betweenness: the adviser, the hub, comes first.
    expect(nodeRows[0]?.[0]).toBe('Adviser Rowan Hale');
    const edgeTable = page.getByRole('table', { name: /Directed ties/ });
    expect(await edgeTable.locator('tbody tr').count()).toBe(16);

    // The picture is drawn, with a legend by agency, then by profession.
    const picture = page.getByRole('group', { name: /Inter-professional network: 8 members/ });
    await picture.and(page.locator('[data-state="ready"]')).waitFor();
    expect(await picture.locator('canvas').count()).toBeGreaterThan(0);
    const legend = page.getByRole('list', { name: /^Colours:/ });
    expect(await legend.textContent()).toContain('Northbridge High School (1)');
    await page.getByRole('radio', { name: 'Profession' }).check();
    expect(await legend.textContent()).toContain('Educational psychologist (1)');
    await page.getByRole('radio', { name: 'Agency' }).check();

    // The picture with its legend, for the documentation.
    await mkdir(join(repoRoot, 'docs/screenshots'), { recursive: true });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.locator('.network-figure').evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: screenshot });

    // Keyboard: the picture takes focus and the arrow keys walk the members in name order.
    const details = page.locator('.network-details');
    await picture.focus();
    await page.keyboard.press('ArrowRight');
    expect(await details.getByRole('heading', { level: 3 }).textContent()).toBe(
      'Adviser Rowan Hale',
    );
    expect(await definition(details, 'Marked as')).toBe('◆ Key person');
    await page.keyboard.press('ArrowRight');
    expect(await details.getByRole('heading', { level: 3 }).textContent()).toBe(
      'Advisory Teacher Linnea Strand',
    );
    expect(await page.locator('[aria-live="polite"]', { hasText: 'Linnea Strand' }).count()).toBe(
      1,
    );
    await page.keyboard.press('Escape');
    expect(await details.textContent()).toContain('Select a member');
    // From the table: a member's name is a button that shows them in the picture.
    const paed = nodeTable.getByRole('button', { name: /Paediatrician Dr Sabine Quarrie/ });
    await paed.focus();
    await page.keyboard.press('Enter');
    expect(await details.getByRole('heading', { level: 3 }).textContent()).toBe(
      'Paediatrician Dr Sabine Quarrie',
    );
    expect(await picture.evaluate((el) => el === document.activeElement)).toBe(true);
    await checkedPage(page);

    // The inter-agency level is its own view, reached with the arrow keys on the tabs.
    await tabs.first().focus();
    await page.keyboard.press('ArrowRight');
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await panel.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'Inter-agency network',
    ]);
    const agencyRows = await rows(page.getByRole('table', { name: /Agencies: ties/ }));
    expect(agencyRows).toHaveLength(8);
    expect(
      agencyRows
        .filter((r) => r.at(-1) === '◆ Key agency')
        .map((r) => r[0])
        .sort(),
    ).toEqual(
      [
        'Northbridge community child health service',
        'Northbridge Connexions service',
        'Northbridge multi-disciplinary support service',
      ].sort(),
    );
    expect(
      await page
        .getByRole('table', { name: /Directed ties/ })
        .getByRole('columnheader')
        .allTextContents(),
    ).toContain('Agency relations');
    await checkedPage(page);
  });

  it('shows the role matrix with the planted overlap, gap and misperceptions', async () => {
    const page = await open('roles');
    const findings = page.getByRole('region', { name: 'Overlaps and gaps' });
    const items = await findings.getByRole('listitem').allTextContents();
    expect(items.some((t) => t.startsWith('⚠ Overlap') && t.includes('Fine motor'))).toBe(true);
    expect(items.some((t) => t.startsWith('⚠ Gap') && t.includes('Somewhere stable to live'))).toBe(
      true,
    );

    const matrix = page.getByRole('table', { name: /Role matrix/ });
    expect(await matrix.locator('tbody tr').count()).toBe(8);
    // Column headings carry the area's name and its flags in words.
    const fineMotor = matrix.getByRole('columnheader', { name: /Fine motor.*overlap/ });
    expect(await fineMotor.count()).toBe(1);
    const ot = matrix.getByRole('row', { name: /Occupational Therapist Saffi Merrow/ });
    const column = await fineMotor.evaluate((th) => (th as HTMLTableCellElement).cellIndex);
    const cell = ot.locator('th, td').nth(column);
    expect(await cell.textContent()).toContain('claims it');

    const misperceptions = await rows(page.getByRole('table', { name: /barely match/ }));
    expect(misperceptions).toHaveLength(3);
    expect(new Set(misperceptions.map((r) => r[1]))).toEqual(
      new Set(['Educational Psychologist Ione Fairbrass']),
    );
    await checkedPage(page);
  });

  it('shows the two unresolved goal conflicts and the goals as a table', async () => {
    const page = await open('goals');
    const conflicts = page.getByRole('region', { name: 'Conflicts nobody has resolved' });
    const items = await conflicts.getByRole('listitem').allTextContents();
    expect(items).toHaveLength(2);
    expect(items.join(' ')).toContain('Apply the behaviour policy consistently');
    expect(items.join(' ')).toContain('Prepare J to live independently');
    for (const item of items) expect(item).toContain('Conflict not resolved');
    // The note written on the link is shown with it.
    expect(items.join(' ')).toContain('Weekly detentions for homework and uniform');

    const map = page.getByRole('list', { name: /Goals linked to “Support J to stay in education/ });
    const relations = await map.locator('.goal-link__relation').allTextContents();
    expect(relations.filter((r) => r.includes('Conflicts — not resolved'))).toHaveLength(2);
    expect(relations.filter((r) => r.includes('Supports'))).toHaveLength(6);

    const table = await rows(page.getByRole('table', { name: /Every goal/ }));
    expect(table).toHaveLength(9);
    expect(table.filter((r) => r[3]?.includes('Conflicts — not resolved'))).toHaveLength(2);
    await checkedPage(page);
  });

  it('shows membership, activities and decisions over time, and the same as a list', async () => {
    const page = await open('timeline');
    const picture = page.getByRole('img', { name: /Timeline of membership/ });
    expect(await picture.count()).toBe(1);
    // Two leavers: a cross on their bars, and named with their dates.
    expect(await picture.locator('.tl-member--left').count()).toBe(2);
    const facts = page.locator('dl[aria-label="Membership in numbers"]');
    const left = await definition(facts, 'Left');
    expect(left).toContain('Paediatrician Dr Emrys Tolland (31 Oct 2025)');
    expect(left).toContain('Social Worker Fenna Ashgrove (19 Dec 2025)');

    await page.getByLabel('Show', { exact: true }).selectOption('membership');
    const list = await rows(page.getByRole('table', { name: /Events in date order/ }));
    expect(list).toHaveLength(12);
    expect(list.filter((r) => r[1] === 'Left').map((r) => r[2])).toEqual([
      'Paediatrician Dr Emrys Tolland',
      'Social Worker Fenna Ashgrove',
    ]);
    await page.getByLabel('Show', { exact: true }).selectOption('decision');
    expect(await page.getByRole('table', { name: /Events in date order \(5\)/ }).count()).toBe(1);
    await checkedPage(page);
  });

  it('shows the Frost level of each pair, with the evidence on focus and by keyboard', async () => {
    const page = await open('frost');
    expect(await page.locator('.frost-summary p').first().textContent()).toContain(
      'Level of the group: 1 Cooperation',
    );
    const counts = await rows(page.getByRole('table', { name: 'Member pairs at each level' }));
    expect(counts.map((r) => r.at(-1))).toEqual(['20', '6', '2', '0']);

    const grid = page.getByRole('grid', { name: /Frost level of each member pair/ });
    expect(await grid.getByRole('row').count()).toBe(9);
    const evidence = page.locator('.frost-evidence h3');
    // One tab stop; focusing a cell selects its pair, the arrow keys move.
    const first = grid.locator('[tabindex="0"]');
    expect(await first.count()).toBe(1);
    await first.focus();
    const firstPair = (await evidence.textContent()) ?? '';
    expect(firstPair).toMatch(/ and .*: /);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await evidence.textContent()).not.toBe(firstPair);
    await page.keyboard.press('Enter');
    expect(await evidence.evaluate((el) => el === document.activeElement)).toBe(true);
    const conditions = page.getByRole('table', { name: /What the rules found/ });
    expect(await conditions.getByRole('rowheader').allTextContents()).toEqual([
      'Any contact',
      'Joint planning',
      'Joint doing',
      'Joint reviewing',
      'Recurring joint work',
      'A joint goal both recognise',
      'A resolved overlap, duplication or gap',
    ]);

    // The pairs with a goal conflict, as examples/README.md plants them, in the table view.
    await page.getByLabel('Pairs', { exact: true }).selectOption('flagged');
    const flagged = (
      await rows(page.getByRole('table', { name: /Member pairs and their levels/ }))
    ).map((r) => r[0] ?? '');
    for (const pair of [
      'Adviser Rowan Hale and Head of Year Caspian Dorley',
      'Head of Year Caspian Dorley and Educational Psychologist Ione Fairbrass',
      'Adviser Rowan Hale and Social Worker Idris Kettle',
    ])
      expect(flagged).toContain(pair);
    await page
      .getByRole('button', {
        name: 'Show the evidence for Adviser Rowan Hale and Head of Year Caspian Dorley',
      })
      .click();
    expect(await evidence.textContent()).toBe(
      'Adviser Rowan Hale and Head of Year Caspian Dorley: 1 Cooperation',
    );
    expect(await page.locator('.frost-evidence__flags').textContent()).toContain('Goal conflict');
    await checkedPage(page);

    await page.getByRole('tab', { name: 'Agency pairs' }).click();
    expect(
      await page
        .getByRole('grid', { name: /each agency pair/ })
        .getByRole('row')
        .count(),
    ).toBe(9);
    await checkedPage(page);
  });

  it('shows the policy context: clashes, professional rules and adaptations', async () => {
    const page = await open('policy');
    const clashes = page.locator('.policy-interaction--clash');
    expect(await clashes.count()).toBe(2);
    expect(await clashes.first().textContent()).toContain('⚠ Clash');
    const rules = await rows(page.getByRole('table', { name: /rules that limit joint work/ }));
    const blocking = rules.filter((r) => r.at(-1)?.startsWith('⚠ Yes'));
    expect(blocking.map((r) => r[0])).toEqual(['Connexions personal adviser']);
    const basis = await rows(page.getByRole('table', { name: /statutory basis/ }));
    expect(basis.filter((r) => r.at(-1) === '✗ No').map((r) => r[0])).toEqual([
      'Northbridge Connexions service',
    ]);
    expect(await rows(page.getByRole('table', { name: /Adaptations of policy/ }))).toHaveLength(2);
    await checkedPage(page);
  });

  it('compares two waves element by element, with the direction in words and marks', async () => {
    const page = await open('change');
    await page.getByRole('heading', { name: 'What changed' }).waitFor({ timeout: 60_000 });
    expect(await page.getByLabel('Earlier wave').inputValue()).toBe('wave-0');
    expect(await page.getByLabel('Later wave').inputValue()).toBe('wave-1');
    const elements = await rows(page.getByRole('table', { name: /Every element of the model/ }));
    expect(elements).toHaveLength(20);
    const directions = new Set([
      '▲ Better',
      '▼ Worse',
      '= Same',
      '+ New evidence',
      '− Lost evidence',
    ]);
    for (const row of elements) expect(directions.has(row.at(-1) ?? '')).toBe(true);
    expect(elements.some((r) => r.at(-1) !== '= Same')).toBe(true);

    // Comparing a wave with itself is refused next to the field, before asking the server.
    await page.getByLabel('Later wave').selectOption('wave-0');
    await page.getByRole('button', { name: 'Compare' }).click();
    expect(await page.getByText('Choose a different wave from the first.').count()).toBe(1);
    expect(await page.getByLabel('Later wave').getAttribute('aria-invalid')).toBe('true');
    await checkedPage(page);
  });

  it('marks a member with no contact as an isolate', async () => {
    const { page } = session();
    const base = server?.baseUrl ?? '';
    const me = await page.request.get(`${base}/api/auth/me`);
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const id = home.split('/').pop() ?? '';
    const created = await page.request.post(`${base}/api/collaborations/${id}/members`, {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        displayName: 'School Nurse Wren Oakley',
        professionId: 'prof-paediatrician',
        agencyId: 'ag-child-health',
        statusLevel: 3,
        multiAgencyTraining: false,
        priorMultiAgencyExperience: false,
        membershipMode: 'adHoc',
        dedicatedHoursPerWeek: 0,
        startDate: '2026-04-01',
      },
    });
    expect(created.status(), await created.text()).toBe(201);

    const views = await open('networks');
    const measures = views.locator('dl[aria-label^="Measures"]');
    expect(await definition(measures, 'Isolates')).toBe('School Nurse Wren Oakley');
    const row = (await rows(views.getByRole('table', { name: /Members: ties/ }))).find(
      (r) => r[0] === 'School Nurse Wren Oakley',
    );
    expect(row?.at(-1)).toBe('○ Isolate');
    await views.getByRole('button', { name: /School Nurse Wren Oakley/ }).click();
    expect(await definition(views.locator('.network-details'), 'Marked as')).toBe('○ Isolate');
    await checkedPage(views);
  });
});
