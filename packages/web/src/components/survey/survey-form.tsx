import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, ConnectionError, type ApiIssue } from '../../api/http.js';
import { submitResponse, type RespondentSurvey, type SubmissionResult } from '../../api/surveys.js';
import {
  draftOf,
  hasAnyAnswer,
  isUnfinished,
  problemsOf,
  stepsOf,
  submissionOf,
  type Answers,
  type Step,
} from './answers.js';
import { forgetLink, submissionKeyFor } from './local-copy.js';
import {
  ColleagueStep,
  GoalStep,
  IntroStep,
  ItemsStep,
  NamesStep,
  ReviewStep,
  RoleStep,
  type ReviewLink,
} from './respondent-steps.js';
import { useDraftSaver, type SaveState } from './use-draft-saver.js';

const lastOf = (step: Extract<Step, { kind: 'items' }>) => step.first + step.itemIds.length - 1;

/** A refusal of the server, in the respondent's terms (which question it concerns). */
function describeIssue(survey: RespondentSurvey, issue: ApiIssue): string {
  const items = survey.instrument.items;
  const item = /^answers\.(.+)$/.exec(issue.path);
  if (item) {
    const n = items.findIndex((i) => i.id === item[1]);
    return `Statement ${n < 0 ? item[1] : n + 1}: ${issue.message}`;
  }
  const contact = /^contacts\[(\d+)\]/.exec(issue.path);
  if (contact) return `About a colleague you named: ${issue.message}`;
  if (issue.path.startsWith('goal')) return `The team’s aim: ${issue.message}`;
  if (issue.path === 'namedLeadId') return `Who leads: ${issue.message}`;
  return issue.message;
}

function SaveStatus({ state, anything }: { state: SaveState; anything: boolean }) {
  switch (state.kind) {
    case 'offline':
      return (
        <div className="save-status save-status--problem" role="alert">
          <p>
            <strong>No connection.</strong> Your answers are kept on this device and will be saved
            as soon as the connection is back. You can carry on answering.
          </p>
        </div>
      );
    case 'refused':
      return (
        <div className="save-status save-status--problem" role="alert">
          <p>
            <strong>Your latest answers could not be saved:</strong> {state.message}
          </p>
        </div>
      );
    case 'pending':
    case 'saving':
      return <p className="save-status">Saving your answers…</p>;
    case 'saved':
      return anything ? (
        <p className="save-status">
          <span aria-hidden="true">✓ </span>Your answers are saved. You can stop and come back later
          with your link.
        </p>
      ) : null;
  }
}

/**
 * The survey a member answers: short pages with progress, answers saved to the server as they
 * go, a review, and one final submission whose Idempotency-Key survives a lost connection.
 */
