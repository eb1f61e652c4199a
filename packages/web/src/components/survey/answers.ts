/**
 * A respondent's answers in the browser: read back from a saved draft, split into short
 * pages, checked before sending, and turned into the draft and the submission the server takes.
 */
import { isObject } from '../../api/http.js';
import type {
  GoalChoice,
  RespondentSurvey,
  ScaleAnswer,
  SurveyDraft,
  SurveySubmission,
} from '../../api/surveys.js';

/** What the respondent said about one colleague they named. */
export interface ContactAnswers {
  readonly memberId: string;
  readonly frequency: string | null;
  readonly workingLevel: string | null;
  readonly roleUnderstanding: number | null;
  readonly trust: number | null;
  readonly roleAreaIds: readonly string[];
}

/** Every answer so far; `namedLeadId` is undefined until the lead question is answered. */
export interface Answers {
  readonly answers: Readonly<Record<string, ScaleAnswer>>;
  readonly goal: {
    readonly choice?: GoalChoice;
    readonly goalId?: string | null;
    readonly text: string;
  };
  readonly namedLeadId?: string | null;
  readonly contacts: readonly ContactAnswers[];
  readonly ownRoleAreaIds: readonly string[];
  readonly ownRoleText: string;
}

export const emptyAnswers = (): Answers => ({
  answers: {},
  goal: { text: '' },
  contacts: [],
  ownRoleAreaIds: [],
  ownRoleText: '',
});

/** Statements shown on one page: short enough for a phone screen without long scrolling. */
export const ITEMS_PER_PAGE = 6;

/** One page of the survey. */
export type Step =
  | { readonly kind: 'intro'; readonly key: string }
  | {
      readonly kind: 'items';
      readonly key: string;
      readonly itemIds: readonly string[];
      /** 1-based number of the first statement on the page. */
      readonly first: number;
    }
  | { readonly kind: 'goal'; readonly key: string }
  | { readonly kind: 'names'; readonly key: string }
  | {
      readonly kind: 'colleague';
      readonly key: string;
      readonly memberId: string;
      readonly index: number;
      readonly count: number;
    }
  | { readonly kind: 'role'; readonly key: string }
  | { readonly kind: 'review'; readonly key: string };

/** The pages in order: notice, statements, goal, (colleagues and role,) review. */
export function stepsOf(survey: RespondentSurvey, answers: Answers): Step[] {
  const { items, nameGenerator, roleQuestion } = survey.instrument;
  const steps: Step[] = [{ kind: 'intro', key: 'intro' }];
  for (let i = 0; i < items.length; i += ITEMS_PER_PAGE)
    steps.push({
      kind: 'items',
      key: `items-${i / ITEMS_PER_PAGE}`,
      itemIds: items.slice(i, i + ITEMS_PER_PAGE).map((item) => item.id),
      first: i + 1,
    });
  steps.push({ kind: 'goal', key: 'goal' });
  if (nameGenerator) {
    steps.push({ kind: 'names', key: 'names' });
    answers.contacts.forEach((contact, index) =>
      steps.push({
        kind: 'colleague',
        key: `colleague-${contact.memberId}`,
        memberId: contact.memberId,
        index,
        count: answers.contacts.length,
      }),
    );
  }
  if (roleQuestion) steps.push({ kind: 'role', key: 'role' });
  steps.push({ kind: 'review', key: 'review' });
  return steps;
}

/** Whether a page still has something unanswered (used to resume where the member stopped). */
export function isUnfinished(step: Step, answers: Answers): boolean {
  switch (step.kind) {
    case 'intro':
      return false;
    case 'items':
      return step.itemIds.some((id) => answers.answers[id] === undefined);
    case 'goal':
      return answers.goal.choice === undefined || answers.namedLeadId === undefined;
    case 'names':
      return answers.contacts.length === 0;
    case 'colleague': {
      const contact = answers.contacts.find((c) => c.memberId === step.memberId);
      return !contact || contact.frequency === null || contact.workingLevel === null;
    }
    case 'role':
      return answers.ownRoleAreaIds.length === 0 && answers.ownRoleText.trim() === '';
    case 'review':
      return true;
  }
}

/** How many statements are answered. */
export const answeredCount = (survey: RespondentSurvey, answers: Answers): number =>
  survey.instrument.items.filter((item) => answers.answers[item.id] !== undefined).length;

/** Whether anything at all has been answered. */
export function hasAnyAnswer(answers: Answers): boolean {
  return (
    Object.keys(answers.answers).length > 0 ||
    answers.goal.choice !== undefined ||
    answers.goal.text.trim() !== '' ||
    answers.namedLeadId !== undefined ||
    answers.contacts.length > 0 ||
    answers.ownRoleAreaIds.length > 0 ||
    answers.ownRoleText.trim() !== ''
  );
}

/** Something that stops the answers being sent, with the page where it can be put right. */
export interface Problem {
  readonly stepKey: string;
  readonly message: string;
}

/** What must be put right before sending: the server would refuse it otherwise. */
export function problemsOf(survey: RespondentSurvey, answers: Answers): Problem[] {
  const problems: Problem[] = [];
  if (answers.goal.choice === undefined && answers.goal.text.trim() !== '')
    problems.push({
      stepKey: 'goal',
      message:
        'You described the team’s aim in your own words: please also pick the closest option (or “Something else”).',
    });
  const names = new Map(
    (survey.instrument.nameGenerator?.colleagues ?? []).map((c) => [c.id, c.displayName]),
  );
  for (const contact of answers.contacts) {
    const missing = [
      contact.frequency === null ? 'how often you are in contact' : null,
      contact.workingLevel === null ? 'how you work together' : null,
    ].filter((m): m is string => m !== null);
    if (missing.length > 0)
      problems.push({
        stepKey: `colleague-${contact.memberId}`,
        message: `About ${names.get(contact.memberId) ?? 'a colleague'}: please say ${missing.join(' and ')}, or take them off your list.`,
      });
  }
  return problems;
}

