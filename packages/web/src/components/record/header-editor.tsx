import type { Collaboration } from '@weframe/core';
import { useMemo, useState } from 'react';
import { ApiError, ConnectionError, SignedOutError } from '../../api/http.js';
import { fetchRecordDocument, updateHeader } from '../../api/records.js';
import { useSession } from '../../session.js';
import type { Change } from './changes.js';
import { bodyFrom, draftFrom, type Draft } from './draft.js';
import { ConflictNotice, ConnectionNotice, RefusedNotice } from './form-notices.js';
import { fieldPlaces, issuesByField, placeIssues, type PlacedIssue } from './issues.js';
import { HEADER_FIELDS, type FieldTable } from './record-fields.js';
import { RecordForm } from './record-form.js';
import type { RefOptions } from './ref-options.js';

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'connection'; readonly message: string }
  | { readonly kind: 'conflict'; readonly current: Collaboration }
  | { readonly kind: 'refused'; readonly message: string };

/** The collaboration's details (its header), edited with the version read. */
export function HeaderEditor({
  collaborationId,
  header,
  refs,
  onSaved,
  onCancel,
}: {
  readonly collaborationId: string;
  readonly header: Collaboration;
  readonly refs: RefOptions;
  readonly onSaved: (change: Change) => void;
  readonly onCancel: () => void;
}) {
  const session = useSession();
  const fields: FieldTable = HEADER_FIELDS;
  const [draft, setDraft] = useState<Draft>(() => draftFrom(fields, header));
  const [stored, setStored] = useState(header);
  const [issues, setIssues] = useState<readonly PlacedIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const places = useMemo(() => fieldPlaces(fields, draft), [fields, draft]);
  const errors = useMemo(() => issuesByField(issues), [issues]);

  const refused = async (error: unknown): Promise<void> => {
    if (error instanceof SignedOutError) return session.signedOut();
    if (error instanceof ConnectionError)
      return setStatus({ kind: 'connection', message: error.message });
    if (!(error instanceof ApiError)) return setStatus({ kind: 'refused', message: String(error) });
    if (error.status === 409 && !error.message.includes('archived')) {
      try {
        const current = (await fetchRecordDocument(collaborationId)).header;
        setStored(current);
        setIssues([]);
        return setStatus({ kind: 'conflict', current });
      } catch (again) {
        return refused(again);
      }
    }
    if (error.issues.length > 0) {
      setIssues(placeIssues(error.issues, /^collaboration/, places));
      setAttempt((n) => n + 1);
      return setStatus({ kind: 'idle' });
    }
    setStatus({ kind: 'refused', message: error.message });
  };

  const save = async () => {
    setStatus({ kind: 'saving' });
    try {
      const after = await updateHeader(collaborationId, {
        ...bodyFrom(fields, draft),
        version: stored.version,
      });
      onSaved({ kind: 'header', before: stored, after });
    } catch (error) {
      await refused(error);
    }
  };
  const submit = () => void save();

  const notices = (() => {
    switch (status.kind) {
      case 'connection':
        return <ConnectionNotice message={status.message} onRetry={submit} />;
      case 'refused':
        return <RefusedNotice message={status.message} />;
      case 'conflict':
        return (
          <ConflictNotice
            noun="collaboration"
            fields={fields}
            theirs={status.current}
            yours={bodyFrom(fields, draft)}
            refs={refs}
            onUseTheirs={() => {
              setDraft(draftFrom(fields, status.current));
              setStatus({ kind: 'idle' });
            }}
          />
        );
      case 'idle':
      case 'saving':
        return null;
    }
  })();

  return (
    <RecordForm
      formId="collaboration-details"
      heading="Edit the collaboration’s details"
      fields={fields}
      draft={draft}
      onDraft={setDraft}
      issues={issues}
      attempt={attempt}
      errors={errors}
      ctx={{ refs }}
      busy={status.kind === 'saving'}
      submitLabel="Save details"
      onSubmit={submit}
      onCancel={onCancel}
      notices={notices}
    />
  );
}
