import type { CodedQuote } from '@weframe/core';
import { useEffect, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'wouter';
import {
  fetchDiagnosisSummary,
  fetchNames,
  waveQuery,
  type DiagnosisSummary,
  type SummaryElement,
} from '../api/diagnosis.js';
import { seg } from '../api/http.js';
import { ActionList } from '../components/model/action-list.js';
import type { NameLookup } from '../components/model/evidence-list.js';
import { IndicatorCard } from '../components/model/indicator-card.js';
import {
  citationText,
  contextLabel,
  distinctCitations,
  modelElement,
  statusWords,
} from '../components/model/model-labels.js';
import { ConfidenceMark, StatusBadge } from '../components/model/status-badge.js';
import { PageTitle } from '../components/page-title.js';
import { StatusMessage } from '../components/status-message.js';
import { useCollaboration } from '../collaboration-context.js';
import { useResource } from '../hooks/use-resource.js';
import { markInteractive } from '../interactive.js';
import { formatDate, plural } from '../labels.js';
import '../styles/dashboard.css';

/** One element of the model: what it is, its indicators and their evidence, the literature. */
export function ElementPage() {
  const { id, can, revision } = useCollaboration();
  const { elementId = '' } = useParams<{ elementId?: string }>();
  const [params] = useSearchParams();
  const wave = params.get('wave');
  // The summary is the cached, light diagnosis: every indicator, with long lists cut short.
  const diagnosis = useResource(
    (signal) => fetchDiagnosisSummary(id, wave, signal),
    [id, wave, revision],
  );
  const readsRecords = can('record.read');
  const names = useResource(
    (signal) =>
      readsRecords ? fetchNames(id, signal) : Promise.resolve(new Map<string, string>()),
    [id, readsRecords, revision],
  );
  const back = `/c/${seg(id)}${waveQuery(wave)}`;
  // Names come beside the diagnosis; wait for them (unless they fail) so ids never flash.
  const namesSettled = names.kind !== 'loading';
  const ready = diagnosis.kind === 'ready' && namesSettled;
  useEffect(() => {
    if (ready) markInteractive();
  }, [ready]);

  const backLink = (
    <p className="element-back">
      <Link href={back}>Back to the diagnosis</Link>
    </p>
  );
  const fallbackTitle = modelElement(elementId)?.name ?? 'Element';
  if (diagnosis.kind === 'loading' || (diagnosis.kind === 'ready' && !namesSettled))
    return (
      <>
        {backLink}
        <PageTitle title={fallbackTitle} />
        <StatusMessage kind="loading">
          <p>Loading the element&rsquo;s evidence…</p>
        </StatusMessage>
      </>
    );
  if (diagnosis.kind === 'error')
    return (
      <>
        {backLink}
        <PageTitle title={fallbackTitle} />
        <StatusMessage kind="error">
          <p className="status__title">The diagnosis could not be loaded.</p>
          <p className="status__detail">{diagnosis.error.message}</p>
          <button type="button" className="button" onClick={diagnosis.reload}>
            Try again
          </button>
        </StatusMessage>
      </>
    );
  const element = diagnosis.data.elements.find((e) => e.id === elementId);
  if (!element)
    return (
      <>
        {backLink}
        <PageTitle title="Element not found" />
        <StatusMessage kind="error">
          <p className="status__title">
            The model has no element called &ldquo;{elementId}&rdquo;.
          </p>
          <p className="status__detail">Choose an element from the diagnosis.</p>
        </StatusMessage>
      </>
    );
  return (
    <>
      {backLink}
      <ElementView
        diagnosis={diagnosis.data}
        element={element}
        names={names.kind === 'ready' ? names.data : null}
      />
    </>
  );
}

function ElementView({
  diagnosis,
  element,
  names,
}: {
  diagnosis: DiagnosisSummary;
  element: SummaryElement;
  names: ReadonlyMap<string, string> | null;
}) {
  const model = modelElement(element.id);
  const nameOf = useNameLookup(diagnosis, names);
  const literature = distinctCitations([
    model?.citations ?? [],
    ...element.indicators.map((i) => i.basis),
  ]);
  const asOf = formatDate(diagnosis.asOf) ?? diagnosis.asOf;
  return (
    <>
      <PageTitle title={element.name}>
        <p className="element-context">{contextLabel(element.id, element.context)}</p>
      </PageTitle>

      <div className="element-summary card">
        <dl className="element-summary__facts">
          <div>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={element.status} />
            </dd>
          </div>
          <div>
            <dt>Score</dt>
            <dd>{element.score === null ? 'No score' : `${element.score} of 100`}</dd>
          </div>
          <div>
            <dt>Confidence</dt>
            <dd>
              <ConfidenceMark level={element.confidence.level} />
            </dd>
          </div>
        </dl>
        <p className="muted">
          As of <time dateTime={diagnosis.asOf}>{asOf}</time>
          {diagnosis.wave
            ? `; survey figures from ${diagnosis.wave.name}, ${plural(diagnosis.wave.respondents, 'respondent', 'respondents')}.`
            : '; no survey answers yet.'}
        </p>
      </div>

      {model && (
        <section className="element-section" aria-labelledby="about-heading">
          <h2 id="about-heading">About this element</h2>
          <p>{model.description}</p>
        </section>
      )}

      <section className="element-section" aria-labelledby="confidence-heading">
        <h2 id="confidence-heading">Why the confidence is {element.confidence.level}</h2>
        <ul>
          {element.confidence.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      </section>

      <section className="element-section" aria-labelledby="element-actions-heading">
        <h2 id="element-actions-heading">Suggested actions</h2>
        <ActionList actions={element.actions} />
      </section>

      <section className="element-section" aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">Indicators</h2>
        <p className="muted">
          The element is at {statusWords(element.status)}: the most severe status among its
          indicators that judge, on enough evidence.
        </p>
        <div className="indicator-list">
          {element.indicators.map((indicator) => (
            <IndicatorCard key={indicator.id} indicator={indicator} nameOf={nameOf} />
          ))}
        </div>
      </section>

      <section className="element-section" aria-labelledby="quotes-heading">
        <h2 id="quotes-heading">What people said</h2>
        <QuoteList
          quotes={element.quotes}
          total={element.quotesTotal ?? element.quotes.length}
          removed={diagnosis.confidential?.quotesRemoved ?? 0}
        />
      </section>

      <section className="element-section" aria-labelledby="literature-heading">
        <h2 id="literature-heading">Literature</h2>
        {literature.length === 0 ? (
          <p className="muted">No citations recorded for this element.</p>
        ) : (
          <ul className="literature-list">
            {literature.map((c) => (
              <li key={`${c.authors}|${c.year}`}>{citationText(c)}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** Coded interview and meeting passages, with their source and the speaker's label. */
function QuoteList({
  quotes,
  total,
  removed,
}: {
  quotes: readonly CodedQuote[];
  total: number;
  removed: number;
}) {
  return (
    <>
      {quotes.length === 0 ? (
        <p className="muted">No coded passage speaks about this element yet.</p>
      ) : (
        <ul className="coded-quote-list">
          {quotes.map((quote) => (
            <li key={quote.codingId}>
              <figure className="coded-quote">
                <blockquote>
                  <p>{quote.text}</p>
                </blockquote>
                <figcaption>
                  {quote.speaker ?? 'Unnamed speaker'}, in &ldquo;{quote.sourceTitle}&rdquo;
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
      {total > quotes.length && (
        <p className="muted">
          The first {quotes.length} of {total} coded passages about this element are shown.
        </p>
      )}
      {removed > 0 && (
        <p className="muted">
          {plural(removed, 'coded passage', 'coded passages')} in this diagnosis{' '}
          {removed === 1 ? 'comes' : 'come'} from sources confidential to another agency and{' '}
          {removed === 1 ? 'is' : 'are'} not shown.
        </p>
      )}
    </>
  );
}

/** Names of members and agencies (when the user may read them) and of the wave, by id. */
function useNameLookup(
  diagnosis: DiagnosisSummary,
  names: ReadonlyMap<string, string> | null,
): NameLookup {
  return useMemo(() => {
    const wave = diagnosis.wave;
    return (id: string) => (wave?.id === id ? wave.name : names?.get(id));
  }, [diagnosis.wave, names]);
}
