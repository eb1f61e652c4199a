import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError, ConnectionError, SignedOutError } from '../api/http.js';
import { importCollaboration } from '../api/records.js';
import { PageTitle } from '../components/page-title.js';
import { bodyFrom, emptyDraft, type Draft } from '../components/record/draft.js';
import { ConnectionNotice, RefusedNotice } from '../components/record/form-notices.js';
import { ImportForm } from '../components/record/import-form.js';
import {
  fieldPlaces,
  issuesByField,
  placeIssues,
  type PlacedIssue,
} from '../components/record/issues.js';
import { HEADER_FIELDS, type FieldTable } from '../components/record/record-fields.js';
import { RecordForm } from '../components/record/record-form.js';
import { refOptions } from '../components/record/ref-options.js';
import { markInteractive } from '../interactive.js';
import { currentWorkspace, useSession } from '../session.js';
import '../styles/record.css';

/** The header fields asked when starting from nothing: no members exist yet to lead it. */
const START_FIELDS: FieldTable = Object.fromEntries(
  Object.entries(HEADER_FIELDS).filter(
    ([key]) => key !== 'leadMemberId' && key !== 'outcomeFrameworkId',
  ),
);

/** The document's id: readable, from the name, and unique enough to import twice. */
function documentId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  const suffix = Math.random().toString(36).slice(2, 8);
  return `${slug || 'collaboration'}-${suffix}`;
}

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'connection'; readonly message: string }
  | { readonly kind: 'refused'; readonly message: string };

function StartForm({
  workspace,
  onCreated,
}: {
  workspace: string;
  onCreated: (id: string) => void;
}) {
  const { signedOut } = useSession();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(START_FIELDS));
  const [issues, setIssues] = useState<readonly PlacedIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const places = useMemo(() => fieldPlaces(START_FIELDS, draft), [draft]);
  const errors = useMemo(() => issuesByField(issues), [issues]);
  const refs = useMemo(() => refOptions({ collections: {} }), []);

  const save = async () => {
    setStatus({ kind: 'saving' });
    const header = bodyFrom(START_FIELDS, draft);
    const name = typeof header.name === 'string' ? header.name : '';
    try {
      onCreated(
        await importCollaboration(workspace, {
          schemaVersion: 1,
          collaboration: {
            id: documentId(name),
            ...header,
            leadMemberId: null,
            outcomeFrameworkId: 'ecm',
          },
        }),
      );
    } catch (error) {
      if (error instanceof SignedOutError) return signedOut();
      if (error instanceof ConnectionError)
        return setStatus({ kind: 'connection', message: error.message });
      if (error instanceof ApiError && error.issues.length > 0) {
        setIssues(placeIssues(error.issues, /^collaboration/, places));
        setAttempt((n) => n + 1);
        return setStatus({ kind: 'idle' });
      }
      setStatus({
        kind: 'refused',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };
  const submit = () => void save();

  return (
    <RecordForm
      formId="new-collaboration"
      heading="Start from nothing"
      intro={
        <p className="muted">
          Describe the collaboration; you will then add its agencies, professions, members and
          goals.
        </p>
      }
      fields={START_FIELDS}
      draft={draft}
      onDraft={setDraft}
      issues={issues}
      attempt={attempt}
      errors={errors}
      ctx={{ refs }}
      busy={status.kind === 'saving'}
      submitLabel="Create the collaboration"
      onSubmit={submit}
      focusOnOpen={false}
      notices={
        status.kind === 'connection' ? (
          <ConnectionNotice message={status.message} onRetry={submit} />
        ) : status.kind === 'refused' ? (
          <RefusedNotice message={status.message} />
        ) : null
      }
    />
  );
}

/** A new collaboration: described from nothing through a form, or imported from a file. */
export function NewCollaborationPage() {
  const { me } = useSession();
  const [, navigate] = useLocation();
  const workspace = currentWorkspace(me);
  const membership = me.memberships.find((m) => m.workspace.slug === workspace);
  const allowed = membership?.role === 'owner' || membership?.role === 'facilitator';
  useEffect(() => markInteractive(), []);
  const open = (id: string) => navigate(`/c/${encodeURIComponent(id)}/record`);

  if (!workspace || !membership || !allowed)
    return (
      <PageTitle title="New collaboration">
        <p>
          Your role in this workspace does not allow creating collaborations; owners and
          facilitators can. <Link href="/">Back to the collaborations</Link>.
        </p>
      </PageTitle>
    );
  return (
    <>
      <PageTitle title="New collaboration">
        <p className="rec-lead">
          {me.memberships.length > 1 ? (
            <>
              In the workspace <strong>{membership.workspace.name}</strong>.{' '}
            </>
          ) : null}
          Start from nothing, or import a collaboration document.
        </p>
      </PageTitle>
      <nav aria-label="Ways to start" className="rec-jump">
        <ul>
          <li>
            <a href="#new-collaboration-title">Start from nothing</a>
          </li>
          <li>
            <a href="#import-title">Import a file</a>
          </li>
        </ul>
      </nav>
      <div className="card record-editor">
        <StartForm workspace={workspace} onCreated={open} />
      </div>
      <section className="card record-editor" aria-labelledby="import-title">
        <h2 id="import-title" tabIndex={-1}>
          Import a file
        </h2>
        <ImportForm workspace={workspace} onImported={open} />
      </section>
    </>
  );
}
