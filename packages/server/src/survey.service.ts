import { createHash, randomBytes } from 'node:crypto';
import {
  AGREE5,
  CONTACT_FREQUENCIES,
  DYADIC_QUESTIONS,
  GOAL_QUESTION,
  INSTRUMENT_VERSION,
  LEAD_QUESTION,
  NAME_GENERATOR,
  PRIVACY_NOTICE,
  ROLE_QUESTION,
  SCALE_ITEMS,
  responsesFromCsv,
  restore,
  surveyFigure,
  waveSchema,
  withThresholds,
  type Agency,
  type DocumentIssue,
  type Goal,
  type Member,
  type ResponsibilityArea,
  type ScaleId,
  type SurveyItem,
  type SurveyResponse,
  type Wave,
} from '@weframe/core';
import type { LinkCounts, Store, StoreScope, SurveyLink } from '@weframe/store';
import { ServiceError } from './errors.js';
import type { Draft, Submission } from './survey.schema.js';

/** The ports the survey service uses. */
export interface SurveyServiceDeps {
  readonly store: Pick<Store, 'surveys' | 'transaction'>;
  readonly now: () => Date;
  readonly newId: () => string;
  /** Makes a link token: 32 random bytes, base64url (default: node:crypto). */
  readonly newToken?: () => string;
}

/** Where a wave lives: needed to authorise before acting on it. */
export interface WaveLocation {
  readonly waveId: string;
  readonly collaborationId: string;
  readonly workspaceId: string;
}

/** A wave with its link and response counts. */
export interface WaveView {
  readonly collaborationId: string;
  readonly wave: Wave;
  readonly version: number;
  readonly counts: LinkCounts & { readonly responses: number };
}

/** A link just made or reissued, with its token (shown once; only its hash is kept). */
export interface IssuedLink {
  readonly link: SurveyLink;
  readonly token: string;
}

/** What a respondent sees: the wave, the notice, the questions offered to them, the draft. */
export interface RespondentSurvey {
  readonly wave: Wave;
  readonly open: boolean;
  readonly collaborationName: string;
  readonly respondent: Member | null;
  readonly offer: Offer;
  readonly draft: unknown;
}

/** The questions and choices offered to one respondent. */
export interface Offer {
  readonly items: readonly { id: string; wording: string }[];
  readonly goalChoices: readonly {
    choice: 'joint' | 'agency' | 'other';
    goalId: string | null;
    label: string;
  }[];
  readonly leadCandidates: readonly Member[];
  /** Identified waves only. */
  readonly colleagues: readonly { member: Member; agencyName: string | null }[] | null;
  readonly areas: readonly ResponsibilityArea[] | null;
}

/** The result of a submission, replayed as stored for a retry with the same key. */
export interface SubmissionResult {
  readonly status: number;
  readonly body: unknown;
}

/** What an import took and what it refused. */
export interface ImportReport {
  readonly imported: number;
  readonly rejected: { row: number; issues: DocumentIssue[] }[];
  readonly unmappedColumns: string[];
}

/** Per-scale team figures of a wave, withheld below the minimum group size. */
export interface WaveSummary {
  readonly respondents: number;
  readonly minimumRespondents: number;
  readonly suppressed: boolean;
  readonly scales: {
    scale: ScaleId;
    items: string[];
    respondents: number;
    suppressed: boolean;
    mean: number | null;
    rwgJ: number | null;
    distribution: number[] | null;
  }[];
}

const CONTEXT_COLLECTIONS = [
  'outcomeFrameworks',
  'agencies',
  'professions',
  'members',
  'goals',
  'responsibilityAreas',
  'surveyItems',
  'waves',
] as const;

const THRESHOLDS = withThresholds();
/** Fewest respondents behind any team figure (ANALYSIS.md; PRODUCT.md capability 3). */
export const MINIMUM_RESPONDENTS = THRESHOLDS['evidence.minimum'].respondents;

const LINK_NOT_FOUND =
  'This survey link does not work. It may have been replaced by a newer one: ask the person who sent it to you for a new link.';

