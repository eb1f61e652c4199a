import { readFile } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, signIn, unexpected, waitForInteractive } from './support/app.js';
import { launchBrowser, type BrowserSession } from './support/browser.js';
import { repoRoot, startServer, type RunningServer } from './support/server.js';

const screenshots = join(repoRoot, 'docs/screenshots');
const desktop = { viewport: { width: 1280, height: 900 } };
const XSS = '<img src=x onerror=alert(1)>';

/** The status words the app shows, by status code. */
const STATUS_LABEL: Record<string, string> = {
  strength: 'Strength',
  ok: 'OK',
  watch: 'Watch',
  concern: 'Concern',
  insufficient: 'Insufficient evidence',
};

interface ElementJson {
  id: string;
  name: string;
  status: string;
  score: number | null;
  confidence: { level: string; reasons: string[] };
  indicators: { id: string; name: string; status: string; threshold: { rule: string } | null }[];
  quotes: { text: string; speaker: string | null; sourceTitle: string }[];
  actions: { text: string }[];
}
interface DiagnosisJson {
  collaboration: { name: string };
  wave: { id: string; name: string; respondents: number } | null;
  elements: ElementJson[];
  actions: unknown[];
}

/** Scrolls the page so `selector` sits at the top: pictures of the content, not the menus. */
async function scrollToTop(page: Page, selector: string): Promise<void> {
  await page
    .locator(selector)
    .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 16));
}

