import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError, type ApiIssue } from '../../api/http.js';
import { fetchRosterMembers, invite, type RosterMember, type Wave } from '../../api/surveys.js';
import { useResource } from '../../hooks/use-resource.js';
import { plural } from '../../labels.js';
import { StatusMessage } from '../status-message.js';
import { FieldIssues, FormError, issuesAt } from './form-issues.js';
import type { IssuedRow } from './issued-links.js';
import { matchRoster, rosterEntries, rosterLinesFromCsv, type RosterMatch } from './roster.js';
import { dayText } from './wave-list.js';

/** The pasted roster, with an upload that fills it from a CSV file. */
function RosterText({
  value,
  onChange,
  hint,
  issues,
  onUploaded,
}: {
  value: string;
  onChange: (text: string) => void;
  hint: string;
  issues: readonly ApiIssue[];
  onUploaded?: (text: string) => void;
}) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setProblem(null);
    const { lines, problem: found } = rosterLinesFromCsv(await file.text());
    if (found) {
      setProblem(`${file.name}: ${found}.`);
      return;
    }
    const text = [value.trim(), ...lines].filter((l) => l !== '').join('\n');
    onChange(text);
    onUploaded?.(text);
  };
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-text`}>Paste a roster</label>
        <span className="muted" id={`${id}-hint`}>
          {hint}
        </span>
        <textarea
          id={`${id}-text`}
          rows={6}
          value={value}
          aria-describedby={`${id}-hint${issues.length > 0 ? ` ${id}-issues` : ''}`}
          placeholder={'Jo Bloggs, jo.bloggs@example.org\nSam Patel'}
          onChange={(e) => onChange(e.target.value)}
        />
        <FieldIssues id={`${id}-issues`} issues={issues} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>Or upload a roster (CSV file)</label>
        <span className="muted" id={`${id}-file-hint`}>
          With a “name” column (the name as recorded, or the member id) and, if you like, an “email”
          column.
        </span>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`${id}-file-hint${problem ? ` ${id}-file-problem` : ''}`}
          onChange={(e) => void upload(e)}
        />
        {problem && (
          <p className="field-issues" id={`${id}-file-problem`}>
            {problem}
          </p>
        )}
      </div>
    </>
  );
}

/** Identified waves: the members to invite, ticked or matched from a roster. */
function MemberInvite({
  wave,
  members,
  agencies,
  withLink,
  onIssued,
}: {
  wave: Wave;
  members: readonly RosterMember[];
  agencies: ReadonlyMap<string, string>;
  withLink: ReadonlySet<string>;
  onIssued: (rows: IssuedRow[]) => void;
}) {
  const id = useId();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [emails, setEmails] = useState<ReadonlyMap<string, string>>(new Map());
  const [text, setText] = useState('');
  const [report, setReport] = useState<RosterMatch | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const today = new Date().toISOString().slice(0, 10);
  const invitable = members.filter((m) => !withLink.has(m.id));
  const issues = error instanceof ApiError ? error.issues : [];
  const order = [...chosen];
  const issuesOf = (memberId: string) => {
    const index = order.indexOf(memberId);
    return index < 0 ? [] : issuesAt(issues, `roster[${index}]`);
  };

  const apply = (source: string) => {
    const found = matchRoster(rosterEntries(source), members);
    const next = new Set(chosen);
    const nextEmails = new Map(emails);
    const match: RosterMatch = {
      matched: found.matched.filter(({ member }) => !withLink.has(member.id)),
      unmatched: [
        ...found.unmatched,
        ...found.matched
          .filter(({ member }) => withLink.has(member.id))
          .map(({ entry }) => ({ entry, reason: 'has a link already' })),
      ].sort((a, b) => a.entry.line - b.entry.line),
    };
    for (const { entry, member } of match.matched) {
      next.add(member.id);
      if (entry.email) nextEmails.set(member.id, entry.email);
    }
    setChosen(next);
    setEmails(nextEmails);
    setReport(match);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const links = await invite(wave.id, { roster: order.map((memberId) => ({ memberId })) });
      const names = new Map(members.map((m) => [m.id, m.displayName]));
      onIssued(
        links.map((link) => ({
          link,
          name: names.get(link.memberId ?? '') ?? link.label,
          email: link.memberId ? (emails.get(link.memberId) ?? null) : null,
          revoked: false,
        })),
      );
      setChosen(new Set());
      setReport(null);
      setText('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)}>
      <FormError error={error} title="No links were made." shown={['roster']} />
      <fieldset className="mode-choice">
        <legend>Members to invite</legend>
        <p className="muted">
          Each gets a link of their own.{' '}
          {withLink.size > 0 &&
            `${plural(withLink.size, 'member has', 'members have')} a link already and ${withLink.size === 1 ? 'is' : 'are'} not listed; make them a new link below if they lost it.`}
        </p>
        <div className="toolbar">
          <button
            type="button"
            className="button button--quiet"
            onClick={() =>
              setChosen(
                new Set(
                  invitable
                    .filter((m) => m.endDate === null || m.endDate >= today)
                    .map((m) => m.id),
                ),
              )
            }
          >
            Tick everyone in post
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setChosen(new Set())}
          >
            Untick everyone
          </button>
        </div>
        {invitable.length === 0 ? (
          <p className="muted">Every member has a link already.</p>
        ) : (
          <div className="choices choices--list">
            {invitable.map((m) => {
              const memberIssues = issuesOf(m.id);
              const left = m.endDate !== null && m.endDate < today;
              return (
                <div key={m.id}>
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={chosen.has(m.id)}
                      aria-describedby={
                        memberIssues.length > 0 ? `${id}-${m.id}-issues` : undefined
                      }
                      onChange={(e) => {
                        const next = new Set(chosen);
                        if (e.target.checked) next.add(m.id);
                        else next.delete(m.id);
                        setChosen(next);
                      }}
                    />
                    <span className="choice__text">
                      <span className="choice__label">{m.displayName}</span>
                      <span className="choice__hint">
                        {agencies.get(m.agencyId) ?? ''}
                        {left ? ` · left on ${dayText(m.endDate)}` : ''}
                        {emails.get(m.id) ? ` · ${emails.get(m.id)}` : ''}
                      </span>
                    </span>
                  </label>
                  <FieldIssues id={`${id}-${m.id}-issues`} issues={memberIssues} />
                </div>
              );
            })}
          </div>
        )}
      </fieldset>
      <RosterText
        value={text}
        onChange={setText}
        onUploaded={apply}
        issues={[]}
        hint="One person a line: their name as recorded here (or their member id), then, if you like, their email after a comma. Emails stay in your browser and go only into the links file you download."
      />
      <div className="toolbar">
        <button
          type="button"
          className="button button--quiet"
          disabled={text.trim() === ''}
          onClick={() => apply(text)}
        >
          Tick the people on this roster
        </button>
      </div>
      <div role="status">
        {report && (
          <>
            <p>
              Found {plural(report.matched.length, 'member', 'members')} on the roster
              {report.unmatched.length === 0 ? '.' : '; these lines were not taken:'}
            </p>
            {report.unmatched.length > 0 && (
              <ul className="field-issues">
                {report.unmatched.map(({ entry, reason }) => (
                  <li key={entry.line}>
                    Line {entry.line}, “{entry.name}”: {reason}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      <div>
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || chosen.size === 0}
        >
          {busy ? 'Making links…' : `Make ${plural(chosen.size, 'link', 'links')}`}
        </button>
      </div>
    </form>
  );
}

/** Anonymous waves: a number of unlabelled links, or one per line of a roster. */
function AnonymousInvite({
  wave,
  onIssued,
}: {
  wave: Wave;
  onIssued: (rows: IssuedRow[]) => void;
}) {
  const id = useId();
  const [how, setHow] = useState<'count' | 'roster'>('count');
  const [count, setCount] = useState('10');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const issues = error instanceof ApiError ? error.issues : [];
  const entries = rosterEntries(text);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const links =
        how === 'count'
          ? await invite(wave.id, { count: Number(count) })
          : await invite(wave.id, { roster: entries.map((e) => ({ label: e.name })) });
      onIssued(
        links.map((link, i) => ({
          link,
          name: link.label,
          email: how === 'roster' ? (entries[i]?.email ?? null) : null,
          revoked: false,
        })),
      );
      setText('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  // Issues about roster[i] concern line entries[i].line of the pasted text.
  const rosterIssues = issuesAt(issues, 'roster').map((issue) => {
    const index = Number(/^roster\[(\d+)\]/.exec(issue.path)?.[1] ?? NaN);
    const line = entries[index]?.line;
    return line === undefined ? issue : { ...issue, message: `Line ${line}: ${issue.message}` };
  });

  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)}>
      <FormError error={error} title="No links were made." shown={['roster', 'count']} />
      <p>
        Links of an anonymous wave are not tied to anyone’s answers. Their labels only help you hand
        them out, and are never stored with the answers.
      </p>
      <fieldset className="mode-choice">
        <legend>Which links</legend>
        <div className="choices choices--list">
          <label className="choice">
            <input
              type="radio"
              name={`${id}-how`}
              checked={how === 'count'}
              onChange={() => setHow('count')}
            />
            <span className="choice__text">A number of unlabelled links</span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name={`${id}-how`}
              checked={how === 'roster'}
              onChange={() => setHow('roster')}
            />
            <span className="choice__text">One link for each person on a roster</span>
          </label>
        </div>
      </fieldset>
      {how === 'count' ? (
        <div className="field">
          <label htmlFor={`${id}-count`}>How many links</label>
          <input
            id={`${id}-count`}
            type="number"
            min={1}
            max={500}
            value={count}
            aria-describedby={
              issuesAt(issues, 'count').length > 0 ? `${id}-count-issues` : undefined
            }
            onChange={(e) => setCount(e.target.value)}
          />
          <FieldIssues id={`${id}-count-issues`} issues={issuesAt(issues, 'count')} />
        </div>
      ) : (
        <RosterText
          value={text}
          onChange={setText}
          issues={rosterIssues}
          hint="One person a line: a name or label, then, if you like, their email after a comma. Emails stay in your browser and go only into the links file you download."
        />
      )}
      <div>
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || (how === 'roster' && entries.length === 0)}
        >
          {busy
            ? 'Making links…'
            : how === 'roster'
              ? `Make ${plural(entries.length, 'link', 'links')}`
              : 'Make the links'}
        </button>
      </div>
    </form>
  );
}

/** Making single-use links for a wave, from its members (identified) or a count or roster. */
export function InviteForm({
  wave,
  collaborationId,
  withLink,
  onIssued,
}: {
  wave: Wave;
  collaborationId: string;
  /** Members who already hold a live link. */
  withLink: ReadonlySet<string>;
  onIssued: (rows: IssuedRow[]) => void;
}) {
  const roster = useResource(
    (signal) =>
      wave.mode === 'identified'
        ? fetchRosterMembers(collaborationId, signal)
        : Promise.resolve({ members: [], agencies: new Map<string, string>() }),
    [collaborationId, wave.mode],
  );
  if (wave.mode === 'anonymous') return <AnonymousInvite wave={wave} onIssued={onIssued} />;
  if (roster.kind === 'loading')
    return (
      <StatusMessage kind="loading">
        <p>Loading the members…</p>
      </StatusMessage>
    );
  if (roster.kind === 'error')
    return (
      <StatusMessage kind="error">
        <p className="status__title">The members could not be loaded.</p>
        <p className="status__detail">{roster.error.message}</p>
        <button type="button" className="button" onClick={roster.reload}>
          Try again
        </button>
      </StatusMessage>
    );
  return (
    <MemberInvite
      wave={wave}
      members={roster.data.members}
      agencies={roster.data.agencies}
      withLink={withLink}
      onIssued={onIssued}
    />
  );
}
