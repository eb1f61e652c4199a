import { useMemo, useState } from 'react';
import { ApiError, ConnectionError, SignedOutError } from '../../api/http.js';
import {
  createRecord,
  fetchRecord,
  replaceRecord,
  type EditableCollection,
  type StoredRecord,
} from '../../api/records.js';
import { useSession } from '../../session.js';
import type { Change } from './changes.js';
import { ConfidentialField } from './confidential-field.js';
import { bodyFrom, draftFrom, emptyDraft, type Draft } from './draft.js';
import { ConflictNotice, ConnectionNotice, RefusedNotice } from './form-notices.js';
import {
  fieldDomId,
  fieldPlaces,
  issuesByField,
  placeIssues,
  type FieldPlace,
  type PlacedIssue,
} from './issues.js';
import type { RecordRights } from './permissions.js';
import { COLLECTIONS, RECORD_FIELDS, type FieldTable, type Option } from './record-fields.js';
import { RecordForm } from './record-form.js';
import type { RefOptions } from './ref-options.js';

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'connection'; readonly message: string }
  | { readonly kind: 'conflict'; readonly current: StoredRecord }
  | { readonly kind: 'gone' }
  | { readonly kind: 'refused'; readonly message: string };

interface RecordEditorProps {
  readonly collaborationId: string;
  readonly collection: EditableCollection;
  /** The record to edit, or null to add one. */
  readonly record: StoredRecord | null;
  readonly refs: RefOptions;
  readonly rights: RecordRights;
  readonly onSaved: (change: Change) => void;
  readonly onCancel: () => void;
  readonly describePath: (path: string) => string;
}

const CONFIDENTIAL: FieldPlace = {
  path: 'confidentialTo',
  label: 'Confidential to',
  spec: { kind: 'ref', label: 'Confidential to', to: 'agencies', presence: 'optional' },
};

/** A member-role user's new records start with themselves where the record names its author. */
function startingDraft(
  collection: EditableCollection,
  fields: FieldTable,
  ownMemberId: string | null,
): Draft {
  const draft = emptyDraft(fields);
  if (ownMemberId === null) return draft;
  if (collection === 'roleClaims' || collection === 'caseEvents')
    return { ...draft, memberId: ownMemberId };
  if (collection === 'communications') return { ...draft, fromId: ownMemberId };
  if (collection === 'activities') return { ...draft, participantIds: [ownMemberId] };
  return draft;
}

