import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import {
  deleteSource,
  fetchCodebook,
  fetchSources,
  sourceKindLabel,
  type SourceSummary,
} from '../../api/qualitative.js';
import { useResource } from '../../hooks/use-resource.js';
import { markInteractive } from '../../interactive.js';
import { formatDate, plural } from '../../labels.js';
import { StatusMessage } from '../status-message.js';
import {
  AgreementView,
  CooccurrenceView,
  ExchangeView,
  FrameworkMatrixView,
} from './analysis-views.js';
import { CodebookManager } from './codebook-manager.js';
import { SourceImport } from './source-import.js';
import { EvidenceDialog } from './use-action.js';

/** One source in the list: its title (a link to code it), kind, date, speakers and codings. */
function SourceItem({
  collaborationId,
  source,
  canWrite,
  onDelete,
}: {
  readonly collaborationId: string;
  readonly source: SourceSummary;
  readonly canWrite: boolean;
  readonly onDelete: (source: SourceSummary) => void;
}) {
  const date = source.date ? formatDate(source.date) : null;
  return (
    <li className="ev-source-item">
      <h3 className="ev-source-item__title">
        <Link
          href={`/c/${encodeURIComponent(collaborationId)}/evidence/${encodeURIComponent(source.id)}`}
        >
          {source.title}
        </Link>
      </h3>
      <p className="ev-source-item__meta">
        {sourceKindLabel(source.kind)}
        {date ? `, ${date}` : ''}
        {source.speakers.length > 0
          ? ` · ${plural(source.speakers.length, 'speaker', 'speakers')}: ${source.speakers.join(', ')}`
          : ''}
      </p>
      <p className="ev-source-item__meta">
        {plural(source.codings, 'coded passage', 'coded passages')}
        {source.coders > 0 ? ` by ${plural(source.coders, 'coder', 'coders')}` : ''}
        {source.confidentialTo ? ' · confidential to one agency' : ''}
      </p>
      {canWrite && (
        <button
          type="button"
          className="button button--quiet ev-button--small"
          onClick={() => onDelete(source)}
        >
          Delete<span className="visually-hidden"> “{source.title}”</span>
        </button>
      )}
    </li>
  );
}

/**
 * The evidence of a collaboration at a glance: its sources (and adding more), the codebook,
 * the framework matrix, inter-coder agreement, code co-occurrence and REFI-QDA export.
 */
export function EvidenceOverview({
  collaborationId,
  canWrite,
  revision,
  changed,
}: {
  readonly collaborationId: string;
  readonly canWrite: boolean;
  readonly revision: number;
  readonly changed: () => void;
}) {
  const sources = useResource(
    (signal) => fetchSources(collaborationId, signal),
    [collaborationId, revision],
  );
  const codebook = useResource(
    (signal) => fetchCodebook(collaborationId, signal),
    [collaborationId, revision],
  );
  const [deleting, setDeleting] = useState<SourceSummary | null>(null);

  useEffect(() => {
    if (sources.kind !== 'loading' && codebook.kind !== 'loading') markInteractive();
  }, [sources.kind, codebook.kind]);

  const sections = [
    ['sources', 'Sources'],
    ['codebook', 'Codebook'],
    ['matrix', 'Framework matrix'],
    ['agreement', 'Agreement between coders'],
    ['cooccurrence', 'Codes that overlap'],
    ['exchange', 'Export for other QDA tools'],
  ] as const;

  return (
    <>
      <p className="ev-lead">
        Interviews, focus groups and observation notes, coded to the model’s elements and your own
        codes. Coded passages count as evidence for their element in the diagnosis.
      </p>
      <nav className="ev-contents" aria-label="On this page">
        <ul>
          {sections.map(([key, label]) => (
            <li key={key}>
              <a href={`#evidence-${key}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section className="ev-section" aria-labelledby={`evidence-sources`}>
        <h2 id={`evidence-sources`}>Sources</h2>
        {sources.kind === 'loading' && (
          <StatusMessage kind="loading">
            <p>Loading the sources…</p>
          </StatusMessage>
        )}
        {sources.kind === 'error' && (
          <StatusMessage kind="error">
            <p className="status__title">The sources could not be loaded.</p>
            <p className="status__detail">{sources.error.message}</p>
            <button type="button" className="button" onClick={sources.reload}>
              Try again
            </button>
          </StatusMessage>
        )}
        {sources.kind === 'ready' && (
          <>
            {sources.data.sources.length === 0 ? (
              <p className="muted">No sources yet{canWrite ? ': add a transcript below.' : '.'}</p>
            ) : (
              <ul className="ev-source-list">
                {sources.data.sources.map((s) => (
                  <SourceItem
                    key={s.id}
                    collaborationId={collaborationId}
                    source={s}
                    canWrite={canWrite}
                    onDelete={setDeleting}
                  />
                ))}
              </ul>
            )}
            {sources.data.hidden > 0 && (
              <p className="muted">
                {plural(sources.data.hidden, 'source is', 'sources are')} confidential to another
                agency and not shown.
              </p>
            )}
          </>
        )}
        {canWrite && (
          <SourceImport collaborationId={collaborationId} onImported={() => changed()} />
        )}
      </section>

      <section className="ev-section" aria-labelledby={`evidence-codebook`}>
        <h2 id={`evidence-codebook`}>Codebook</h2>
        <p className="muted">
          The model’s elements are the base codebook, grouped by context; add your own codes under
          them or at the top level. Counts are coded passages.
        </p>
        {codebook.kind === 'loading' && (
          <StatusMessage kind="loading">
            <p>Loading the codebook…</p>
          </StatusMessage>
        )}
        {codebook.kind === 'error' && (
          <StatusMessage kind="error">
            <p className="status__title">The codebook could not be loaded.</p>
            <p className="status__detail">{codebook.error.message}</p>
          </StatusMessage>
        )}
        {codebook.kind === 'ready' && (
          <CodebookManager
            collaborationId={collaborationId}
            codebook={codebook.data}
            canWrite={canWrite}
            onChanged={changed}
          />
        )}
      </section>

      <section className="ev-section" aria-labelledby={`evidence-matrix`}>
        <h2 id={`evidence-matrix`}>Framework matrix</h2>
        <FrameworkMatrixView collaborationId={collaborationId} revision={revision} />
      </section>

      <section className="ev-section" aria-labelledby={`evidence-agreement`}>
        <h2 id={`evidence-agreement`}>Agreement between coders</h2>
        <AgreementView collaborationId={collaborationId} revision={revision} />
      </section>

      <section className="ev-section" aria-labelledby={`evidence-cooccurrence`}>
        <h2 id={`evidence-cooccurrence`}>Codes that overlap</h2>
        <CooccurrenceView collaborationId={collaborationId} revision={revision} />
      </section>

      <section className="ev-section" aria-labelledby={`evidence-exchange`}>
        <h2 id={`evidence-exchange`}>Export for other QDA tools</h2>
        <ExchangeView collaborationId={collaborationId} />
      </section>

      {deleting && (
        <EvidenceDialog
          title={`Delete “${deleting.title}”?`}
          confirmLabel="Delete source"
          destructive
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await deleteSource(collaborationId, deleting.id, deleting.version);
            changed();
          }}
        >
          <p>
            Its text, its {plural(deleting.codings, 'coded passage', 'coded passages')} and the
            memos on them are deleted. The cases of its speakers stay.
          </p>
        </EvidenceDialog>
      )}
    </>
  );
}