/** Use cases of survey waves: open, invite, answer, close, import, report counts. */
export function surveyService(deps: SurveyServiceDeps) {
  const { store, now, newId } = deps;
  const newToken = deps.newToken ?? (() => randomBytes(32).toString('base64url'));
  const today = () => now().toISOString().slice(0, 10);

  async function viewOf(
    scope: Pick<StoreScope, 'surveys'>,
    collaborationId: string,
    record: { data: Record<string, unknown>; version: number },
  ): Promise<WaveView> {
    const wave = asWave(record.data);
    const [links, responses] = await Promise.all([
      scope.surveys.linkCounts(collaborationId, wave.id),
      scope.surveys.responseCount(collaborationId, wave.id),
    ]);
    return { collaborationId, wave, version: record.version, counts: { ...links, responses } };
  }

  async function lockedWave(scope: StoreScope, location: WaveLocation, lock: 'update' | 'share') {
    const record = await scope.surveys.wave(location.collaborationId, location.waveId, { lock });
    if (!record) throw new ServiceError('not_found', `no wave with id "${location.waveId}"`);
    return { record, wave: asWave(record.data) };
  }

  /** Loads what validating answers needs: the collaboration's small collections. */
  async function contextOf(scope: Pick<StoreScope, 'surveys'>, collaborationId: string) {
    const head = await scope.surveys.collaborationHead(collaborationId);
    if (!head) throw new ServiceError('not_found', `no collaboration with id "${collaborationId}"`);
    const rows = await scope.surveys.recordsOf(collaborationId, CONTEXT_COLLECTIONS);
    const of = <T>(collection: string) =>
      rows.filter((r) => r.collection === collection).map((r) => r.data as T);
    return {
      head,
      rows,
      agencies: of<Agency>('agencies'),
      members: of<Member>('members'),
      goals: of<Goal>('goals'),
      areas: of<ResponsibilityArea>('responsibilityAreas'),
      surveyItems: of<SurveyItem>('surveyItems'),
    };
  }
  type Context = Awaited<ReturnType<typeof contextOf>>;

  /** Refuses a link that is unknown, revoked, expired, used, or whose wave is not open. */
  function checkLink(link: SurveyLink | null, wave: Wave | null, at: Date): asserts link {
    if (!link || link.revokedAt || !wave) throw new ServiceError('not_found', LINK_NOT_FOUND);
    if (link.submittedAt)
      throw new ServiceError(
        'conflict',
        'Your answers have already been sent with this link. Thank you.',
      );
    if (wave.status === 'closed' || (link.expiresAt !== null && link.expiresAt <= at))
      throw new ServiceError('gone', 'This survey has closed, so the link no longer works.');
    if (wave.closesOn !== null && wave.closesOn < at.toISOString().slice(0, 10))
      throw new ServiceError('gone', 'This survey has closed, so the link no longer works.');
  }

  function isOpen(wave: Wave, at: Date) {
    return wave.status === 'open' && wave.opensOn <= at.toISOString().slice(0, 10);
  }

  /** The link's wave; null when the record is gone (the link then works no more). */
  async function waveOfLink(
    scope: Pick<StoreScope, 'surveys'>,
    link: SurveyLink | null,
    lock?: 'share',
  ) {
    if (!link) return null;
    const record = await scope.surveys.wave(
      link.collaborationId,
      link.waveId,
      lock ? { lock } : {},
    );
    return record ? asWave(record.data) : null;
  }

  function offerFor(ctx: Context, wave: Wave, respondent: Member | null): Offer {
    // Records confidential to an agency are offered only to that agency's members.
    const agencyId = respondent?.agencyId ?? null;
    const visible = (r: { confidentialTo?: string | undefined }) =>
      r.confidentialTo === undefined || r.confidentialTo === agencyId;
    const current = (m: Member) => m.endDate === null || m.endDate >= wave.opensOn;
    const members = ctx.members.filter((m) => visible(m) && current(m));
    const agencyName = new Map(ctx.agencies.map((a) => [a.id, a.name]));
    const goals = ctx.goals.filter(visible);
    const joint = goals
      .filter((g) => g.level === 'joint')
      .map((g) => ({ choice: 'joint' as const, goalId: g.id, label: g.statement }));
    const own =
      wave.mode === 'identified' && respondent
        ? goals
            .filter((g) => g.level === 'agency' && g.agencyId === respondent.agencyId)
            .map((g) => ({ choice: 'agency' as const, goalId: g.id, label: g.statement }))
        : [];
    const ownChoices =
      own.length > 0
        ? own
        : [{ choice: 'agency' as const, goalId: null, label: 'My own agency’s goal' }];
    const identified = wave.mode === 'identified';
    return {
      items: [
        ...SCALE_ITEMS.map((i) => ({ id: i.id, wording: i.wording })),
        ...ctx.surveyItems.filter(visible).map((i) => ({ id: i.id, wording: i.wording })),
      ],
      goalChoices: [
        ...joint,
        ...ownChoices,
        { choice: 'other' as const, goalId: null, label: 'Something else' },
      ],
      leadCandidates: members,
      colleagues: identified
        ? members
            .filter((m) => m.id !== respondent?.id)
            .map((m) => ({ member: m, agencyName: agencyName.get(m.agencyId) ?? null }))
        : null,
      areas: identified ? ctx.areas.filter(visible) : null,
    };
  }

  function respondentOf(ctx: Context, link: SurveyLink): Member | null {
    if (link.anonymous || link.memberId === null) return null;
    return ctx.members.find((m) => m.id === link.memberId) ?? null;
  }

  /** Issues where answers leave what the wave offers this respondent. */
  function offerIssues(
    offer: Offer,
    wave: Wave,
    respondent: Member | null,
    answers: Draft | Submission,
  ): DocumentIssue[] {
    const issues: DocumentIssue[] = [];
    const add = (code: DocumentIssue['code'], path: string, message: string) =>
      issues.push({ code, path, message });
    const items = new Set(offer.items.map((i) => i.id));
    for (const itemId of Object.keys(answers.answers ?? {}))
      if (!items.has(itemId))
        add(
          'unknown_reference',
          `answers.${itemId}`,
          `"${itemId}" is not a question of this survey`,
        );
    const goal = answers.goal;
    if (goal?.goalId !== undefined && goal.goalId !== null) {
      const offered = offer.goalChoices.some(
        (c) => c.goalId === goal.goalId && (goal.choice === undefined || c.choice === goal.choice),
      );
      if (!offered)
        add(
          'unknown_reference',
          'goal.goalId',
          wave.mode === 'anonymous'
            ? 'in an anonymous survey only a joint goal can be picked by name'
            : `"${goal.goalId}" is not one of the goals offered`,
        );
    }
    if (
      typeof answers.namedLeadId === 'string' &&
      !offer.leadCandidates.some((m) => m.id === answers.namedLeadId)
    )
      add('unknown_reference', 'namedLeadId', `"${answers.namedLeadId}" is not a member to pick`);
    const contacts = answers.contacts ?? [];
    const roleAreas = answers.ownRoleAreaIds ?? [];
    if (wave.mode === 'anonymous') {
      if (contacts.length > 0)
        add(
          'inconsistent',
          'contacts',
          'an anonymous survey asks no questions about named colleagues',
        );
      if (roleAreas.length > 0 || answers.ownRoleText !== undefined)
        add('inconsistent', 'ownRoleAreaIds', 'an anonymous survey asks no role question');
      return issues;
    }
    const colleagues = new Set((offer.colleagues ?? []).map((c) => c.member.id));
    const areas = new Set((offer.areas ?? []).map((a) => a.id));
    const named = new Set<string>();
    contacts.forEach((k, i) => {
      if (k.memberId === respondent?.id)
        add('inconsistent', `contacts[${i}].memberId`, 'names yourself');
      else if (!colleagues.has(k.memberId))
        add(
          'unknown_reference',
          `contacts[${i}].memberId`,
          `"${k.memberId}" is not a colleague to pick`,
        );
      if (named.has(k.memberId))
        add('duplicate_id', `contacts[${i}].memberId`, `"${k.memberId}" is named twice`);
      named.add(k.memberId);
      (k.roleAreaIds ?? []).forEach((a, j) => {
        if (!areas.has(a))
          add(
            'unknown_reference',
            `contacts[${i}].roleAreaIds[${j}]`,
            `"${a}" is not an area to pick`,
          );
      });
    });
    roleAreas.forEach((a, j) => {
      if (!areas.has(a))
        add('unknown_reference', `ownRoleAreaIds[${j}]`, `"${a}" is not an area to pick`);
    });
    return issues;
  }

  /**
   * Checks new responses as the document would hold them: restore over the collections a
   * response can refer to (the rest of the document cannot change its verdict), returning
   * the issues of each response by its index.
   */
  function responseIssues(ctx: Context, responses: readonly Record<string, unknown>[]) {
    const doc: Record<string, unknown> = {
      schemaVersion: 1,
      collaboration: ctx.head.header,
      responses,
    };
    for (const name of CONTEXT_COLLECTIONS)
      doc[name] = ctx.rows.filter((r) => r.collection === name).map((r) => r.data);
    const result = restore(doc);
    const byIndex = new Map<number, DocumentIssue[]>();
    if (result.ok) return byIndex;
    for (const issue of result.issues) {
      const m = /^responses\[(\d+)\]\.?(.*)$/.exec(issue.path);
      // Problems elsewhere in the stored record are not the respondent's to fix.
      if (!m) continue;
      const index = Number(m[1]);
      const list = byIndex.get(index) ?? [];
      list.push({ ...issue, path: m[2] === '' ? '(response)' : (m[2] ?? '') });
      byIndex.set(index, list);
    }
    return byIndex;
  }

  const service = {
    /**
     * Where a wave lives among the given workspaces (the caller's: waves elsewhere do not
     * exist for them); `conflict` when imported collaborations there share the wave's id.
     */
    async locateWave(waveId: string, workspaceIds: readonly string[]): Promise<WaveLocation> {
      const found = (await store.surveys.wavesById(waveId)).filter((w) =>
        workspaceIds.includes(w.workspaceId),
      );
      const [first] = found;
      if (!first) throw new ServiceError('not_found', `no wave with id "${waveId}"`);
      if (found.length > 1)
        throw new ServiceError(
          'conflict',
          `${found.length} collaborations have a wave with id "${waveId}"; waves opened through the API have unique ids`,
        );
      return { waveId, collaborationId: first.collaborationId, workspaceId: first.workspaceId };
    },

    /** Opens a wave: a `waves` record, open from `opensOn` (default today). */
    async openWave(
      actor: string,
      collaborationId: string,
      input: {
        name: string;
        mode: Wave['mode'];
        opensOn?: string | undefined;
        closesOn?: string | null | undefined;
      },
    ): Promise<WaveView> {
      assertStorable(input, 'wave');
      const opensOn = input.opensOn ?? today();
      const closesOn = input.closesOn ?? null;
      const issues: DocumentIssue[] = [];
      if (closesOn !== null && closesOn < opensOn)
        issues.push({
          code: 'impossible_date',
          path: 'closesOn',
          message: 'closes before it opens',
        });
      if (closesOn !== null && closesOn < today())
        issues.push({ code: 'impossible_date', path: 'closesOn', message: 'is already past' });
      if (issues.length > 0) throw new ServiceError('bad_request', 'the wave has problems', issues);
      const wave = waveSchema.parse({
        id: newId(),
        author: actor,
        name: input.name,
        mode: input.mode,
        opensOn,
        closesOn,
        status: 'open',
        instrumentVersion: INSTRUMENT_VERSION,
      });
      return store.transaction(async (tx) => {
        const head = await tx.surveys.collaborationHead(collaborationId);
        if (!head)
          throw new ServiceError('not_found', `no collaboration with id "${collaborationId}"`);
        if (head.archivedAt) throw new ServiceError('conflict', 'the collaboration is archived');
        await tx.surveys.insertRecord(collaborationId, 'waves', wave);
        await tx.surveys.audit({
          workspaceId: head.workspaceId,
          actor,
          action: 'wave.open',
          targetKind: 'wave',
          targetId: wave.id,
          after: wave,
        });
        return viewOf(tx, collaborationId, { data: wave, version: 1 });
      });
    },

    /** The collaboration's waves with their counts, in order of opening. */
    async listWaves(collaborationId: string): Promise<WaveView[]> {
      const rows = await store.surveys.recordsOf(collaborationId, ['waves']);
      const views = await Promise.all(rows.map((r) => viewOf(store, collaborationId, r)));
      return views.sort((a, b) => a.wave.opensOn.localeCompare(b.wave.opensOn));
    },

    /** One wave with its counts. */
    async getWave(location: WaveLocation): Promise<WaveView> {
      const record = await store.surveys.wave(location.collaborationId, location.waveId);
      if (!record) throw new ServiceError('not_found', `no wave with id "${location.waveId}"`);
      return viewOf(store, location.collaborationId, record);
    },

    /** Closes a wave: no more drafts or answers; unused links end now. Closing twice is harmless. */
    async closeWave(actor: string, location: WaveLocation): Promise<WaveView> {
      return store.transaction(async (tx) => {
        const { record, wave } = await lockedWave(tx, location, 'update');
        if (wave.status === 'closed') return viewOf(tx, location.collaborationId, record);
        const day = today();
        const closesOn =
          day >= wave.opensOn && (wave.closesOn === null || wave.closesOn > day)
            ? day
            : wave.closesOn;
        const closed = { ...record.data, status: 'closed', closesOn, version: record.version + 1 };
        const replaced = await tx.surveys.replaceRecord(
          location.collaborationId,
          'waves',
          wave.id,
          closed,
          record.version,
        );
        if (!replaced) throw new ServiceError('conflict', 'the wave changed meanwhile; try again');
        await tx.surveys.expireLinks(location.collaborationId, wave.id, now());
        await tx.surveys.audit({
          workspaceId: location.workspaceId,
          actor,
          action: 'wave.close',
          targetKind: 'wave',
          targetId: wave.id,
          before: record.data,
          after: closed,
        });
        return viewOf(tx, location.collaborationId, { data: closed, version: record.version + 1 });
      });
    },

    /**
     * Makes one single-use link per roster entry: members in identified waves, labels (or
     * a count) in anonymous ones. Links expire with the wave.
     */
    async invite(
      actor: string,
      location: WaveLocation,
      input: {
        roster?: ({ memberId: string } | { label: string })[] | undefined;
        count?: number | undefined;
      },
    ): Promise<IssuedLink[]> {
      assertStorable(input, 'roster');
      return store.transaction(async (tx) => {
        const { wave } = await lockedWave(tx, location, 'share');
        if (wave.status === 'closed' || (wave.closesOn !== null && wave.closesOn < today()))
          throw new ServiceError('conflict', 'the wave is closed');
        const roster = input.roster ?? [];
        const issues: DocumentIssue[] = [];
        if (roster.length > 0 === (input.count !== undefined))
          issues.push({
            code: 'invalid_value',
            path: '(body)',
            message: 'give either a roster or a count',
          });
        const entries: { memberId: string | null; label: string }[] = [];
        if (wave.mode === 'anonymous') {
          roster.forEach((entry, i) => {
            if ('memberId' in entry)
              issues.push({
                code: 'inconsistent',
                path: `roster[${i}].memberId`,
                message: 'an anonymous wave takes labels, not members',
              });
            else entries.push({ memberId: null, label: entry.label });
          });
          for (let i = 0; i < (input.count ?? 0); i++)
            entries.push({ memberId: null, label: `Link ${i + 1}` });
        } else {
          if (input.count !== undefined)
            issues.push({
              code: 'inconsistent',
              path: 'count',
              message: 'an identified wave needs a roster of members',
            });
          const ctx = await contextOf(tx, location.collaborationId);
          const members = new Map(ctx.members.map((m) => [m.id, m]));
          const links = await tx.surveys.linksOf(location.collaborationId, wave.id);
          const live = new Set(links.filter((l) => !l.revokedAt).map((l) => l.memberId));
          const seen = new Set<string>();
          roster.forEach((entry, i) => {
            if (!('memberId' in entry)) {
              issues.push({
                code: 'inconsistent',
                path: `roster[${i}].label`,
                message: 'an identified wave invites members: give a memberId',
              });
              return;
            }
            const member = members.get(entry.memberId);
            const path = `roster[${i}].memberId`;
            if (!member)
              issues.push({
                code: 'unknown_reference',
                path,
                message: `"${entry.memberId}" is not a member of this collaboration`,
              });
            else if (seen.has(member.id))
              issues.push({
                code: 'duplicate_id',
                path,
                message: `"${member.id}" is on the roster twice`,
              });
            else if (live.has(member.id))
              issues.push({
                code: 'duplicate_id',
                path,
                message: `"${member.id}" already has a link: reissue it instead`,
              });
            else entries.push({ memberId: member.id, label: member.displayName });
            seen.add(entry.memberId);
          });
        }
        if (issues.length > 0)
          throw new ServiceError('bad_request', 'the roster has problems', issues);
        const expiresAt = wave.closesOn === null ? null : dayAfter(wave.closesOn);
        const issued = entries.map((e) => ({ token: newToken(), id: newId(), ...e }));
        const rows = await tx.surveys.insertLinks(
          issued.map((e) => ({
            tokenHash: tokenHash(e.token),
            id: e.id,
            collaborationId: location.collaborationId,
            waveId: wave.id,
            memberId: e.memberId,
            label: e.label,
            anonymous: wave.mode === 'anonymous',
            expiresAt,
          })),
        );
        await tx.surveys.audit({
          workspaceId: location.workspaceId,
          actor,
          action: 'wave.invite',
          targetKind: 'wave',
          targetId: wave.id,
          after: { links: rows.map((r) => ({ id: r.id, memberId: r.memberId, label: r.label })) },
        });
        const tokenOf = new Map(issued.map((e) => [e.id, e.token]));
        return rows.map((link) => ({ link, token: tokenOf.get(link.id) ?? '' }));
      });
    },

    /** Revokes an unused link: its token then answers 404. */
    async revokeLink(actor: string, location: WaveLocation, linkId: string): Promise<SurveyLink> {
      return store.transaction(async (tx) => {
        const link = await tx.surveys.linkById(location.collaborationId, location.waveId, linkId);
        if (!link) throw new ServiceError('not_found', `no link "${linkId}" in this wave`);
        if (link.submittedAt)
          throw new ServiceError('conflict', 'the link has been used; it cannot be revoked');
        if (link.revokedAt) return link;
        const revoked = await tx.surveys.revokeLink(link.id, now());
        if (!revoked)
          throw new ServiceError('conflict', 'the link has been used; it cannot be revoked');
        await tx.surveys.audit({
          workspaceId: location.workspaceId,
          actor,
          action: 'link.revoke',
          targetKind: 'surveyLink',
          targetId: link.id,
        });
        return revoked;
      });
    },

    /** Gives an unused link a new token; the old one stops working, the draft stays. */
    async reissueLink(actor: string, location: WaveLocation, linkId: string): Promise<IssuedLink> {
      return store.transaction(async (tx) => {
        const { wave } = await lockedWave(tx, location, 'share');
        if (wave.status === 'closed') throw new ServiceError('conflict', 'the wave is closed');
        const link = await tx.surveys.linkById(location.collaborationId, location.waveId, linkId);
        if (!link) throw new ServiceError('not_found', `no link "${linkId}" in this wave`);
        const token = newToken();
        const reissued = link.submittedAt
          ? null
          : await tx.surveys.reissueLink(link.id, tokenHash(token));
        if (!reissued)
          throw new ServiceError('conflict', 'the link has been used; it cannot be reissued');
        await tx.surveys.audit({
          workspaceId: location.workspaceId,
          actor,
          action: 'link.reissue',
          targetKind: 'surveyLink',
          targetId: link.id,
        });
        return { link: reissued, token };
      });
    },

    /**
     * Who has not answered: names in identified waves; counts only in anonymous ones. Never
     * what anyone answered.
     */
    async waveStatus(location: WaveLocation) {
      const view = await service.getWave(location);
      if (view.wave.mode === 'anonymous') return { view, notAnswered: null };
      const [links, answered, ctx] = await Promise.all([
        store.surveys.linksOf(location.collaborationId, location.waveId),
        store.surveys.respondentsOf(location.collaborationId, location.waveId),
        contextOf(store, location.collaborationId),
      ]);
      const names = new Map(ctx.members.map((m) => [m.id, m.displayName]));
      const notAnswered = links
        .filter(
          (l) => !l.revokedAt && !l.submittedAt && l.memberId !== null && !answered.has(l.memberId),
        )
        .map((l) => ({
          linkId: l.id,
          memberId: l.memberId ?? '',
          displayName: names.get(l.memberId ?? '') ?? l.label,
          started: l.draft !== null,
        }));
      return { view, notAnswered };
    },

    /** Team figures per built-in scale; every figure withheld below the minimum group. */
    async waveSummary(location: WaveLocation): Promise<WaveSummary> {
      const rows = await store.surveys.responsesOf(location.collaborationId, location.waveId);
      const responses = rows.map((r) => r.data as unknown as SurveyResponse);
      const base = { respondents: responses.length, minimumRespondents: MINIMUM_RESPONDENTS };
      if (responses.length < MINIMUM_RESPONDENTS) return { ...base, suppressed: true, scales: [] };
      const scales = [...new Set(SCALE_ITEMS.map((i) => i.scale))];
      return {
        ...base,
        suppressed: false,
        scales: scales.map((scale) => {
          const items = SCALE_ITEMS.filter((i) => i.scale === scale);
          const figure = surveyFigure(scale, responses, items, THRESHOLDS);
          // Fewer than the minimum answered this scale: no figure, not even its spread.
          const suppressed = figure.respondents < MINIMUM_RESPONDENTS;
          return {
            scale,
            items: items.map((i) => i.id),
            respondents: figure.respondents,
            suppressed,
            mean: suppressed ? null : figure.mean,
            rwgJ: suppressed ? null : figure.rwgJ,
            distribution:
              suppressed || figure.distribution === null ? null : [...figure.distribution],
          };
        }),
      };
    },

    /** What the holder of a token sees before answering. */
    async respondentSurvey(token: string): Promise<RespondentSurvey> {
      const link = await store.surveys.linkByTokenHash(tokenHash(token));
      const wave = await waveOfLink(store, link);
      const at = now();
      checkLink(link, wave, at);
      if (!wave) throw new ServiceError('not_found', LINK_NOT_FOUND);
      const ctx = await contextOf(store, link.collaborationId);
      const respondent = respondentOf(ctx, link);
      return {
        wave,
        open: isOpen(wave, at),
        collaborationName: ctx.head.name,
        respondent,
        offer: offerFor(ctx, wave, respondent),
        draft: link.draft ?? null,
      };
    },

    /** Keeps the answers so far on the link, checked loosely. */
    async saveDraft(token: string, draft: Draft): Promise<void> {
      assertStorable(draft, 'draft');
      const hash = tokenHash(token);
      const link = await store.surveys.linkByTokenHash(hash);
      const wave = await waveOfLink(store, link);
      const at = now();
      checkLink(link, wave, at);
      if (!wave) throw new ServiceError('not_found', LINK_NOT_FOUND);
      if (!isOpen(wave, at))
        throw new ServiceError('conflict', `the survey opens on ${wave.opensOn}`);
      const ctx = await contextOf(store, link.collaborationId);
      const respondent = respondentOf(ctx, link);
      const issues = offerIssues(offerFor(ctx, wave, respondent), wave, respondent, draft);
      if (issues.length > 0)
        throw new ServiceError('bad_request', 'the draft has problems', issues);
      if (!(await store.surveys.saveDraft(hash, draft)))
        throw new ServiceError(
          'conflict',
          'Your answers have already been sent with this link. Thank you.',
        );
    },

    /**
     * Stores the final answers in one transaction: the response record, the link marked used,
     * the result kept under the Idempotency-Key, an audit entry. A retry with the same key
     * returns the first result; another submission on a used link is a conflict. In anonymous
     * waves nothing ties the response to the link: no response id on the link, no link or
     * token in the record, the day only as time, a random place in the collection.
     */
    async submitResponse(idempotencyKey: string, input: Submission): Promise<SubmissionResult> {
      const hash = tokenHash(input.token);
      const scope = `response:${hash}`;
      const prior = await store.surveys.idempotentResult(scope, idempotencyKey);
      if (prior) return prior;
      return store.transaction(async (tx) => {
        // The lock makes a racing submission on this token wait, then see it used.
        const link = await tx.surveys.linkByTokenHash(hash, { forUpdate: true });
        if (link?.submittedAt) {
          const replay = await tx.surveys.idempotentResult(scope, idempotencyKey);
          if (replay) return replay;
        }
        const wave = await waveOfLink(tx, link, 'share');
        const at = now();
        checkLink(link, wave, at);
        if (!wave) throw new ServiceError('not_found', LINK_NOT_FOUND);
        if (!isOpen(wave, at))
          throw new ServiceError('conflict', `the survey opens on ${wave.opensOn}`);
        const ctx = await contextOf(tx, link.collaborationId);
        const respondent = respondentOf(ctx, link);
        const anonymous = wave.mode === 'anonymous';
        if (!anonymous && !respondent)
          throw new ServiceError(
            'conflict',
            'the member this link was made for is no longer in the collaboration',
          );
        const issues = offerIssues(offerFor(ctx, wave, respondent), wave, respondent, input);
        const submittedAt = anonymous
          ? `${at.toISOString().slice(0, 10)}T00:00:00Z`
          : at.toISOString();
        const record: Record<string, unknown> & { id: string } = {
          id: newId(),
          author: 'respondent',
          version: 1,
          waveId: wave.id,
          respondentMemberId: anonymous ? null : (respondent?.id ?? null),
          submittedAt,
          answers: input.answers,
          ...(input.goal ? { goal: { ...input.goal, text: input.goal.text ?? '' } } : {}),
          ...(input.namedLeadId === undefined ? {} : { namedLeadId: input.namedLeadId }),
          ownRoleAreaIds: input.ownRoleAreaIds ?? [],
          ...(input.ownRoleText === undefined ? {} : { ownRoleText: input.ownRoleText }),
          contacts: (input.contacts ?? []).map((k) => ({
            memberId: k.memberId,
            frequency: k.frequency,
            workingLevel: k.workingLevel,
            roleUnderstanding: k.roleUnderstanding,
            trust: k.trust,
            roleAreaIds: k.roleAreaIds,
          })),
        };
        if (issues.length === 0) issues.push(...(responseIssues(ctx, [record]).get(0) ?? []));
        if (issues.length > 0)
          throw new ServiceError(
            'bad_request',
            `the answers have ${issues.length} problem${issues.length === 1 ? '' : 's'}`,
            issues,
          );

        await tx.surveys.insertRecord(
          link.collaborationId,
          'responses',
          record,
          anonymous ? { position: randomPosition() } : {},
        );
        const marked = await tx.surveys.markSubmitted(
          hash,
          anonymous ? new Date(submittedAt) : at,
          anonymous ? null : record.id,
        );
        if (!marked)
          throw new ServiceError(
            'conflict',
            'Your answers have already been sent with this link. Thank you.',
          );
        const body = {
          status: 'submitted',
          waveId: wave.id,
          responseId: anonymous ? null : record.id,
          submittedAt,
        };
        await tx.surveys.saveIdempotentResult(scope, idempotencyKey, 201, body);
        const head = ctx.head;
        await tx.surveys.audit(
          anonymous
            ? {
                // The wave, not the response: an entry naming the response would tie it to this moment.
                workspaceId: head.workspaceId,
                actor: 'respondent',
                action: 'response.submit',
                targetKind: 'wave',
                targetId: wave.id,
                after: { mode: 'anonymous' },
              }
            : {
                workspaceId: head.workspaceId,
                actor: `member:${record.respondentMemberId as string}`,
                action: 'response.submit',
                targetKind: 'response',
                targetId: record.id,
                after: {
                  waveId: wave.id,
                  respondentMemberId: record.respondentMemberId,
                  answered: Object.keys(input.answers).length,
                },
              },
        );
        return { status: 201, body };
      });
    },

    /**
     * Imports responses gathered in another tool from CSV with a column mapping: every valid
     * row in one transaction, every other row reported with its problems.
     */
    async importResponses(
      actor: string,
      location: WaveLocation,
      csv: string,
      mapping: unknown,
    ): Promise<ImportReport> {
      return store.transaction(async (tx) => {
        const { wave } = await lockedWave(tx, location, 'share');
        if (wave.status === 'closed') throw new ServiceError('conflict', 'the wave is closed');
        const ctx = await contextOf(tx, location.collaborationId);
        const parsed = responsesFromCsv(csv, mapping, {
          itemIds: new Set([...SCALE_ITEMS.map((i) => i.id), ...ctx.surveyItems.map((i) => i.id)]),
          mode: wave.mode,
          members: ctx.members,
        });
        if (!parsed.ok)
          throw new ServiceError(
            'bad_request',
            'the file or its mapping cannot be used',
            parsed.issues,
          );
        const rejected = [...parsed.rejected];
        const answered = await tx.surveys.respondentsOf(location.collaborationId, wave.id);
        const firstRow = new Map<string, number>();
        const candidates: { row: number; record: Record<string, unknown> & { id: string } }[] = [];
        const stamp = now().toISOString();
        for (const row of parsed.rows) {
          const memberId = row.respondentMemberId ?? null;
          if (memberId !== null) {
            const earlier = firstRow.get(memberId);
            if (answered.has(memberId) || earlier !== undefined) {
              rejected.push({
                row: row.row,
                issues: [
                  {
                    code: 'duplicate_id',
                    path: 'respondentMemberId',
                    message:
                      earlier !== undefined
                        ? `this member already answered in row ${earlier}`
                        : 'this member already has a response in this wave',
                  },
                ],
              });
              continue;
            }
            firstRow.set(memberId, row.row);
          }
          candidates.push({
            row: row.row,
            record: {
              id: newId(),
              author: actor,
              version: 1,
              waveId: wave.id,
              respondentMemberId: memberId,
              submittedAt: row.submittedAt ?? stamp,
              answers: row.answers,
              ...(row.goal ? { goal: row.goal } : {}),
              ownRoleAreaIds: [],
              contacts: [],
            },
          });
        }
        const issuesOf = responseIssues(
          ctx,
          candidates.map((c) => c.record),
        );
        const taken = candidates.filter((c, i) => {
          const issues = issuesOf.get(i);
          if (issues) rejected.push({ row: c.row, issues });
          return !issues;
        });
        await tx.surveys.insertRecords(
          location.collaborationId,
          'responses',
          taken.map((c) => c.record),
        );
        rejected.sort((a, b) => a.row - b.row);
        await tx.surveys.audit({
          workspaceId: location.workspaceId,
          actor,
          action: 'responses.import',
          targetKind: 'wave',
          targetId: wave.id,
          after: { imported: taken.length, rejected: rejected.length },
        });
        return { imported: taken.length, rejected, unmappedColumns: parsed.unmappedColumns };
      });
    },
  };
  return service;
}

