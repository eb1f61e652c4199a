import type { Collaboration } from '@weframe/core';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'wouter';
import { ApiError, ConnectionError, SignedOutError, type ApiIssue } from '../api/http.js';
import {
  deleteRecord,
  EDITABLE_COLLECTIONS,
  fetchRecord,
  fetchRecordDocument,
  fetchRecords,
  fetchVisibleNames,
  isEditableCollection,
  type EditableCollection,
  type OutcomeFramework,
  type StoredRecord,
  type VisibleNames,
} from '../api/records.js';
import { PageTitle } from '../components/page-title.js';
import { ChangeNotice, type Notice } from '../components/record/change-notice.js';
import { undoChange, type Change } from '../components/record/changes.js';
import { changeText, pathText, undoneText } from '../components/record/describe.js';
import { displayValue } from '../components/record/display.js';
import { ExportButton } from '../components/record/export-button.js';
import { HeaderEditor } from '../components/record/header-editor.js';
import { recordRights, type RecordRights } from '../components/record/permissions.js';
import { RecordEditor } from '../components/record/record-editor.js';
import {
  COLLECTIONS,
  HEADER_FIELDS,
  RECORD_FIELDS,
  RECORD_GROUPS,
  refSourcesOf,
  type FieldTable,
} from '../components/record/record-fields.js';
import { RecordTable } from '../components/record/record-table.js';
import { collectionsFor, refOptions, type RefOptions } from '../components/record/ref-options.js';
import { StatusMessage } from '../components/status-message.js';
import { useCollaboration, type CollaborationContextValue } from '../collaboration-context.js';
import { useResource } from '../hooks/use-resource.js';
import { markInteractive } from '../interactive.js';
import { plural } from '../labels.js';
import { useSession } from '../session.js';
import '../styles/record.css';

type Records = Partial<Record<EditableCollection, readonly StoredRecord[]>>;

/** What a view of the record loaded: records, counts hidden from the user, names. */
interface Loaded {
  readonly header: Collaboration | null;
  readonly records: Records;
  readonly outcomeFrameworks: readonly OutcomeFramework[];
  readonly visible?: VisibleNames;
  /** Records hidden from the user: per collection when listed one by one, else in total. */
  readonly hidden: Partial<Record<EditableCollection, number>>;
  readonly hiddenTotal: number;
}

/** Reports a change (with the names to describe it) to the page, which offers the undo. */
type OnChange = (change: Change, refs: RefOptions) => void;

/** Per collection: nothing hidden (the document said so). */
const noneHidden = (): Partial<Record<EditableCollection, number>> =>
  Object.fromEntries(EDITABLE_COLLECTIONS.map((c) => [c, 0]));

/** A member-role user reads names of colleagues through the diagnosis. */
async function visibleNames(
  collab: CollaborationContextValue,
  rights: RecordRights,
  signal: AbortSignal,
): Promise<VisibleNames | undefined> {
  if (rights.readsAll || !collab.can('diagnosis.read')) return undefined;
  try {
    return await fetchVisibleNames(collab.id, signal);
  } catch (error) {
    if (signal.aborted) throw error;
    return undefined;
  }
}

async function loadLists(
  collab: CollaborationContextValue,
  collections: Iterable<EditableCollection>,
  signal: AbortSignal,
) {
  const lists = await Promise.all(
    [...collections].map(async (c) => [c, await fetchRecords(collab.id, c, signal)] as const),
  );
  return {
    records: Object.fromEntries(lists.map(([c, l]) => [c, l.records])) as Records,
    hidden: Object.fromEntries(lists.map(([c, l]) => [c, l.hidden])) as Partial<
      Record<EditableCollection, number>
    >,
  };
}

