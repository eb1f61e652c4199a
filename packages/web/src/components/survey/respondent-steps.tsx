import { useId, useState, type ReactNode } from 'react';
import type { GoalChoice, RespondentSurvey, ScaleAnswer } from '../../api/surveys.js';
import { formatDate, plural } from '../../labels.js';
import {
  answeredCount,
  hasAnyAnswer,
  type Answers,
  type ContactAnswers,
  type Problem,
} from './answers.js';
import { CheckboxGroup, RadioGroup, type Option } from './choice-group.js';

type Update = (change: (answers: Answers) => Answers) => void;

/** The heading of a page: focused when the page is shown, so screen readers start there. */
export function StepHeading({ children }: { children: ReactNode }) {
  return (
    <h2 className="step__title" tabIndex={-1} data-step-heading="">
      {children}
    </h2>
  );
}

// ── The notice ───────────────────────────────────────────────────────────────

/** The first page: who the link is for, the privacy notice, what is kept, who sees what. */
export function IntroStep({
  survey,
  answers,
  onStart,
  onResume,
}: {
  survey: RespondentSurvey;
  answers: Answers;
  onStart: () => void;
  onResume: () => void;
}) {
  const anonymous = survey.wave.mode === 'anonymous';
  const { items, nameGenerator } = survey.instrument;
  const resuming = hasAnyAnswer(answers);
  const opensOn = formatDate(`${survey.wave.opensOn}T12:00:00Z`) ?? survey.wave.opensOn;
  const closesOn = survey.wave.closesOn
    ? (formatDate(`${survey.wave.closesOn}T12:00:00Z`) ?? survey.wave.closesOn)
    : null;
  return (
    <section className="step">
      <StepHeading>Before you start</StepHeading>
      {survey.respondent && (
        <p className="step__lead">
          This link is for <strong>{survey.respondent.displayName}</strong>. If that is not you,
          please tell the person who sent it.
        </p>
      )}
      <div className={`notice notice--${survey.wave.mode}`}>
        <p className="notice__title">
          <span className="notice__icon" aria-hidden="true">
            {anonymous ? '◎' : '●'}
          </span>
          {anonymous ? 'Your answers are anonymous' : 'Your answers carry your name'}
        </p>
        <p>{survey.privacyNotice}</p>
      </div>
      <h3>What is kept</h3>
      {anonymous ? (
        <ul className="plain-list">
          <li>Your answers, without your name and without anything that ties them to your link.</li>
          <li>The day you send them, not the time.</li>
          <li>
            Until you send them, your answers so far are kept with your link so you can come back to
            them. They are taken off the link when you send.
          </li>
        </ul>
      ) : (
        <ul className="plain-list">
          <li>Your answers, with your name, in the record of {survey.collaboration.name}.</li>
          <li>Your answers about the colleagues you choose to name.</li>
          <li>Your answers so far, with your link, until you send them.</li>
        </ul>
      )}
      <h3>Who sees what</h3>
      {anonymous ? (
        <ul className="plain-list">
          <li>The facilitator sees how many people have answered, not who.</li>
          <li>The team sees only combined results, and none from fewer than three people.</li>
          <li>
            If you write something in your own words, leave out anything that would identify you.
          </li>
        </ul>
      ) : (
        <ul className="plain-list">
          <li>The facilitator can see who has answered and who has not.</li>
          <li>Other members see only the team’s combined results, never your own answers.</li>
          <li>Your answers about colleagues help draw the team’s contact map and role map.</li>
        </ul>
      )}
      <h3>How long it takes</h3>
      <p>
        About 10 to 15 minutes: {items.length} short statements, a question about what the team is
        trying to achieve
        {nameGenerator ? ', and a few questions about the colleagues you work with' : ''}. Answer
        only what you can. Your answers are saved as you go, so you can stop and come back later
        with the same link. You send them once, at the end.
      </p>
      {closesOn && <p>The survey closes at the end of {closesOn}.</p>}
      {!survey.wave.open ? (
        <p className="notice notice--wait" role="status">
          This survey opens on {opensOn}. Your link will work from then.
        </p>
      ) : resuming ? (
        <div className="step__actions">
          <p className="step__lead">
            Welcome back. Your answers so far are kept: {answeredCount(survey, answers)} of{' '}
            {items.length} statements answered.
          </p>
          <button type="button" className="button button--large" onClick={onResume}>
            Carry on where I stopped
          </button>
          <button type="button" className="button button--quiet button--large" onClick={onStart}>
            Go to the first question
          </button>
        </div>
      ) : (
        <div className="step__actions">
          <button type="button" className="button button--large" onClick={onStart}>
            Start the survey
          </button>
        </div>
      )}
    </section>
  );
}

