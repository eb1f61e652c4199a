import { useCallback, useEffect, useState } from 'react';
import { fetchSurvey, type RespondentSurvey } from '../api/surveys.js';
import { PageTitle } from '../components/page-title.js';
import { StatusMessage } from '../components/status-message.js';
import { answersFromDraft, type Answers } from '../components/survey/answers.js';
import {
  LinkProblem,
  linkProblemOf,
  ThankYou,
  type LinkProblemKind,
} from '../components/survey/link-problem.js';
import { forgetLink, unsavedDraft } from '../components/survey/local-copy.js';
import { SurveyForm } from '../components/survey/survey-form.js';
import { markInteractive } from '../interactive.js';
import '../styles/survey.css';

type State =
  | { kind: 'loading' }
  | { kind: 'problem'; problem: LinkProblemKind }
  | { kind: 'ready'; survey: RespondentSurvey; initial: Answers; unsaved: boolean }
  | { kind: 'sent'; anonymous: boolean };

/**
 * A member answering a survey through their single-use link, without an account: the privacy
 * notice first, then short pages of questions, then one submission. A used, closed or unknown
 * link gets a friendly page.
 */
export function RespondPage({ token }: { token: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    fetchSurvey(token, controller.signal).then(
      (survey) => {
        if (controller.signal.aborted) return;
        // Answers this device kept while the server could not be reached are the newer ones.
        const local = unsavedDraft(token);
        setState({
          kind: 'ready',
          survey,
          initial: answersFromDraft(survey, local ?? survey.draft),
          unsaved: local !== null,
        });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const problem = linkProblemOf(error);
        if (problem === 'used' || problem === 'closed' || problem === 'unknown') forgetLink(token);
        setState({ kind: 'problem', problem });
      },
    );
    return () => controller.abort();
  }, [token, attempt]);

  useEffect(() => {
    if (state.kind === 'ready') markInteractive();
  }, [state.kind]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // The link stopped working while the member answered (used elsewhere, revoked, closed).
  const ended = useCallback(
    (error: unknown) => {
      forgetLink(token);
      setState((s) => (s.kind === 'sent' ? s : { kind: 'problem', problem: linkProblemOf(error) }));
    },
    [token],
  );

  switch (state.kind) {
    case 'loading':
      return (
        <div className="respond">
          <StatusMessage kind="loading">
            <p>Opening your survey…</p>
          </StatusMessage>
        </div>
      );
    case 'problem':
      return <LinkProblem kind={state.problem} onRetry={retry} />;
    case 'sent':
      return <ThankYou anonymous={state.anonymous} />;
    case 'ready': {
      const { survey } = state;
      return (
        <div className="respond">
          <PageTitle title={survey.wave.name}>
            <p className="respond__context">{survey.collaboration.name}</p>
          </PageTitle>
          <SurveyForm
            token={token}
            survey={survey}
            initial={state.initial}
            unsavedAtStart={state.unsaved}
            onSent={() => setState({ kind: 'sent', anonymous: survey.wave.mode === 'anonymous' })}
            onLinkEnded={ended}
          />
        </div>
      );
    }
  }
}