/** The whole record for the overview: the document, or a member's own lists. */
async function loadOverview(
  collab: CollaborationContextValue,
  rights: RecordRights,
  signal: AbortSignal,
): Promise<Loaded> {
  if (collab.can('collaboration.read')) {
    const doc = await fetchRecordDocument(collab.id, signal);
    return {
      header: doc.header,
      records: doc.collections,
      outcomeFrameworks: doc.outcomeFrameworks,
      hidden: doc.hidden === 0 ? noneHidden() : {},
      hiddenTotal: doc.hidden,
    };
  }
  const [lists, visible] = await Promise.all([
    loadLists(collab, rights.collections(EDITABLE_COLLECTIONS), signal),
    visibleNames(collab, rights, signal),
  ]);
  return {
    header: null,
    records: lists.records,
    outcomeFrameworks: [],
    ...(visible ? { visible } : {}),
    hidden: lists.hidden,
    hiddenTotal: Object.values(lists.hidden).reduce((a, b) => a + b, 0),
  };
}

/**
 * One collection and what its form refers to: other collections' lists (the whole document
 * only when goals need the outcome frameworks), names from the diagnosis for members.
 */
async function loadCollection(
  collab: CollaborationContextValue,
  rights: RecordRights,
  collection: EditableCollection,
  signal: AbortSignal,
): Promise<Loaded> {
  const sources = refSourcesOf(RECORD_FIELDS[collection]);
  sources.add('agencies');
  const needsDoc =
    (sources.has('outcomes') || sources.has('outcomeFrameworks')) &&
    collab.can('collaboration.read');
  const others = [...collectionsFor(sources)].filter(
    (c) => c !== collection && (rights.readsAll || rights.collections([c]).length > 0),
  );
  const [own, doc, lists, visible] = await Promise.all([
    fetchRecords(collab.id, collection, signal),
    needsDoc ? fetchRecordDocument(collab.id, signal) : null,
    needsDoc ? null : loadLists(collab, others, signal),
    visibleNames(collab, rights, signal),
  ]);
  const records: Records = { ...(doc?.collections ?? lists?.records), [collection]: own.records };
  return {
    header: doc?.header ?? null,
    records,
    outcomeFrameworks: doc?.outcomeFrameworks ?? [],
    ...(visible ? { visible } : {}),
    hidden: {
      ...(doc?.hidden === 0 ? noneHidden() : {}),
      ...lists?.hidden,
      [collection]: own.hidden,
    },
    hiddenTotal: own.hidden,
  };
}

function refsOf(data: Loaded): RefOptions {
  return refOptions({
    collections: data.records,
    outcomeFrameworks: data.outcomeFrameworks,
    ...(data.visible ? { visible: data.visible } : {}),
  });
}

function describer(data: Loaded, refs: RefOptions) {
  return (path: string) => pathText(path, data.records, refs, (c) => data.hidden[c] === 0);
}

function hiddenText(count: number): string {
  return `${plural(count, 'record', 'records')} here ${count === 1 ? 'is' : 'are'} confidential to an agency you do not belong to, so ${count === 1 ? 'it is' : 'they are'} not shown.`;
}