// ── Statements ───────────────────────────────────────────────────────────────

/** A page of statements, each a 5-point agreement scale with “don't know”. */
export function ItemsStep({
  survey,
  itemIds,
  first,
  answers,
  update,
}: {
  survey: RespondentSurvey;
  itemIds: readonly string[];
  first: number;
  answers: Answers;
  update: Update;
}) {
  const { items, answerScale } = survey.instrument;
  const wording = new Map(items.map((item) => [item.id, item.wording]));
  const options: Option<ScaleAnswer>[] = [
    ...answerScale.labels.map((label, i) => ({ value: (i + 1) as ScaleAnswer, label })),
    { value: 'dontKnow', label: answerScale.dontKnow },
  ];
  const last = first + itemIds.length - 1;
  return (
    <section className="step">
      <StepHeading>
        Statements {first} to {last} <span className="step__of">of {items.length}</span>
      </StepHeading>
      <p className="step__lead">
        How far do you agree with each statement? If one does not apply to you, or you cannot say,
        choose “{answerScale.dontKnow}”.
      </p>
      {itemIds.map((id, i) => (
        <RadioGroup<ScaleAnswer>
          key={id}
          id={`item-${id}`}
          layout="scale"
          legend={
            <>
              <span className="question__number">{first + i}.</span> {wording.get(id) ?? id}
            </>
          }
          options={options}
          value={answers.answers[id]}
          onChange={(value) => update((a) => ({ ...a, answers: { ...a.answers, [id]: value } }))}
        />
      ))}
    </section>
  );
}

// ── The team's aim and its lead ──────────────────────────────────────────────

const UNKNOWN_LEAD = '';

/** The goal question (own words, then the closest listed goal) and the lead question. */
export function GoalStep({
  survey,
  answers,
  update,
  problem,
}: {
  survey: RespondentSurvey;
  answers: Answers;
  update: Update;
  problem: string | null;
}) {
  const id = useId();
  const { goalQuestion, leadQuestion } = survey.instrument;
  const anonymous = survey.wave.mode === 'anonymous';
  const choiceKey = (choice: GoalChoice | undefined, goalId: string | null | undefined) =>
    choice === undefined ? undefined : `${choice}:${goalId ?? ''}`;
  const goalOptions: Option<string>[] = goalQuestion.choices.map((c) => ({
    value: choiceKey(c.choice, c.goalId) ?? '',
    label: c.label,
    hint:
      c.choice === 'joint'
        ? 'The goal recorded for the whole collaboration'
        : c.choice === 'agency'
          ? 'A goal of your own agency'
          : null,
  }));
  const leadOptions: Option<string>[] = [
    ...leadQuestion.members.map((m) => ({ value: m.id, label: m.displayName })),
    { value: UNKNOWN_LEAD, label: 'I don’t know, or no one does' },
  ];
  return (
    <section className="step">
      <StepHeading>What the team is trying to achieve</StepHeading>
      <div className="question">
        <label className="question__legend" htmlFor={`${id}-goal`}>
          {goalQuestion.wording}
        </label>
        <p className="question__hint" id={`${id}-goal-hint`}>
          In your own words; you may leave it blank.
          {anonymous ? ' Leave out anything that would identify you.' : ''}
        </p>
        <textarea
          id={`${id}-goal`}
          className="text-answer"
          rows={3}
          maxLength={2000}
          aria-describedby={`${id}-goal-hint`}
          value={answers.goal.text}
          onChange={(event) => {
            const text = event.target.value;
            update((a) => ({ ...a, goal: { ...a.goal, text } }));
          }}
        />
      </div>
      <RadioGroup<string>
        id="question-goal-choice"
        legend={goalQuestion.choiceWording}
        options={goalOptions}
        problem={problem}
        value={choiceKey(answers.goal.choice, answers.goal.goalId)}
        onChange={(value) => {
          const chosen = goalQuestion.choices.find((c) => choiceKey(c.choice, c.goalId) === value);
          if (chosen)
            update((a) => ({
              ...a,
              goal: { ...a.goal, choice: chosen.choice, goalId: chosen.goalId },
            }));
        }}
      />
      <RadioGroup<string>
        legend={leadQuestion.wording}
        options={leadOptions}
        value={
          answers.namedLeadId === undefined ? undefined : (answers.namedLeadId ?? UNKNOWN_LEAD)
        }
        onChange={(value) =>
          update((a) => ({ ...a, namedLeadId: value === UNKNOWN_LEAD ? null : value }))
        }
      />
    </section>
  );
}