const SCALE_VALUES = new Set<unknown>([1, 2, 3, 4, 5, 'dontKnow']);
const GOAL_CHOICES = new Set<unknown>(['joint', 'agency', 'other']);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const smallInt = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? value : null;

/**
 * Reads a saved draft back, keeping only what this survey still offers (a colleague who left,
 * an area removed or a goal no longer offered is dropped rather than refused on sending).
 */
export function answersFromDraft(survey: RespondentSurvey, draft: unknown): Answers {
  const result = emptyAnswers();
  if (!isObject(draft)) return result;
  const { items, goalQuestion, leadQuestion, nameGenerator, roleQuestion } = survey.instrument;
  const itemIds = new Set(items.map((i) => i.id));
  const answers: Record<string, ScaleAnswer> = {};
  if (isObject(draft.answers))
    for (const [id, value] of Object.entries(draft.answers))
      if (itemIds.has(id) && SCALE_VALUES.has(value)) answers[id] = value as ScaleAnswer;

  let goal: Answers['goal'] = { text: '' };
  if (isObject(draft.goal)) {
    const text = typeof draft.goal.text === 'string' ? draft.goal.text : '';
    const choice = draft.goal.choice;
    const goalId = typeof draft.goal.goalId === 'string' ? draft.goal.goalId : null;
    const offered =
      GOAL_CHOICES.has(choice) &&
      goalQuestion.choices.some((c) => c.choice === choice && c.goalId === goalId);
    goal = offered ? { choice: choice as GoalChoice, goalId, text } : { text };
  }

  const leadIds = new Set(leadQuestion.members.map((m) => m.id));
  const lead = draft.namedLeadId;
  const namedLeadId =
    lead === null ? null : typeof lead === 'string' && leadIds.has(lead) ? lead : undefined;

  const colleagueIds = new Set((nameGenerator?.colleagues ?? []).map((c) => c.id));
  const areaIds = new Set((roleQuestion?.areas ?? []).map((a) => a.id));
  const seen = new Set<string>();
  const contacts: ContactAnswers[] = [];
  for (const raw of Array.isArray(draft.contacts) ? draft.contacts : []) {
    if (!isObject(raw) || typeof raw.memberId !== 'string') continue;
    if (!colleagueIds.has(raw.memberId) || seen.has(raw.memberId)) continue;
    seen.add(raw.memberId);
    contacts.push({
      memberId: raw.memberId,
      frequency: typeof raw.frequency === 'string' ? raw.frequency : null,
      workingLevel: typeof raw.workingLevel === 'string' ? raw.workingLevel : null,
      roleUnderstanding: smallInt(raw.roleUnderstanding),
      trust: smallInt(raw.trust),
      roleAreaIds: strings(raw.roleAreaIds).filter((id) => areaIds.has(id)),
    });
  }
  const max = nameGenerator?.maxNames ?? 0;
  return {
    answers,
    goal,
    ...(namedLeadId === undefined ? {} : { namedLeadId }),
    contacts: contacts.slice(0, max),
    ownRoleAreaIds: strings(draft.ownRoleAreaIds).filter((id) => areaIds.has(id)),
    ownRoleText: typeof draft.ownRoleText === 'string' ? draft.ownRoleText : '',
  };
}

/** The draft the server keeps; anonymous waves carry nothing about colleagues or roles. */
export function draftOf(answers: Answers, identified: boolean): SurveyDraft {
  return {
    answers: answers.answers,
    goal: {
      ...(answers.goal.choice === undefined
        ? {}
        : { choice: answers.goal.choice, goalId: answers.goal.goalId ?? null }),
      text: answers.goal.text,
    },
    ...(answers.namedLeadId === undefined ? {} : { namedLeadId: answers.namedLeadId }),
    ...(identified
      ? {
          contacts: answers.contacts,
          ownRoleAreaIds: answers.ownRoleAreaIds,
          ownRoleText: answers.ownRoleText,
        }
      : {}),
  };
}

/** The one final submission (call only when {@link problemsOf} finds nothing). */
export function submissionOf(
  token: string,
  answers: Answers,
  identified: boolean,
): SurveySubmission {
  const { choice, goalId } = answers.goal;
  const text = answers.goal.text.trim();
  const roleText = answers.ownRoleText.trim();
  return {
    token,
    answers: answers.answers,
    ...(choice === undefined
      ? {}
      : { goal: { choice, ...(goalId ? { goalId } : {}), ...(text ? { text } : {}) } }),
    ...(answers.namedLeadId === undefined ? {} : { namedLeadId: answers.namedLeadId }),
    ...(identified
      ? {
          contacts: answers.contacts.map((c) => ({
            memberId: c.memberId,
            frequency: c.frequency ?? '',
            workingLevel: c.workingLevel ?? '',
            roleUnderstanding: c.roleUnderstanding,
            trust: c.trust,
            roleAreaIds: c.roleAreaIds,
          })),
          ownRoleAreaIds: answers.ownRoleAreaIds,
          ...(roleText ? { ownRoleText: roleText } : {}),
        }
      : {}),
  };
}
