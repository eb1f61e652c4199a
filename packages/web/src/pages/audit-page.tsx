import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { Link, useParams } from 'wouter';
import { SignedOutError } from '../api/http.js';
import {
  fetchAuditPage,
  fetchMembers,
  fetchWorkspaceCollaborations,
  type AuditEntry,
} from '../api/workspaces.js';
import { PageTitle } from '../components/page-title.js';
import { StatusMessage } from '../components/status-message.js';
import { AuditDetail, hasDetail } from '../components/workspace/audit-detail.js';
import {
  actionFilterLabel,
  actionLabel,
  formatDateTime,
  isConfidentialRead,
} from '../components/workspace/labels.js';
import { OwnerOnly, type Membership } from '../components/workspace/owner-only.js';
import { markInteractive } from '../interactive.js';
import { useSession } from '../session.js';
import '../styles/workspace.css';

/** Entries fetched per page of the server's log. */
const PAGE_SIZE = 100;

/** The workspace's append-only audit log (owners only). */
export function AuditPage() {
  const { ws = '' } = useParams<{ ws: string }>();
  return (
    <OwnerOnly ws={ws} title="Audit log" what="its audit log">
      {(membership) => <AuditLog ws={ws} membership={membership} />}
    </OwnerOnly>
  );
}

type Log =
  | { kind: 'loading' }
  | { kind: 'error'; message: string; entries: AuditEntry[]; next: number | null }
  | { kind: 'ready'; entries: AuditEntry[]; next: number | null; more: boolean };

/** Names for the ids entries point at: people by user id, collaborations by id. */
interface Names {
  readonly people: ReadonlyMap<string, string>;
  readonly collaborations: ReadonlyMap<string, string>;
}