// ── Colleagues (identified waves) ────────────────────────────────────────────

const newContact = (memberId: string): ContactAnswers => ({
  memberId,
  frequency: null,
  workingLevel: null,
  roleUnderstanding: null,
  trust: null,
  roleAreaIds: [],
});

/** The name generator: up to 15 colleagues, each asked about on the pages that follow. */
export function NamesStep({
  survey,
  answers,
  update,
}: {
  survey: RespondentSurvey;
  answers: Answers;
  update: Update;
}) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const generator = survey.instrument.nameGenerator;
  if (!generator) return null;
  const chosen = answers.contacts.map((c) => c.memberId);
  const full = chosen.length >= generator.maxNames;
  const needle = filter.trim().toLowerCase();
  const shown = generator.colleagues.filter(
    (c) =>
      needle === '' ||
      chosen.includes(c.id) ||
      `${c.displayName} ${c.agencyName ?? ''}`.toLowerCase().includes(needle),
  );
  return (
    <section className="step">
      <StepHeading>Colleagues you work with</StepHeading>
      <p className="step__lead">
        On the next pages you will answer a few short questions about each person you choose. Taking
        someone off the list removes your answers about them.
      </p>
      {generator.colleagues.length > 12 && (
        <div className="field">
          <label htmlFor={`${id}-filter`}>Find a colleague by name or agency</label>
          <input
            id={`${id}-filter`}
            type="search"
            className="text-input"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </div>
      )}
      {generator.colleagues.length === 0 ? (
        <p className="muted">No colleagues are recorded in this collaboration yet.</p>
      ) : (
        <CheckboxGroup
          legend={generator.wording}
          hint={
            <span aria-live="polite">
              {chosen.length} of {generator.maxNames} chosen
              {full ? ': the list is full. Take someone off to choose another.' : '.'}
            </span>
          }
          options={shown.map((c) => ({
            value: c.id,
            label: c.displayName,
            hint: c.agencyName,
          }))}
          value={chosen}
          isDisabled={() => full}
          onChange={(ids) =>
            update((a) => ({
              ...a,
              contacts: ids
                .slice(0, generator.maxNames)
                .map((m) => a.contacts.find((c) => c.memberId === m) ?? newContact(m)),
            }))
          }
        />
      )}
    </section>
  );
}