export type SurveyService = ReturnType<typeof surveyService>;

/** The SHA-256 of a link token, hex: the only form in which tokens are stored. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

// PostgreSQL text and jsonb cannot hold NUL; jsonb refuses unpaired UTF-16 surrogates.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

/** Refuses input holding text the database cannot store, naming every place. */
function assertStorable(value: unknown, what: string): void {
  const issues: DocumentIssue[] = [];
  const visit = (v: unknown, path: string) => {
    if (typeof v === 'string') {
      if (unstorable(v))
        issues.push({
          code: 'invalid_value',
          path,
          message: 'contains a NUL character or a broken character, which cannot be stored',
        });
    } else if (Array.isArray(v)) v.forEach((item, i) => visit(item, `${path}[${i}]`));
    else if (typeof v === 'object' && v !== null)
      for (const [key, item] of Object.entries(v)) {
        const at = path === '' ? key : `${path}.${key}`;
        if (unstorable(key)) visit(key, at);
        visit(item, at);
      }
  };
  visit(value, '');
  if (issues.length > 0) throw new ServiceError('bad_request', `the ${what} has problems`, issues);
}

function asWave(data: Record<string, unknown>): Wave {
  return waveSchema.parse(data);
}

/** The instant a wave closing on `date` (inclusive) stops taking answers: midnight UTC after. */
function dayAfter(date: string): Date {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/** A random position in a collection, so the order of anonymous responses reveals nothing. */
function randomPosition(): number {
  return randomBytes(4).readUInt32BE(0) >>> 1;
}

/** Answers of the dyadic questions as value/label pairs, with the areas of the collaboration. */
export function dyadicQuestions(areas: readonly ResponsibilityArea[]) {
  return DYADIC_QUESTIONS.map((q) => {
    switch (q.id) {
      case 'D.frequency':
        return {
          id: q.id,
          wording: q.wording,
          answers: CONTACT_FREQUENCIES.map((f) => ({ value: f.id, label: f.label })),
        };
      case 'D.workingLevel':
        return {
          id: q.id,
          wording: q.wording,
          answers: q.answers.map((a) => ({ value: a.level, label: a.wording })),
        };
      case 'D.roleUnderstanding':
      case 'D.trust':
        return {
          id: q.id,
          wording: q.wording,
          answers: q.answers.map((v) => ({ value: v, label: String(v) })),
        };
      case 'D.roleAreas':
        return {
          id: q.id,
          wording: q.wording,
          answers: areas.map((a) => ({ value: a.id, label: a.name })),
        };
    }
  });
}

/** The built-in instrument's fixed questions, for presenters. */
export const INSTRUMENT = {
  version: INSTRUMENT_VERSION,
  answerScale: AGREE5,
  goalQuestion: GOAL_QUESTION,
  leadQuestion: LEAD_QUESTION,
  nameGenerator: NAME_GENERATOR,
  roleQuestion: ROLE_QUESTION,
  privacyNotice: PRIVACY_NOTICE,
} as const;