describe('the diagnosis dashboard, element pages and report', () => {
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

  /** Signs in and opens a collaboration's dashboard by following its link on the list. */
  async function openDashboard(page: Page, name: RegExp): Promise<string> {
    const { server } = session();
    await page.goto(`${server.baseUrl}/`);
    await signIn(page);
    await waitForInteractive(page);
    const href = await page.getByRole('link', { name }).getAttribute('href');
    if (!href) throw new Error(`no link to ${String(name)}`);
    // A fresh load, so the interactive mark is the dashboard's own.
    await page.goto(`${server.baseUrl}${href}`);
    await waitForInteractive(page);
    return href;
  }

  /** The API's answer, as the signed-in page would get it. */
  async function api<T>(page: Page, path: string): Promise<T> {
    const response = await page.request.get(`${session().server.baseUrl}${path}`);
    expect(response.status(), path).toBe(200);
    return (await response.json()) as T;
  }

  it('draws Northbridge’s model as nested regions, one link per element, and the same as a table', async () => {
    const { browser } = session();
    const { page, errors, close } = await browser.newPage(desktop);
    try {
      const href = await openDashboard(page, /Northbridge/);
      const id = href.split('/')[2] ?? '';
      const summary = await api<DiagnosisJson>(page, `/api/collaborations/${id}/diagnosis/summary`);
      await page
        .getByRole('heading', { level: 1, name: 'Diagnosis: Team around J (Northbridge)' })
        .waitFor();
      expect(await page.title()).toBe('Diagnosis: Team around J (Northbridge) — Weframe');

      // Where the figures come from.
      const facts = page.locator('.diagnosis-facts');
      const wavePicker = page.getByLabel('Survey wave the figures come from');
      expect(summary.wave?.id).toBe('wave-1');
      expect(await wavePicker.inputValue()).toBe('wave-1');
      expect(await wavePicker.locator('option:checked').textContent()).toBe(
        'Spring survey (identified) — 7 responses',
      );
      const respondents = facts.locator('.diagnosis-facts__respondents');
      expect(await respondents.textContent()).toBe('(named answers, 7 respondents)');
      expect(await facts.textContent()).toContain('As of30 June 2026');

      // The contexts nest: policy ⊃ local ⊃ personal | process, team reasoning across both.
      const regions = await page.evaluate(() => {
        const box = (label: string) => {
          const text = [...document.querySelectorAll('svg.wf-model text')].find((t) =>
            (t.textContent ?? '').startsWith(label),
          );
          const rect = text?.previousElementSibling?.getBoundingClientRect();
          return rect ? { x: rect.x, y: rect.y, r: rect.right, b: rect.bottom } : null;
        };
        const link = (id: string) => {
          const rect = document
            .querySelector(`svg.wf-model [data-element="${id}"]`)
            ?.closest('a')
            ?.getBoundingClientRect();
          return rect ? { x: rect.x, y: rect.y, r: rect.right, b: rect.bottom } : null;
        };
        return {
          policy: box('Policy context'),
          local: box('Local context'),
          personal: box('Personal context'),
          process: box('Collaborative process'),
          band: box('Team reasoning: the individual part'),
          individualPart: link('personal.teamReasoning'),
          groupPart: link('process.teamReasoning.decisions'),
          policyElement: link('policy.regulation'),
          localElement: link('local.leadership'),
        };
      });
      type Box = { x: number; y: number; r: number; b: number } | null;
      const inside = (a: Box, b: Box) =>
        a !== null && b !== null && a.x >= b.x && a.y >= b.y && a.r <= b.r && a.b <= b.b;
      expect(inside(regions.local, regions.policy)).toBe(true);
      expect(inside(regions.personal, regions.local)).toBe(true);
      expect(inside(regions.process, regions.local)).toBe(true);
      expect(regions.personal!.r).toBeLessThan(regions.process!.x);
      expect(regions.band!.x).toBeLessThan(regions.personal!.r);
      expect(regions.band!.r).toBeGreaterThan(regions.process!.x);
      expect(inside(regions.individualPart, regions.personal)).toBe(true);
      expect(inside(regions.individualPart, regions.band)).toBe(true);
      expect(inside(regions.groupPart, regions.process)).toBe(true);
      expect(inside(regions.groupPart, regions.band)).toBe(true);
      expect(inside(regions.policyElement, regions.policy)).toBe(true);
      expect(inside(regions.policyElement, regions.local)).toBe(false);
      expect(inside(regions.localElement, regions.local)).toBe(true);
      expect(inside(regions.localElement, regions.personal)).toBe(false);

      // Every element is a link named by element, status, score and confidence, and shows its
      // status as a word beside the colour, matching what the server diagnosed.
      const links = page.locator('svg.wf-model a.wf-element-link');
      expect(await links.count()).toBe(20);
      const drawn = await links.evaluateAll((as) =>
        as.map((a) => ({
          label: a.getAttribute('aria-label') ?? '',
          id: a.querySelector('[data-element]')?.getAttribute('data-element') ?? '',
          status: a.querySelector('[data-element]')?.getAttribute('data-status') ?? '',
          words: [...a.querySelectorAll('text')].map((t) => t.textContent ?? ''),
        })),
      );
      for (const element of summary.elements) {
        const region = drawn.find((d) => d.id === element.id);
        expect(region, element.id).toBeDefined();
        const word = STATUS_LABEL[element.status]!.toLowerCase();
        const score = element.score === null ? 'no score' : `score ${element.score} of 100`;
        expect(region!.label).toBe(
          `${element.name}: ${word}; ${score}; confidence ${element.confidence.level}`,
        );
        expect(region!.status).toBe(element.status);
        expect(region!.words, element.id).toContain(
          element.status === 'insufficient' ? 'insufficient' : word,
        );
        expect(region!.words).toContain(element.confidence.level);
      }
      // The sample is built to show trouble: concerns among its elements.
      expect(summary.elements.filter((e) => e.status === 'concern').length).toBeGreaterThan(0);
      expect(await seriousViolations(page)).toEqual([]);
      await mkdir(screenshots, { recursive: true });
      await scrollToTop(page, '.page-title h1');
      await page.screenshot({ path: join(screenshots, 'dashboard.png') });

      // Suggested actions: the most pressing first, the rest on request.
      const actions = page.locator('.action-list > li');
      expect(await actions.count()).toBe(Math.min(10, summary.actions.length));
      expect(await actions.first().locator('.status-badge').textContent()).toBe('Concern');
      if (summary.actions.length > 10) {
        await page
          .getByRole('button', { name: `Show all ${summary.actions.length} actions` })
          .click();
        expect(await actions.count()).toBe(summary.actions.length);
      }

      // The table view: the same elements, status in words, with headers and a caption.
      await page.getByRole('button', { name: 'Table' }).click();
      expect(await page.getByRole('button', { name: 'Table' }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      const table = page.getByRole('table', { name: /The 20 elements of Rose’s model/ });
      await table.waitFor();
      expect(await table.getByRole('columnheader').allTextContents()).toEqual([
        'Element',
        'Context',
        'Status',
        'Score',
        'Confidence',
        'Main finding',
      ]);
      const rows = await table.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          id: tr.getAttribute('data-element') ?? '',
          name: tr.querySelector('th')?.textContent ?? '',
          status: tr.querySelector('[data-label="Status"]')?.textContent ?? '',
          score: tr.querySelector('[data-label="Score"]')?.textContent ?? '',
          confidence: tr.querySelector('[data-label="Confidence"]')?.textContent ?? '',
        })),
      );
      expect(rows.map((r) => r.id)).toEqual(summary.elements.map((e) => e.id));
      for (const element of summary.elements) {
        const row = rows.find((r) => r.id === element.id)!;
        expect(row.name).toBe(element.name);
        expect(row.status).toBe(STATUS_LABEL[element.status]);
        expect(row.score).toBe(element.score === null ? 'no score' : String(element.score));
        expect(row.confidence).toBe(element.confidence.level);
      }
      expect(await seriousViolations(page)).toEqual([]);

      // Another wave: its figures, named in the facts, and kept in the address.
      await wavePicker.selectOption('wave-0');
      await page.waitForURL(/wave=wave-0/);
      await facts.getByText('(anonymous answers, 6 respondents)').waitFor();
      expect(await wavePicker.inputValue()).toBe('wave-0');
      // Its element links carry the wave, so an element page shows the same figures.
      expect(page.url()).toMatch(/view=table/);
      expect(await table.getByRole('link').first().getAttribute('href')).toMatch(
        /\/elements\/policy\.structures\?wave=wave-0$/,
      );
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);

  it('opens an element from the keyboard with its indicators, evidence, quotes and literature', async () => {
    const { browser } = session();
    const { page, errors, close } = await browser.newPage(desktop);
    try {
      const href = await openDashboard(page, /Northbridge/);
      const id = href.split('/')[2] ?? '';
      const full = await api<DiagnosisJson>(page, `/api/collaborations/${id}/diagnosis`);
      const element = full.elements.find((e) => e.id === 'personal.teamReasoning')!;

      // Tab moves from one region to the next; Enter opens the focused one.
      await page
        .getByRole('link', { name: /^Roles and responsibilities within the process:/ })
        .focus();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(
        /^Team reasoning \(individual part\): concern; score \d+ of 100; confidence (high|medium|low)$/,
      );
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/elements\/personal\.teamReasoning$/);
      await page.getByRole('heading', { level: 2, name: 'Indicators' }).waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(element.name);

      const main = page.getByRole('main');
      // What the element is, from the model.
      expect(await main.textContent()).toContain('How far the person asks "what should we do?"');
      // Status in words, score, confidence and its reasons.
      const summary = page.locator('.element-summary');
      expect(await summary.locator('.status-badge').textContent()).toBe(
        STATUS_LABEL[element.status],
      );
      expect(await summary.textContent()).toContain(`${element.score} of 100`);
      expect(await summary.textContent()).toContain(element.confidence.level);
      for (const reason of element.confidence.reasons)
        expect(await main.getByText(reason, { exact: true }).count()).toBe(1);

      // Each indicator with its status, threshold and evidence.
      const cards = page.locator('article.indicator-card');
      expect(await cards.locator('h3').allTextContents()).toEqual(
        element.indicators.map((i) => i.name),
      );
      for (const indicator of element.indicators) {
        const card = cards.filter({ has: page.getByRole('heading', { name: indicator.name }) });
        expect(await card.locator('.status-badge').textContent()).toBe(
          STATUS_LABEL[indicator.status],
        );
        if (indicator.threshold)
          expect(await card.textContent()).toContain(indicator.threshold.rule);
      }
      const scale = cards.filter({
        has: page.getByRole('heading', { name: 'Team reasoning', exact: true }),
      });
      // The anonymised survey figure: respondents, agreement, the distribution — no one's answers.
      expect(await scale.getByRole('table', { name: /Survey figure/ }).textContent()).toContain(
        'Respondents7',
      );
      expect(await scale.getByRole('table', { name: /closest to each point/ }).count()).toBe(1);
      expect(await scale.textContent()).toContain(
        'Survey question TR1: “When I plan my work with this child or family',
      );
      const overview = cards.filter({ hasText: 'Overview of each other’s roles' });
      expect(await overview.textContent()).toContain('Role perception perc-adviser-sees-ep');

      // Coded quotes with source and the transcript's own speaker label.
      expect(element.quotes.length).toBeGreaterThan(0);
      for (const quote of element.quotes) {
        const figure = page.locator('figure.coded-quote', { hasText: quote.text });
        expect(await figure.locator('figcaption').textContent()).toBe(
          `${quote.speaker ?? 'Unnamed speaker'}, in “${quote.sourceTitle}”`,
        );
      }
      // Literature, and the suggested actions.
      const literature = page.locator('.literature-list');
      expect(await literature.textContent()).toContain(
        'Rose (2007). Multi-Agency Collaboration: A new theoretical model, BERA',
      );
      expect(await literature.textContent()).toContain('Gilbert (2005)');
      for (const action of element.actions)
        expect(await main.getByText(action.text, { exact: true }).count()).toBe(1);

      expect(await seriousViolations(page)).toEqual([]);
      await scrollToTop(page, '.element-back');
      await page.screenshot({ path: join(screenshots, 'element.png') });

      // Confidential evidence shows as a count only (the owner has no agency).
      await page.getByRole('link', { name: 'Back to the diagnosis' }).click();
      await page.getByRole('link', { name: /^Types of communication:/ }).click();
      await page.getByRole('heading', { level: 2, name: 'Indicators' }).waitFor();
      expect(
        await main
          .getByText('One confidential record of withheld information, not shown to you')
          .count(),
      ).toBe(1);
      expect(await main.textContent()).not.toContain('wh-connexions-home-situation');
      // Evidence about people names them (the owner may read the members).
      expect(await main.textContent()).toContain(
        'Pair: Educational Psychologist Ione Fairbrass and Head of Year Caspian Dorley',
      );
      expect(await seriousViolations(page)).toEqual([]);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  }, 120_000);

  it('shows the printable report and downloads the report and the CSV files', async () => {
    const { browser } = session();
    const { page, errors, close } = await browser.newPage({ ...desktop, acceptDownloads: true });
    try {
      await openDashboard(page, /Northbridge/);
      await page
        .getByRole('navigation', { name: 'Collaboration sections' })
        .getByRole('link', { name: 'Report' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Report' }).waitFor();
      const print = page.getByRole('button', { name: 'Print the report' });
      await page.waitForFunction(() =>
        [...document.querySelectorAll('button')].some(
          (b) => b.textContent === 'Print the report' && !b.disabled,
        ),
      );
      expect(await print.isEnabled()).toBe(true);

      // The server's report, in a frame where no script may run.
      const frame = page.locator('iframe.report-frame');
      expect(await frame.getAttribute('sandbox')).toBe('allow-same-origin allow-modals');
      const report = page.frameLocator('iframe.report-frame');
      expect(await report.getByRole('heading', { level: 1 }).textContent()).toContain(
        'Team around J (Northbridge)',
      );
      expect(await report.locator('svg.wf-model').count()).toBe(1);

      // The frame's document is audited on its own below: axe cannot run inside a frame
      // where scripts are off.
      const outer = await new AxeBuilder({ page }).exclude('iframe.report-frame').analyze();
      expect(
        outer.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
      ).toEqual([]);

      const fetchDownload = async (name: string | RegExp) => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name }).click(),
        ]);
        const path = await download.path();
        return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
      };
      const html = await fetchDownload('Download the report (HTML)');
      expect(html.name).toMatch(/\.html$/);
      expect(html.text).toMatch(/^<!DOCTYPE html>/);
      expect(html.text).toContain('Team around J (Northbridge)');

      const indicators = await fetchDownload('Indicators (CSV)');
      expect(indicators.name).toMatch(/indicators\.csv$/);
      expect(indicators.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^element,/);
      expect(indicators.text).toContain('personal.teamReasoning');
      const professional = await fetchDownload('Contacts between professionals (CSV)');
      expect(professional.name).toMatch(/edges-professional\.csv$/);
      const agency = await fetchDownload('Contacts between agencies (CSV)');
      expect(agency.name).toMatch(/edges-agency\.csv$/);
      expect(agency.text).not.toBe(professional.text);
      const answers = await fetchDownload('Answers to Spring survey (identified) (CSV)');
      expect(answers.name).toMatch(/responses\.csv$/);
      expect(answers.text.split('\r\n').filter((l) => l.trim() !== '').length).toBeGreaterThan(1);

      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('serves a standalone report that passes the accessibility check on its own', async () => {
    const { server, browser } = session();
    // The report forbids all scripts (its Content-Security-Policy); axe is let in by the test.
    // Auditing its few thousand nodes takes axe a minute or more on a busy machine.
    const { page, errors, close } = await browser.newPage({ ...desktop, bypassCSP: true });
    try {
      const href = await openDashboard(page, /Northbridge/);
      const id = href.split('/')[2] ?? '';
      await page.goto(`${server.baseUrl}/api/collaborations/${id}/report`);
      await page
        .getByRole('heading', { level: 1, name: /Team around J \(Northbridge\)/ })
        .waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  }, 240_000);

  it('shows names and goals as text, never as markup, and fits a 360 px screen', async () => {
    const { server, browser } = session();
    const { page, errors, close } = await browser.newPage({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await page.goto(`${server.baseUrl}/`);
      await signIn(page);
      await waitForInteractive(page);

      // The Northbridge sample again, with a collaboration name, a member's name and a goal
      // that would run script if any of them were inserted as markup.
      const doc = JSON.parse(
        await readFile(join(repoRoot, 'examples/loose-network.json'), 'utf8'),
      ) as {
        collaboration: { id: string; name: string };
        members: { id: string; displayName: string }[];
        goals: { id: string; statement: string }[];
      };
      doc.collaboration.id = 'tac-markup-test';
      doc.collaboration.name = `Team ${XSS}`;
      doc.members.find((m) => m.id === 'm-head-of-year')!.displayName = `Head of Year ${XSS}`;
      doc.goals.find((g) => g.id === 'goal-joint-support-j')!.statement = XSS;
      const me = (await (await page.request.get(`${server.baseUrl}/api/auth/me`)).json()) as {
        csrfToken: string;
      };
      const created = await page.request.post(`${server.baseUrl}/api/collaborations`, {
        data: doc,
        headers: { 'x-csrf-token': me.csrfToken },
      });
      expect(created.status()).toBe(201);
      const { id } = (await created.json()) as { id: string };

      await page.goto(`${server.baseUrl}/c/${id}`);
      await waitForInteractive(page);
      const title = page.getByRole('heading', { level: 1 });
      expect(await title.textContent()).toBe(`Diagnosis: Team ${XSS}`);
      expect(await page.locator('svg.wf-model title').first().textContent()).toBe(
        `Rose’s model for Team ${XSS}`,
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
      await page.getByRole('button', { name: 'Table' }).click();
      await page.getByRole('table').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );

      // The member's name appears in a finding on the element page, as text.
      await page.goto(`${server.baseUrl}/c/${id}/elements/personal.teamReasoning`);
      await page.getByRole('heading', { level: 2, name: 'Indicators' }).waitFor();
      expect(await page.getByRole('main').textContent()).toContain(`Head of Year ${XSS}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );

      await page.goto(`${server.baseUrl}/c/${id}/report`);
      await page.frameLocator('iframe.report-frame').getByRole('heading', { level: 1 }).waitFor();
      expect(
        await page
          .frameLocator('iframe.report-frame')
          .getByRole('heading', { level: 1 })
          .textContent(),
      ).toContain(`Team ${XSS}`);

      for (const target of [page, ...page.frames()])
        expect(await target.locator('img[src="x"]').count()).toBe(0);
      expect(dialogs).toEqual([]);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await close();
    }
  });
});