/** Adds or edits one record: the form, the server's problems, conflicts and lost connections. */
export function RecordEditor({
  collaborationId,
  collection,
  record,
  refs,
  rights,
  onSaved,
  onCancel,
  describePath,
}: RecordEditorProps) {
  const session = useSession();
  const fields: FieldTable = RECORD_FIELDS[collection];
  const info = COLLECTIONS[collection];
  const formId = `record-${collection}`;
  const [draft, setDraft] = useState<Draft>(() =>
    record ? draftFrom(fields, record) : startingDraft(collection, fields, rights.ownMemberId),
  );
  const [confidentialTo, setConfidentialTo] = useState(record?.confidentialTo ?? '');
  /** The record as stored, which a save replaces (after a conflict: the other person's). */
  const [stored, setStored] = useState<StoredRecord | null>(record);
  const [mode, setMode] = useState<'create' | 'replace'>(record ? 'replace' : 'create');
  const [issues, setIssues] = useState<readonly PlacedIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const places = useMemo(() => [...fieldPlaces(fields, draft), CONFIDENTIAL], [fields, draft]);
  const errors = useMemo(() => issuesByField(issues), [issues]);
  const restrict = useMemo(() => {
    const own = rights.ownMemberId;
    if (own === null || (collection !== 'roleClaims' && collection !== 'members')) return undefined;
    const self: Option[] = [{ value: own, label: refs.nameOf('members', own) }];
    return new Map<string, readonly Option[]>(
      collection === 'roleClaims' ? [['memberId', self]] : [],
    );
  }, [collection, refs, rights.ownMemberId]);

  const body = () => ({
    ...bodyFrom(fields, draft),
    ...(confidentialTo === '' ? {} : { confidentialTo }),
  });

  const save = async () => {
    setStatus({ kind: 'saving' });
    try {
      if (mode === 'replace' && stored) {
        const after = await replaceRecord(collaborationId, collection, stored.id, {
          ...body(),
          id: stored.id,
          version: stored.version,
        });
        onSaved({ kind: 'updated', collection, before: stored, after });
      } else {
        const after = await createRecord(collaborationId, collection, {
          ...body(),
          // Added again after someone deleted it: it keeps its id, so references still hold.
          ...(record ? { id: record.id } : {}),
        });
        onSaved({ kind: 'created', collection, after });
      }
    } catch (error) {
      await refused(error);
    }
  };

  const refused = async (error: unknown) => {
    if (error instanceof SignedOutError) {
      session.signedOut();
      return;
    }
    if (error instanceof ConnectionError) {
      setStatus({ kind: 'connection', message: error.message });
      return;
    }
    if (!(error instanceof ApiError)) {
      setStatus({ kind: 'refused', message: String(error) });
      return;
    }
    if (mode === 'replace' && stored && (error.status === 409 || error.status === 404)) {
      if (error.status === 409 && error.message.includes('archived')) {
        setStatus({ kind: 'refused', message: error.message });
        return;
      }
      try {
        const current = await fetchRecord(collaborationId, collection, stored.id);
        setStored(current);
        setIssues([]);
        setStatus({ kind: 'conflict', current });
      } catch (again) {
        if (again instanceof ApiError && again.status === 404) setStatus({ kind: 'gone' });
        else await refused(again);
      }
      return;
    }
    if (error.issues.length > 0) {
      const prefix = new RegExp(`^${collection}\\[\\d+\\]`);
      setIssues(placeIssues(error.issues, prefix, places));
      setAttempt((n) => n + 1);
      setStatus({ kind: 'idle' });
      return;
    }
    setStatus({ kind: 'refused', message: error.message });
  };

  const submit = () => void save();
  const agencies = refs.choices('agencies') ?? [];
  const heading =
    mode === 'replace' && record
      ? `Edit ${info.one}: ${info.label(record, refs.nameOf) || record.id}`
      : info.addLabel;

  const notices = (() => {
    switch (status.kind) {
      case 'connection':
        return <ConnectionNotice message={status.message} onRetry={submit} />;
      case 'refused':
        return <RefusedNotice message={status.message} />;
      case 'gone':
        return (
          <div className="rec-notice rec-notice--warning" role="alert">
            <p className="rec-notice__title">Someone else deleted this {info.one}</p>
            <p>What you typed is still in the form. You can add it again as a new {info.one}.</p>
            <button
              type="button"
              className="button"
              onClick={() => {
                setMode('create');
                setStatus({ kind: 'idle' });
              }}
            >
              Add it again
            </button>
          </div>
        );
      case 'conflict': {
        const agencyName = (id: unknown) =>
          typeof id === 'string' && id !== '' ? refs.nameOf('agencies', id) : 'Not confidential';
        return (
          <ConflictNotice
            noun={info.one}
            fields={fields}
            theirs={status.current}
            yours={body()}
            refs={refs}
            extra={[
              {
                label: 'Confidential to',
                theirs: agencyName(status.current.confidentialTo),
                yours: agencyName(confidentialTo),
              },
            ]}
            onUseTheirs={() => {
              setDraft(draftFrom(fields, status.current));
              setConfidentialTo(status.current.confidentialTo ?? '');
              setStatus({ kind: 'idle' });
            }}
          />
        );
      }
      case 'idle':
      case 'saving':
        return null;
    }
  })();

  return (
    <RecordForm
      formId={formId}
      heading={heading}
      fields={fields}
      draft={draft}
      onDraft={setDraft}
      issues={issues}
      attempt={attempt}
      errors={errors}
      ctx={{ refs, ...(restrict ? { restrict } : {}) }}
      busy={status.kind === 'saving'}
      submitLabel={mode === 'replace' ? 'Save changes' : info.addLabel}
      onSubmit={submit}
      onCancel={onCancel}
      notices={notices}
      describePath={describePath}
      extra={
        <ConfidentialField
          id={fieldDomId(formId, 'confidentialTo')}
          noun={info.one}
          agencies={agencies}
          value={confidentialTo}
          onChange={setConfidentialTo}
          sees={rights.sees}
          errors={errors.get('confidentialTo') ?? []}
          disabled={false}
        />
      }
    />
  );
}