/** The questions about one named colleague. */
export function ColleagueStep({
  survey,
  memberId,
  index,
  count,
  answers,
  update,
  showProblems,
  onRemove,
}: {
  survey: RespondentSurvey;
  memberId: string;
  index: number;
  count: number;
  answers: Answers;
  update: Update;
  showProblems: boolean;
  onRemove: () => void;
}) {
  const generator = survey.instrument.nameGenerator;
  const contact = answers.contacts.find((c) => c.memberId === memberId);
  const colleague = generator?.colleagues.find((c) => c.id === memberId);
  if (!generator || !contact || !colleague) return null;
  const set = (change: Partial<ContactAnswers>) =>
    update((a) => ({
      ...a,
      contacts: a.contacts.map((c) => (c.memberId === memberId ? { ...c, ...change } : c)),
    }));
  const question = (qid: string) => generator.dyadicQuestions.find((q) => q.id === qid);
  const frequency = question('D.frequency');
  const level = question('D.workingLevel');
  const understanding = question('D.roleUnderstanding');
  const trust = question('D.trust');
  const areas = question('D.roleAreas');
  const needed = (missing: boolean) => (showProblems && missing ? 'Please answer this.' : null);
  const ends = (value: string | number) =>
    value === 1 ? '1 – not at all' : value === 5 ? '5 – fully' : String(value);
  return (
    <section className="step">
      <StepHeading>About {colleague.displayName}</StepHeading>
      <p className="step__lead">
        Colleague {index + 1} of {count}
        {colleague.agencyName ? ` · ${colleague.agencyName}` : ''}
      </p>
      {frequency && (
        <RadioGroup<string>
          legend={
            <>
              {frequency.wording} <span className="question__needed">(needed)</span>
            </>
          }
          options={frequency.answers.map((a) => ({ value: String(a.value), label: a.label }))}
          value={contact.frequency ?? undefined}
          problem={needed(contact.frequency === null)}
          onChange={(value) => set({ frequency: value })}
        />
      )}
      {level && (
        <RadioGroup<string>
          legend={
            <>
              {level.wording} <span className="question__needed">(needed)</span>
            </>
          }
          options={level.answers.map((a) => ({ value: String(a.value), label: a.label }))}
          value={contact.workingLevel ?? undefined}
          problem={needed(contact.workingLevel === null)}
          onChange={(value) => set({ workingLevel: value })}
        />
      )}
      {understanding && (
        <RadioGroup<number>
          layout="scale"
          legend={understanding.wording}
          options={understanding.answers.map((a) => ({
            value: Number(a.value),
            label: ends(a.value),
          }))}
          value={contact.roleUnderstanding ?? undefined}
          onChange={(value) => set({ roleUnderstanding: value })}
        />
      )}
      {trust && (
        <RadioGroup<number>
          layout="scale"
          legend={trust.wording}
          options={trust.answers.map((a) => ({ value: Number(a.value), label: ends(a.value) }))}
          value={contact.trust ?? undefined}
          onChange={(value) => set({ trust: value })}
        />
      )}
      {areas && areas.answers.length > 0 && (
        <CheckboxGroup
          legend={areas.wording}
          hint="Tick any that apply; you may leave them all blank."
          options={areas.answers.map((a) => ({ value: String(a.value), label: a.label }))}
          value={contact.roleAreaIds}
          onChange={(ids) => set({ roleAreaIds: ids })}
        />
      )}
      <p>
        <button type="button" className="button button--quiet" onClick={onRemove}>
          Take {colleague.displayName} off my list
        </button>
      </p>
    </section>
  );
}

/** The role question about the respondent themself. */
export function RoleStep({
  survey,
  answers,
  update,
}: {
  survey: RespondentSurvey;
  answers: Answers;
  update: Update;
}) {
  const id = useId();
  const role = survey.instrument.roleQuestion;
  if (!role) return null;
  return (
    <section className="step">
      <StepHeading>Your own part in the work</StepHeading>
      {role.areas.length > 0 && (
        <CheckboxGroup
          legend={role.wording}
          options={role.areas.map((a) => ({
            value: a.id,
            label: a.name,
            hint: a.description || undefined,
          }))}
          value={answers.ownRoleAreaIds}
          onChange={(ids) => update((a) => ({ ...a, ownRoleAreaIds: ids }))}
        />
      )}
      <div className="question">
        <label className="question__legend" htmlFor={`${id}-role`}>
          {role.areas.length > 0 ? 'In your own words (optional)' : role.wording}
        </label>
        <textarea
          id={`${id}-role`}
          className="text-answer"
          rows={3}
          maxLength={2000}
          value={answers.ownRoleText}
          onChange={(event) => {
            const text = event.target.value;
            update((a) => ({ ...a, ownRoleText: text }));
          }}
        />
      </div>
    </section>
  );
}

// ── Review ───────────────────────────────────────────────────────────────────