/** The collaboration record: an overview of every collection, or one collection's table and forms. */
export function RecordPage() {
  const params = useParams<{ collection?: string }>();
  const collab = useCollaboration();
  const { me, signedOut } = useSession();
  const rights = useMemo(
    () => recordRights(collab.access, me.user.id),
    [collab.access, me.user.id],
  );
  const [notice, setNotice] = useState<Notice | null>(null);
  const [undoing, setUndoing] = useState(false);
  const serial = useRef(0);
  const lastRefs = useRef<RefOptions | null>(null);
  const describePath = useRef<(path: string) => string>((path) => path);

  const announce = useCallback((next: Omit<Notice, 'serial'>) => {
    serial.current += 1;
    setNotice({ ...next, serial: serial.current });
  }, []);

  const undoable = useCallback(
    (change: Change): boolean => {
      switch (change.kind) {
        case 'created':
          return (
            rights.sees(change.after.confidentialTo) &&
            rights.canDelete(change.collection, change.after)
          );
        case 'updated':
          return (
            rights.sees(change.after.confidentialTo) &&
            rights.canEdit(change.collection, change.after)
          );
        case 'deleted':
          return rights.canAdd(change.collection);
        case 'header':
          return true;
      }
    },
    [rights],
  );

  const onChange: OnChange = useCallback(
    (change, refs) => {
      lastRefs.current = refs;
      collab.changed();
      const after = change.kind === 'created' || change.kind === 'updated' ? change.after : null;
      const hidden =
        after?.confidentialTo && !rights.sees(after.confidentialTo)
          ? ` It is now confidential to ${refs.nameOf('agencies', after.confidentialTo)}, so it is no longer shown to you.`
          : '';
      announce({
        kind: 'success',
        text: `${changeText(change, refs)}${hidden}`,
        undo: undoable(change) ? change : null,
      });
    },
    [announce, collab, rights, undoable],
  );

  const undo = async () => {
    const change = notice?.undo;
    const refs = lastRefs.current;
    if (!change || !refs || undoing) return;
    setUndoing(true);
    try {
      await undoChange(collab.id, change);
      collab.changed();
      announce({ kind: 'success', text: undoneText(change, refs), undo: null });
    } catch (error) {
      if (error instanceof SignedOutError) return signedOut();
      const noun =
        change.kind === 'header' ? 'collaboration’s details' : COLLECTIONS[change.collection].one;
      if (error instanceof ConnectionError)
        announce({ kind: 'error', text: `Not undone. ${error.message}`, undo: change });
      else if (error instanceof ApiError && error.status === 409) {
        collab.changed();
        announce({
          kind: 'error',
          text: `Not undone: someone else has changed the ${noun} since. The page now shows it as it is stored.`,
          undo: null,
        });
      } else if (error instanceof ApiError && error.status === 404) {
        collab.changed();
        announce({
          kind: 'error',
          text: `Not undone: the ${noun} is no longer there; someone else may have deleted it.`,
          undo: null,
        });
      } else if (error instanceof ApiError && error.issues.length > 0) {
        announce({
          kind: 'error',
          text: 'Not undone: taking the change back would leave these problems in the record.',
          details: error.issues.map((i) => `${describePath.current(i.path)}: ${i.message}`),
          undo: null,
        });
      } else
        announce({
          kind: 'error',
          text: `Not undone: ${error instanceof Error ? error.message : String(error)}`,
          undo: null,
        });
    } finally {
      setUndoing(false);
    }
  };

  const noticeView = notice && (
    <ChangeNotice
      notice={notice}
      busy={undoing}
      onUndo={() => void undo()}
      onDismiss={() => setNotice(null)}
    />
  );
  const setDescriber = useCallback((fn: (path: string) => string) => {
    describePath.current = fn;
  }, []);

  const collection = params.collection;
  if (collection === undefined)
    return (
      <RecordOverview
        rights={rights}
        notice={noticeView}
        onChange={onChange}
        setDescriber={setDescriber}
      />
    );
  if (!isEditableCollection(collection) || rights.collections([collection]).length === 0)
    return (
      <PageTitle title="Not part of the record">
        <p>
          There is no such part of the record.{' '}
          <Link href={`/c/${encodeURIComponent(collab.id)}/record`}>See the whole record</Link>.
        </p>
      </PageTitle>
    );
  return (
    <CollectionView
      key={collection}
      collection={collection}
      rights={rights}
      notice={noticeView}
      onChange={onChange}
      setDescriber={setDescriber}
    />
  );
}

interface ViewProps {
  readonly rights: RecordRights;
  readonly notice: ReactNode;
  readonly onChange: OnChange;
  readonly setDescriber: (fn: (path: string) => string) => void;
}

function LoadError({ error, reload }: { readonly error: Error; readonly reload: () => void }) {
  return (
    <StatusMessage kind="error">
      <p className="status__title">The record could not be loaded.</p>
      <p className="status__detail">{error.message}</p>
      <button type="button" className="button" onClick={reload}>
        Try again
      </button>
    </StatusMessage>
  );
}