export function SurveyForm({
  token,
  survey,
  initial,
  unsavedAtStart,
  onSent,
  onLinkEnded,
}: {
  token: string;
  survey: RespondentSurvey;
  initial: Answers;
  unsavedAtStart: boolean;
  onSent: (result: SubmissionResult) => void;
  onLinkEnded: (error: ApiError) => void;
}) {
  const identified = survey.wave.mode === 'identified';
  const [answers, setAnswers] = useState<Answers>(initial);
  const [stepKey, setStepKey] = useState('intro');
  const [showProblems, setShowProblems] = useState(false);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const [serverProblems, setServerProblems] = useState<string[]>([]);
  const moved = useRef(false);

  const update = useCallback((change: (a: Answers) => Answers) => setAnswers(change), []);
  const draft = useMemo(() => draftOf(answers, identified), [answers, identified]);
  const { state: saveState, flush } = useDraftSaver(token, draft, {
    enabled: survey.wave.open && !sending,
    unsavedAtStart,
    onLinkEnded,
  });

  const steps = stepsOf(survey, answers);
  const found = steps.findIndex((s) => s.key === stepKey);
  const index = found < 0 ? 0 : found;
  const step = steps[index] ?? steps[0];

  const go = (key: string) => {
    void flush();
    moved.current = true;
    setStepKey(key);
  };

  // A new page: start reading (and tabbing) at its heading, from the top.
  useEffect(() => {
    if (!moved.current) return;
    window.scrollTo({ top: 0 });
    document.querySelector<HTMLElement>('[data-step-heading]')?.focus({ preventScroll: true });
  }, [stepKey]);

  const problems = problemsOf(survey, answers);
  const problemAt = (key: string) =>
    showProblems ? (problems.find((p) => p.stepKey === key)?.message ?? null) : null;

  async function send() {
    setShowProblems(true);
    setServerProblems([]);
    setSendError(null);
    if (problems.length > 0) {
      requestAnimationFrame(() => document.getElementById('review-problems')?.focus());
      return;
    }
    setSending(true);
    try {
      const result = await submitResponse(
        submissionOf(token, answers, identified),
        submissionKeyFor(token),
      );
      forgetLink(token);
      onSent(result);
    } catch (error) {
      if (error instanceof ConnectionError || !(error instanceof ApiError)) {
        setSendError(
          'We could not confirm that your answers arrived: the connection was lost. They are kept on this device. Check your connection, then press “Send my answers” again; they will not be counted twice.',
        );
      } else if (error.status === 400) {
        setServerProblems(
          error.issues.length > 0
            ? error.issues.map((issue) => describeIssue(survey, issue))
            : [error.message],
        );
      } else if ([404, 409, 410].includes(error.status)) {
        forgetLink(token);
        onLinkEnded(error);
      } else {
        setSendError(`Your answers have not been sent yet: ${error.message} Please try again.`);
      }
    } finally {
      setSending(false);
    }
  }

  const resume = () => {
    const next = steps.find((s, i) => i > 0 && isUnfinished(s, answers));
    go(next?.key ?? 'review');
  };

  const unansweredPages: ReviewLink[] = steps.flatMap((s) =>
    s.kind === 'items' && isUnfinished(s, answers)
      ? [{ key: s.key, label: `statements ${s.first} to ${lastOf(s)}` }]
      : [],
  );

  let body: ReactNode;
  switch (step?.kind) {
    case undefined:
    case 'intro':
      body = (
        <IntroStep
          survey={survey}
          answers={answers}
          onStart={() => go(steps[1]?.key ?? 'review')}
          onResume={resume}
        />
      );
      break;
    case 'items':
      body = (
        <ItemsStep
          survey={survey}
          itemIds={step.itemIds}
          first={step.first}
          answers={answers}
          update={update}
        />
      );
      break;
    case 'goal':
      body = (
        <GoalStep survey={survey} answers={answers} update={update} problem={problemAt('goal')} />
      );
      break;
    case 'names':
      body = <NamesStep survey={survey} answers={answers} update={update} />;
      break;
    case 'colleague':
      body = (
        <ColleagueStep
          survey={survey}
          memberId={step.memberId}
          index={step.index}
          count={step.count}
          answers={answers}
          update={update}
          showProblems={showProblems}
          onRemove={() => {
            const next = steps[index + 1]?.key ?? 'review';
            update((a) => ({
              ...a,
              contacts: a.contacts.filter((c) => c.memberId !== step.memberId),
            }));
            go(next);
          }}
        />
      );
      break;
    case 'role':
      body = <RoleStep survey={survey} answers={answers} update={update} />;
      break;
    case 'review':
      body = (
        <ReviewStep
          survey={survey}
          answers={answers}
          unansweredPages={unansweredPages}
          problems={showProblems ? problems : null}
          serverProblems={serverProblems}
          sending={sending}
          sendError={
            sendError && (
              <div className="problem-box" role="alert">
                <p>{sendError}</p>
              </div>
            )
          }
          onGo={go}
          onSend={() => void send()}
        />
      );
      break;
  }

  const pages = steps.length - 1;
  const previous = steps[index - 1];
  const next = steps[index + 1];
  return (
    <div className="survey">
      {step && step.kind !== 'intro' && (
        <div className="progress">
          <p className="progress__label" id="survey-progress">
            Page {index} of {pages}
          </p>
          <progress max={pages} value={index} aria-labelledby="survey-progress" />
        </div>
      )}
      <div className="respond-card">{body}</div>
      {step && step.kind !== 'intro' && (
        <nav className="step-nav" aria-label="Survey pages">
          {previous && (
            <button
              type="button"
              className="button button--quiet button--large"
              onClick={() => go(previous.key)}
            >
              <span aria-hidden="true">← </span>Back
            </button>
          )}
          {next && (
            <button type="button" className="button button--large" onClick={() => go(next.key)}>
              {next.kind === 'review' ? 'Next: check and send' : 'Next'}
              <span aria-hidden="true"> →</span>
            </button>
          )}
        </nav>
      )}
      {survey.wave.open && <SaveStatus state={saveState} anything={hasAnyAnswer(answers)} />}
    </div>
  );
}