/** A page to go back to from the review. */
export interface ReviewLink {
  readonly key: string;
  readonly label: string;
}

/** The last page: what is answered, what must be put right, and the one button that sends. */
export function ReviewStep({
  survey,
  answers,
  unansweredPages,
  problems,
  serverProblems,
  sending,
  sendError,
  onGo,
  onSend,
}: {
  survey: RespondentSurvey;
  answers: Answers;
  /** Pages of statements with something unanswered. */
  unansweredPages: readonly ReviewLink[];
  problems: readonly Problem[] | null;
  serverProblems: readonly string[];
  sending: boolean;
  sendError: ReactNode;
  onGo: (key: string) => void;
  onSend: () => void;
}) {
  const { items, goalQuestion, leadQuestion, nameGenerator, roleQuestion } = survey.instrument;
  const answered = answeredCount(survey, answers);
  const goal = goalQuestion.choices.find(
    (c) => c.choice === answers.goal.choice && c.goalId === (answers.goal.goalId ?? null),
  );
  const lead =
    answers.namedLeadId === undefined
      ? 'not answered'
      : answers.namedLeadId === null
        ? 'you don’t know'
        : (leadQuestion.members.find((m) => m.id === answers.namedLeadId)?.displayName ??
          'not answered');
  const go = (key: string, label: string, context?: string) => (
    <button type="button" className="survey-link" onClick={() => onGo(key)}>
      {label}
      {context && <span className="visually-hidden"> {context}</span>}
    </button>
  );
  return (
    <section className="step">
      <StepHeading>Check and send</StepHeading>
      <p className="step__lead">
        Questions left blank are fine: answer only what you can. You can go back to any page before
        you send.
      </p>
      <dl className="review">
        <div className="review__row">
          <dt>Statements</dt>
          <dd>
            {answered} of {items.length} answered
            {unansweredPages.length > 0 && (
              <ul className="review__links">
                {unansweredPages.map((page) => (
                  <li key={page.key}>{go(page.key, `Go to ${page.label}`)}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="review__row">
          <dt>Closest to what you work towards</dt>
          <dd>
            {goal ? goal.label : 'not answered'} {go('goal', 'Change', 'the closest goal')}
          </dd>
        </div>
        <div className="review__row">
          <dt>Who leads this collaboration</dt>
          <dd>
            {lead} {go('goal', 'Change', 'who leads')}
          </dd>
        </div>
        {nameGenerator && (
          <div className="review__row">
            <dt>Colleagues you named</dt>
            <dd>
              {answers.contacts.length === 0
                ? 'none'
                : answers.contacts
                    .map(
                      (c) =>
                        nameGenerator.colleagues.find((k) => k.id === c.memberId)?.displayName ??
                        c.memberId,
                    )
                    .join(', ')}{' '}
              {go('names', 'Change', 'the colleagues you named')}
            </dd>
          </div>
        )}
        {roleQuestion && (
          <div className="review__row">
            <dt>Your own part in the work</dt>
            <dd>
              {answers.ownRoleAreaIds.length === 0
                ? 'no areas ticked'
                : plural(answers.ownRoleAreaIds.length, 'area', 'areas')}
              {answers.ownRoleText.trim() ? ', and a few words' : ''}{' '}
              {go('role', 'Change', 'your own part')}
            </dd>
          </div>
        )}
      </dl>
      {problems && problems.length > 0 && (
        <div className="problem-box" role="alert" id="review-problems" tabIndex={-1}>
          <h3>Before you send, please put right</h3>
          <ul>
            {problems.map((p) => (
              <li key={p.message}>
                {p.message} {go(p.stepKey, 'Go to the question')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {serverProblems.length > 0 && (
        <div className="problem-box" role="alert">
          <h3>Your answers were not sent</h3>
          <ul>
            {serverProblems.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {sendError}
      <div className="step__actions">
        <p>
          You can send your answers once. After that you cannot change them, and this link stops
          working.
        </p>
        <button
          type="button"
          className="button button--primary button--large"
          onClick={onSend}
          disabled={sending}
        >
          {sending ? 'Sending…' : 'Send my answers'}
        </button>
      </div>
    </section>
  );
}