/** The day of a timestamp in the browser's time zone, as `YYYY-MM-DD` (what date inputs use). */
function localDay(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Who acted: their email, or the command line (`cli`, and `demo` loading the samples). */
const actorName = (entry: AuditEntry): string =>
  entry.actorEmail ??
  (entry.actor === 'cli'
    ? 'Command line'
    : entry.actor === 'demo'
      ? 'Command line (sample data)'
      : entry.actor);

const COLLECTIONS: Record<string, string> = {
  members: 'member',
  agencies: 'agency',
  professions: 'profession',
  goals: 'goal',
  responsibilityAreas: 'responsibility area',
  roleClaims: 'role claim',
  activities: 'activity',
  communications: 'communication',
  caseEvents: 'case event',
  decisions: 'decision',
  policies: 'policy',
  adaptations: 'adaptation',
  agencyRelations: 'agency relation',
};

/** What an entry concerns, in words. */
function targetOf(entry: AuditEntry, names: Names, workspaceName: string): string {
  const fromBody = (value: unknown) =>
    value !== null && typeof value === 'object' && 'email' in value ? String(value.email) : null;
  switch (entry.targetKind) {
    case 'workspace':
      return workspaceName;
    case 'membership':
    case 'user':
      return (
        names.people.get(entry.targetId) ??
        fromBody(entry.after) ??
        fromBody(entry.before) ??
        `a former member (${entry.targetId})`
      );
    case 'collaboration':
      return names.collaborations.get(entry.targetId) ?? entry.targetId;
    case 'record': {
      const [collaboration = '', collection = '', ...rest] = entry.targetId.split('/');
      const kind = collection.startsWith('qualitative.')
        ? collection.slice('qualitative.'.length)
        : (COLLECTIONS[collection] ?? collection);
      return `${names.collaborations.get(collaboration) ?? collaboration}: ${kind} ${rest.join('/')}`;
    }
    case 'wave':
      return `survey wave ${entry.targetId}`;
    case 'surveyLink':
      return `survey link ${entry.targetId}`;
    case 'response':
      return `survey answer ${entry.targetId}`;
    default:
      return `${entry.targetKind} ${entry.targetId}`;
  }
}

function AuditLog({ ws, membership }: { ws: string; membership: Membership }) {
  const session = useSession();
  const id = useId();
  const [log, setLog] = useState<Log>({ kind: 'loading' });
  const [names, setNames] = useState<Names>({ people: new Map(), collaborations: new Map() });
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const archived = membership.workspace.archived;

  const load = useCallback(
    async (before: number | null, previous: AuditEntry[], signal?: AbortSignal) => {
      setLog(
        previous.length === 0
          ? { kind: 'loading' }
          : { kind: 'ready', entries: previous, next: before, more: true },
      );
      try {
        const page = await fetchAuditPage(ws, { limit: PAGE_SIZE, before }, signal);
        if (signal?.aborted) return;
        setLog({
          kind: 'ready',
          entries: [...previous, ...page.entries],
          next: page.next,
          more: false,
        });
      } catch (caught) {
        if (signal?.aborted) return;
        if (caught instanceof SignedOutError) return session.signedOut();
        setLog({
          kind: 'error',
          message: caught instanceof Error ? caught.message : String(caught),
          entries: previous,
          next: before,
        });
      }
    },
    [ws, session],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(null, [], controller.signal);
    // Names make the entries readable; without them the ids are shown.
    Promise.all([
      fetchMembers(ws, controller.signal),
      archived ? Promise.resolve([]) : fetchWorkspaceCollaborations(ws, controller.signal),
    ]).then(
      ([members, collaborations]) => {
        if (controller.signal.aborted) return;
        setNames({
          people: new Map(members.map((m) => [m.userId, `${m.displayName} (${m.email})`])),
          collaborations: new Map(collaborations.map((c) => [c.summary.id, c.summary.name])),
        });
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [ws, load, archived]);

  useEffect(() => {
    if (log.kind !== 'loading') markInteractive();
  }, [log.kind]);

  const entries = log.kind === 'loading' ? [] : log.entries;
  const actors = useMemo(
    () =>
      [...new Map(entries.map((e) => [e.actor, actorName(e)])).entries()].sort((a, b) =>
        a[1].localeCompare(b[1], 'en-GB'),
      ),
    [entries],
  );
  const actions = useMemo(
    () =>
      [...new Set(entries.map((e) => e.action))]
        .map((a) => [a, actionFilterLabel(a)] as const)
        .sort((a, b) => a[1].localeCompare(b[1], 'en-GB')),
    [entries],
  );
  const shown = useMemo(
    () =>
      entries.filter((e) => {
        if (actor && e.actor !== actor) return false;
        if (action && e.action !== action) return false;
        const day = localDay(e.at);
        if (from && day < from) return false;
        if (to && day > to) return false;
        return true;
      }),
    [entries, actor, action, from, to],
  );
  const filtered = actor !== '' || action !== '' || from !== '' || to !== '';
  const next = log.kind === 'loading' ? null : log.next;
  const oldest = entries.at(-1);
  const mayHaveOlder =
    next !== null && (!from || (oldest !== undefined && localDay(oldest.at) >= from));

  return (
    <>
      <nav aria-label="Breadcrumb" className="ws-breadcrumb">
        <Link href="/">Collaborations</Link> <span aria-hidden="true">›</span>{' '}
        {membership.workspace.name}
      </nav>
      <PageTitle title="Audit log">
        <p className="ws-lead">
          Every change in {membership.workspace.name}, and every reading of a confidential record or
          a case event: who, when, what, and the record before and after. Entries are never changed
          or removed.
        </p>
      </PageTitle>

      {log.kind === 'loading' && (
        <StatusMessage kind="loading">
          <p>Loading the audit log…</p>
        </StatusMessage>
      )}
      {log.kind !== 'loading' && (
        <>
          <form
            className="ws-filters"
            aria-labelledby={`${id}-filters`}
            onSubmit={(event) => event.preventDefault()}
          >
            <h2 id={`${id}-filters`} className="ws-filters__title">
              Filter the entries
            </h2>
            <div className="ws-filters__grid">
              <div className="ws-field">
                <label htmlFor={`${id}-actor`}>Who</label>
                <select
                  id={`${id}-actor`}
                  className="ws-input"
                  value={actor}
                  onChange={(event) => setActor(event.target.value)}
                >
                  <option value="">Anyone</option>
                  {actors.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="ws-field">
                <label htmlFor={`${id}-action`}>What</label>
                <select
                  id={`${id}-action`}
                  className="ws-input"
                  value={action}
                  onChange={(event) => setAction(event.target.value)}
                >
                  <option value="">Anything</option>
                  {actions.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="ws-field">
                <label htmlFor={`${id}-from`}>From (day)</label>
                <input
                  id={`${id}-from`}
                  className="ws-input"
                  type="date"
                  value={from}
                  max={to || undefined}
                  onChange={(event) => setFrom(event.target.value)}
                />
              </div>
              <div className="ws-field">
                <label htmlFor={`${id}-to`}>To (day)</label>
                <input
                  id={`${id}-to`}
                  className="ws-input"
                  type="date"
                  value={to}
                  min={from || undefined}
                  onChange={(event) => setTo(event.target.value)}
                />
              </div>
            </div>
            {filtered && (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  setActor('');
                  setAction('');
                  setFrom('');
                  setTo('');
                }}
              >
                Clear the filters
              </button>
            )}
          </form>

          <p className="ws-count" role="status">
            {filtered
              ? `${shown.length} of the ${entries.length} entries loaded match.`
              : `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} loaded, newest first.`}
            {next !== null && ' Older entries can be loaded below.'}
          </p>

          {shown.length === 0 ? (
            <StatusMessage kind="empty">
              <p>
                {entries.length === 0
                  ? 'Nothing has been recorded yet.'
                  : 'No loaded entry matches these filters.'}
              </p>
            </StatusMessage>
          ) : (
            <table className="ws-table ws-audit">
              <caption className="visually-hidden">
                Audit entries of {membership.workspace.name}, newest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Concerning</th>
                  <th scope="col">Before and after</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((entry) => (
                  <AuditRow
                    key={entry.id}
                    entry={entry}
                    target={targetOf(entry, names, membership.workspace.name)}
                  />
                ))}
              </tbody>
            </table>
          )}

          {log.kind === 'error' && (
            <StatusMessage kind="error">
              <p className="status__title">The audit log could not be loaded.</p>
              <p className="status__detail">{log.message}</p>
              <button
                type="button"
                className="button"
                onClick={() => void load(log.next, log.entries)}
              >
                Try again
              </button>
            </StatusMessage>
          )}
          {log.kind === 'ready' && log.next !== null && (
            <div className="ws-more">
              <button
                type="button"
                className="button"
                disabled={log.more}
                onClick={() => void load(log.next, log.entries)}
              >
                {log.more ? 'Loading older entries…' : `Load ${PAGE_SIZE} older entries`}
              </button>
              {filtered && mayHaveOlder && (
                <p className="muted">Older entries may match these filters too.</p>
              )}
            </div>
          )}
          {log.kind === 'ready' && log.next === null && entries.length > 0 && (
            <p className="muted ws-more">That is the whole log: the first entry is the oldest.</p>
          )}
        </>
      )}
    </>
  );
}

function AuditRow({ entry, target }: { entry: AuditEntry; target: string }) {
  const [open, setOpen] = useState(false);
  const detailId = useId();
  const confidential = isConfidentialRead(entry.action);
  const what = actionLabel(entry.action, entry.targetId);
  return (
    <>
      <tr>
        <td>
          <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
        </td>
        <td>
          <span className="ws-table__label" aria-hidden="true">
            Who:{' '}
          </span>
          {actorName(entry)}
        </td>
        <td>
          <span className="ws-table__label" aria-hidden="true">
            What:{' '}
          </span>
          {what}
          {confidential && <span className="badge ws-badge--confidential">Confidential</span>}
        </td>
        <td className="ws-audit__target">
          <span className="ws-table__label" aria-hidden="true">
            Concerning:{' '}
          </span>
          {target}
        </td>
        <td>
          {hasDetail(entry.before, entry.after) ? (
            <button
              type="button"
              className="button button--quiet ws-audit__toggle"
              aria-expanded={open}
              aria-controls={open ? detailId : undefined}
              onClick={() => setOpen(!open)}
            >
              {open ? 'Hide' : 'Show'}
              <span className="visually-hidden"> before and after: {what}</span>
            </button>
          ) : (
            <span className="muted">
              <span className="visually-hidden">Nothing more recorded</span>
              <span aria-hidden="true">—</span>
            </span>
          )}
        </td>
      </tr>
      {open && (
        <tr className="ws-audit__detail">
          <td colSpan={5} id={detailId}>
            <AuditDetail before={entry.before} after={entry.after} caption={`${what}: ${target}`} />
          </td>
        </tr>
      )}
    </>
  );
}