function RecordOverview({ rights, notice, onChange, setDescriber }: ViewProps) {
  const collab = useCollaboration();
  const base = `/c/${encodeURIComponent(collab.id)}/record`;
  const data = useResource(
    (signal) => loadOverview(collab, rights, signal),
    [collab.id, collab.revision, rights],
  );
  const [editing, setEditing] = useState(false);
  const ready = data.kind === 'ready' ? data.data : null;
  const refs = useMemo(() => (ready ? refsOf(ready) : null), [ready]);
  useEffect(() => {
    if (ready && refs) {
      setDescriber(describer(ready, refs));
      markInteractive();
    }
  }, [ready, refs, setDescriber]);

  const name = ready?.header?.name;
  return (
    <>
      <PageTitle title="Record">
        <p className="rec-lead">
          {name ? (
            <>
              Everything recorded about <strong>{name}</strong>, grouped by the parts of the model
              it informs.
            </>
          ) : (
            'Everything recorded about this collaboration, grouped by the parts of the model it informs.'
          )}
        </p>
      </PageTitle>
      {notice}
      {data.kind === 'loading' && (
        <StatusMessage kind="loading">
          <p>Loading the record…</p>
        </StatusMessage>
      )}
      {data.kind === 'error' && <LoadError error={data.error} reload={data.reload} />}
      {ready && refs && (
        <>
          <div className="toolbar">
            {collab.can('collaboration.export') && (
              <ExportButton
                collaborationId={collab.id}
                fileName={`${ready.header?.id ?? 'collaboration'}.weframe.json`}
              />
            )}
            {collab.can('collaboration.create') && (
              <Link href="/new" className="button button--quiet">
                Import another collaboration
              </Link>
            )}
          </div>
          {ready.hiddenTotal > 0 && (
            <p className="rec-notice rec-notice--info">{hiddenText(ready.hiddenTotal)}</p>
          )}
          {!rights.readsAll && (
            <p className="rec-notice rec-notice--info">
              As a member you see and change your own profile and role claims, and the activities,
              communications and case events you recorded.
            </p>
          )}
          {ready.header && (
            <section className="record-section card" aria-labelledby="details-title">
              {editing ? (
                <HeaderEditor
                  collaborationId={collab.id}
                  header={ready.header}
                  refs={refs}
                  onCancel={() => setEditing(false)}
                  onSaved={(change) => {
                    setEditing(false);
                    onChange(change, refs);
                  }}
                />
              ) : (
                <>
                  <div className="record-section__head">
                    <h2 id="details-title">Collaboration details</h2>
                    {rights.canEditHeader && (
                      <button type="button" className="button" onClick={() => setEditing(true)}>
                        Edit details
                      </button>
                    )}
                  </div>
                  <HeaderFacts header={ready.header} refs={refs} />
                </>
              )}
            </section>
          )}
          {EDITABLE_COLLECTIONS.every((c) => (ready.records[c]?.length ?? 0) === 0) &&
            rights.canAdd('agencies') && (
              <p className="rec-notice rec-notice--info">
                Nothing is recorded yet. Start with the{' '}
                <Link href={`${base}/agencies`}>agencies</Link>, then the{' '}
                <Link href={`${base}/professions`}>professions</Link> and the{' '}
                <Link href={`${base}/members`}>members</Link>; goals, roles and joint work come
                after.
              </p>
            )}
          {RECORD_GROUPS.map((group) => {
            const collections = rights.collections(group.collections);
            if (collections.length === 0) return null;
            return (
              <section
                key={group.id}
                className="record-section"
                aria-labelledby={`group-${group.id}`}
              >
                <h2 id={`group-${group.id}`}>{group.title}</h2>
                <p className="muted">{group.description}</p>
                <ul className="rec-collections">
                  {collections.map((c) => {
                    const count = ready.records[c]?.length ?? 0;
                    return (
                      <li key={c} className="rec-collections__item">
                        <Link href={`${base}/${c}`} className="rec-collections__link">
                          {COLLECTIONS[c].title}
                        </Link>
                        <span className="rec-collections__count">
                          {plural(count, 'record', 'records')}
                        </span>
                        <span className="rec-collections__description">
                          {COLLECTIONS[c].description}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </>
  );
}

function HeaderFacts({
  header,
  refs,
}: {
  readonly header: Collaboration;
  readonly refs: RefOptions;
}) {
  const fields: FieldTable = HEADER_FIELDS;
  const values = header as unknown as Record<string, unknown>;
  return (
    <dl className="facts record-facts">
      {Object.entries(fields).map(([key, spec]) => (
        <div className="facts__item" key={key}>
          <dt>{spec.label}</dt>
          <dd>{displayValue(spec, values[key], refs)}</dd>
        </div>
      ))}
    </dl>
  );
}

type Editing = { readonly mode: 'add' } | { readonly mode: 'edit'; readonly record: StoredRecord };

type DeleteProblem = {
  readonly serial: number;
  readonly title: string;
  readonly lines: readonly string[];
  readonly retry: StoredRecord | null;
};

function CollectionView({
  collection,
  rights,
  notice,
  onChange,
  setDescriber,
}: ViewProps & { readonly collection: EditableCollection }) {
  const collab = useCollaboration();
  const { signedOut } = useSession();
  const info = COLLECTIONS[collection];
  const base = `/c/${encodeURIComponent(collab.id)}/record`;
  const group = RECORD_GROUPS.find((g) => g.collections.includes(collection));
  const data = useResource(
    (signal) => loadCollection(collab, rights, collection, signal),
    [collab.id, collection, collab.revision, rights],
  );
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const [problem, setProblem] = useState<DeleteProblem | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const ready = data.kind === 'ready' ? data.data : null;
  const refs = useMemo(() => (ready ? refsOf(ready) : null), [ready]);
  const describePath = useMemo(
    () => (ready && refs ? describer(ready, refs) : (path: string) => path),
    [ready, refs],
  );
  useEffect(() => {
    if (ready) {
      setDescriber(describePath);
      markInteractive();
    }
  }, [ready, describePath, setDescriber]);
  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  const records = ready?.records[collection] ?? [];
  const hidden = ready?.hidden[collection] ?? 0;

  const remove = async (record: StoredRecord) => {
    if (!refs || deleting) return;
    setDeleting(record.id);
    setProblem(null);
    const fail = (
      title: string,
      lines: readonly string[] = [],
      retry: StoredRecord | null = null,
    ) => setProblem({ serial: Date.now(), title, lines, retry });
    try {
      await deleteRecord(collab.id, collection, record.id, record.version);
      if (editing?.mode === 'edit' && editing.record.id === record.id) setEditing(null);
      onChange({ kind: 'deleted', collection, before: record }, refs);
    } catch (error) {
      if (error instanceof SignedOutError) return signedOut();
      if (error instanceof ConnectionError)
        fail('Not deleted: the server could not be reached.', [error.message], record);
      else if (error instanceof ApiError && error.status === 409) {
        collab.changed();
        fail(
          `Not deleted: someone else changed this ${info.one} after the list was loaded. The list now shows it as it is stored; check it, then delete it again if you still want to.`,
        );
      } else if (error instanceof ApiError && error.status === 404) {
        collab.changed();
        fail(`Not deleted: this ${info.one} is no longer there; someone else may have deleted it.`);
      } else if (error instanceof ApiError && error.issues.length > 0)
        fail(
          `Not deleted: other records still refer to this ${info.one}. Change or delete them first.`,
          await referrers(error.issues),
        );
      else fail(`Not deleted: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setDeleting(null);
    }
  };

  /**
   * The records a refused deletion names, in words: the collections they sit in are read so
   * each can be named ("Members › “Sam Lee” › Agency still refers to it").
   */
  const referrers = async (issues: readonly ApiIssue[]): Promise<string[]> => {
    let known = ready;
    const named = new Set(
      issues
        .map((i) => /^([A-Za-z]+)\[/.exec(i.path)?.[1] ?? '')
        .filter(isEditableCollection)
        .filter((c) => ready?.records[c] === undefined),
    );
    if (ready && rights.readsAll && named.size > 0) {
      try {
        const extra = await loadLists(collab, named, new AbortController().signal);
        known = {
          ...ready,
          records: { ...ready.records, ...extra.records },
          hidden: { ...ready.hidden, ...extra.hidden },
        };
      } catch {
        // Named by their place in the document instead.
      }
    }
    const describe = known ? describer(known, refsOf(known)) : (path: string) => path;
    return issues.map((i) =>
      i.code === 'unknown_reference'
        ? `${describe(i.path)} still refers to it`
        : `${describe(i.path)}: ${i.message}`,
    );
  };

  /** Edits start from the version stored now, not the one the list showed. */
  const openEditor = async (record: StoredRecord) => {
    if (opening) return;
    setOpening(record.id);
    setProblem(null);
    try {
      setEditing({ mode: 'edit', record: await fetchRecord(collab.id, collection, record.id) });
    } catch (error) {
      if (error instanceof SignedOutError) return signedOut();
      if (error instanceof ApiError && error.status === 404) {
        collab.changed();
        setProblem({
          serial: Date.now(),
          title: `This ${info.one} is no longer there; someone else may have deleted it.`,
          lines: [],
          retry: null,
        });
      } else
        setProblem({
          serial: Date.now(),
          title: `The ${info.one} could not be opened for editing.`,
          lines: [error instanceof Error ? error.message : String(error)],
          retry: null,
        });
    } finally {
      setOpening(null);
    }
  };

  const closeEditor = () => {
    setEditing(null);
    requestAnimationFrame(() => addRef.current?.focus());
  };

  return (
    <>
      <p className="rec-back">
        <Link href={base}>The whole record</Link>
        {group && <span className="muted"> › {group.title}</span>}
      </p>
      <PageTitle title={info.title}>
        <p className="rec-lead">{info.description}</p>
      </PageTitle>
      {notice}
      {data.kind === 'loading' && (
        <StatusMessage kind="loading">
          <p>Loading the {info.many}…</p>
        </StatusMessage>
      )}
      {data.kind === 'error' && <LoadError error={data.error} reload={data.reload} />}
      {ready && refs && (
        <>
          {hidden > 0 && <p className="rec-notice rec-notice--info">{hiddenText(hidden)}</p>}
          {problem && (
            <div
              className="rec-notice rec-notice--error"
              role="alert"
              tabIndex={-1}
              ref={problemRef}
              key={problem.serial}
            >
              <p className="rec-notice__title">{problem.title}</p>
              {problem.lines.length > 0 && (
                <ul className="rec-notice__details">
                  {problem.lines.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              )}
              {problem.retry && (
                <button
                  type="button"
                  className="button"
                  onClick={() => problem.retry && void remove(problem.retry)}
                >
                  Try again
                </button>
              )}
            </div>
          )}
          {editing === null && rights.canAdd(collection) && (
            <p className="rec-add">
              <button
                type="button"
                className="button button--primary"
                ref={addRef}
                onClick={() => setEditing({ mode: 'add' })}
              >
                {info.addLabel}
              </button>
            </p>
          )}
          {editing && (
            <div className="card record-editor">
              <RecordEditor
                key={editing.mode === 'edit' ? `edit-${editing.record.id}` : 'add'}
                collaborationId={collab.id}
                collection={collection}
                record={editing.mode === 'edit' ? editing.record : null}
                refs={refs}
                rights={rights}
                describePath={describePath}
                onCancel={closeEditor}
                onSaved={(change) => {
                  closeEditor();
                  onChange(change, refs);
                }}
              />
            </div>
          )}
          {records.length === 0 ? (
            <StatusMessage kind="empty">
              <p>No {info.many} recorded yet.</p>
            </StatusMessage>
          ) : (
            <RecordTable
              collection={collection}
              records={records}
              refs={refs}
              canEdit={(r) => rights.canEdit(collection, r)}
              canDelete={(r) => rights.canDelete(collection, r)}
              onEdit={(record) => void openEditor(record)}
              onDelete={(record) => void remove(record)}
              deletingId={deleting}
              openingId={opening}
            />
          )}
          {group && (
            <nav className="rec-siblings" aria-label={`More of ${group.title.toLowerCase()}`}>
              <h2 className="rec-siblings__title">More of {group.title.toLowerCase()}</h2>
              <ul>
                {rights
                  .collections(group.collections)
                  .filter((c) => c !== collection)
                  .map((c) => (
                    <li key={c}>
                      <Link href={`${base}/${c}`}>{COLLECTIONS[c].title}</Link>
                    </li>
                  ))}
              </ul>
            </nav>
          )}
        </>
      )}
    </>
  );
}
