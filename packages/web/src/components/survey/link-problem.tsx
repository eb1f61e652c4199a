import { useEffect } from 'react';
import { ApiError, ConnectionError } from '../../api/http.js';
import { markInteractive } from '../../interactive.js';
import { PageTitle } from '../page-title.js';

/** Why a survey link cannot be answered, in the words its holder needs. */
export type LinkProblemKind = 'used' | 'closed' | 'unknown' | 'connection' | 'other';

/** Sorts a refusal of the survey routes into the pages a respondent sees. */
export function linkProblemOf(error: unknown): LinkProblemKind {
  if (error instanceof ConnectionError) return 'connection';
  if (!(error instanceof ApiError)) return 'other';
  switch (error.status) {
    case 409:
      return 'used';
    case 410:
      return 'closed';
    case 400:
    case 404:
      return 'unknown';
    default:
      return 'other';
  }
}

const PAGES: Record<LinkProblemKind, { title: string; body: string[] }> = {
  used: {
    title: 'You have already answered',
    body: [
      'Your answers have already been sent with this link. Thank you for taking part.',
      'Each link can be used once, so you cannot change your answers now. If you think someone else used your link, tell the person who sent it to you.',
    ],
  },
  closed: {
    title: 'This survey has closed',
    body: [
      'The survey this link belongs to is no longer taking answers, so the link does not work any more.',
      'If you still want to take part, ask the person who sent you the link whether there will be another round.',
    ],
  },
  unknown: {
    title: 'This link does not work',
    body: [
      'We could not find a survey for this link. It may have been mistyped, or replaced by a newer one.',
      'Check that you copied the whole link, or ask the person who sent it to you for a new one.',
    ],
  },
  connection: {
    title: 'We could not reach Weframe',
    body: [
      'Your device could not connect to the server just now. Check your connection and try again.',
    ],
  },
  other: {
    title: 'The survey could not be opened',
    body: ['Something went wrong on our side. Please try again in a few minutes.'],
  },
};

/** A friendly page for a link that is used, closed, unknown, or could not be checked. */
export function LinkProblem({ kind, onRetry }: { kind: LinkProblemKind; onRetry?: () => void }) {
  const page = PAGES[kind];
  useEffect(() => markInteractive(), []);
  return (
    <div className="respond">
      <PageTitle title={page.title}>
        <div className="respond-card respond-card--message">
          {page.body.map((text) => (
            <p key={text}>{text}</p>
          ))}
          {onRetry && (kind === 'connection' || kind === 'other') && (
            <button type="button" className="button button--large" onClick={onRetry}>
              Try again
            </button>
          )}
        </div>
      </PageTitle>
    </div>
  );
}

/** The page after the answers are sent. */
export function ThankYou({ anonymous }: { anonymous: boolean }) {
  useEffect(() => markInteractive(), []);
  return (
    <div className="respond">
      <PageTitle title="Thank you">
        <div className="respond-card respond-card--message">
          <p className="respond__done">
            <span aria-hidden="true">✓ </span>Your answers have been sent.
          </p>
          <p>
            {anonymous
              ? 'They are stored without your name and cannot be traced back to your link. The team sees only combined results, and none from fewer than three people.'
              : 'They will be combined with your colleagues’ answers to show how the team works together. Other members never see your own answers.'}
          </p>
          <p>You can close this page now.</p>
        </div>
      </PageTitle>
    </div>
  );
}
