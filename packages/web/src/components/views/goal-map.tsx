import type { CollaborationDocument, GoalAlignment } from '@weframe/core';
import { Flag, ScrollBox } from './marks.js';
import { listed, type Names } from './names.js';
import { day } from './view-labels.js';

type Summary = GoalAlignment['goals'][number];
type Link = Summary['links'][number];

/** Notes recorded on goal links, by "goal → goal" in either direction. */
export function linkNotes(
  record: Pick<CollaborationDocument, 'goals'> | null,
): Map<string, string> {
  const notes = new Map<string, string>();
  for (const g of record?.goals ?? [])
    for (const link of g.links)
      if (link.note) {
        notes.set(`${g.id}\u0000${link.goalId}`, link.note);
        notes.set(`${link.goalId}\u0000${g.id}`, link.note);
      }
  return notes;
}

const LEVEL_WORD = {
  joint: 'Joint goal',
  agency: 'Agency goal',
  professional: 'Professional goal',
};

/** Whose goal it is: the agency, the profession, the member. */
export function ownerOf(goal: Summary, names: Names): string {
  const parts = [
    goal.memberId ? names.member(goal.memberId) : null,
    goal.professionId ? names.profession(goal.professionId) : null,
    goal.agencyId ? names.agency(goal.agencyId) : null,
  ].filter((p): p is string => p !== null);
  return parts.length === 0 ? '—' : parts.join(', ');
}

/** A link in words and a mark: supports, conflicts (not resolved) or conflicts (resolved). */
function linkShown(link: Pick<Link, 'relation' | 'resolved'>): {
  mark: string;
  words: string;
  tone: string;
} {
  if (link.relation === 'supports') return { mark: '✓', words: 'Supports', tone: 'supports' };
  return link.resolved
    ? { mark: '⇄', words: 'Conflicts — resolved', tone: 'resolved' }
    : { mark: '⚠', words: 'Conflicts — not resolved', tone: 'conflict' };
}

interface GoalMapProps {
  readonly alignment: GoalAlignment;
  readonly names: Names;
  readonly notes: ReadonlyMap<string, string>;
}

/**
 * Each joint goal with the agency and professional goals linked to it, conflicts first: a
 * conflict nobody has resolved carries a warning mark and words; resolved ones say so.
 */
export function GoalMap({ alignment, names, notes }: GoalMapProps) {
  const byJoint = new Map<string, { goal: Summary; link: Link }[]>();
  for (const goal of alignment.goals)
    for (const link of goal.links) {
      const list = byJoint.get(link.jointGoalId) ?? [];
      list.push({ goal, link });
      byJoint.set(link.jointGoalId, list);
    }
  const rank = (l: Link) => (l.relation === 'supports' ? 2 : l.resolved ? 1 : 0);
  const unlinked = alignment.goals.filter((g) => g.relation === 'unlinked');
  const choices = alignment.goalChoices.byJointGoal;
  return (
    <>
      {alignment.jointGoals.length === 0 && (
        <p className="view-note">
          No joint goal is recorded: agency and professional goals have nothing shared to line up
          with.
        </p>
      )}
      <ul className="goal-map">
        {alignment.jointGoals.map((joint) => {
          const linked = (byJoint.get(joint.id) ?? []).sort((a, b) => rank(a.link) - rank(b.link));
          return (
            <li key={joint.id} className="goal-joint card">
              <p className="goal-joint__level">Joint goal</p>
              <p className="goal-joint__statement">{joint.statement}</p>
              <p className="goal-joint__facts">
                {joint.agreed ? (
                  <span>
                    <span aria-hidden="true">✓ </span>Agreed
                    {joint.agreedOn ? ` on ${day(joint.agreedOn)}` : ''}
                  </span>
                ) : (
                  <Flag>Not agreed yet</Flag>
                )}
                {' · '}
                Responsible:{' '}
                {joint.responsibleMemberIds.length === 0
                  ? 'nobody named'
                  : listed(joint.responsibleMemberIds.map(names.member))}
                {alignment.goalChoices.waveId !== null && (
                  <>
                    {' · '}
                    Chosen in the survey by {choices[joint.id] ?? 0} of{' '}
                    {alignment.goalChoices.answered}
                  </>
                )}
              </p>
              {linked.length === 0 ? (
                <p className="muted">No agency or professional goal is linked to it.</p>
              ) : (
                <ul className="goal-links" aria-label={`Goals linked to “${joint.statement}”`}>
                  {linked.map(({ goal, link }) => {
                    const shown = linkShown(link);
                    const note = notes.get(`${goal.id}\u0000${joint.id}`);
                    return (
                      <li key={goal.id} className={`goal-link goal-link--${shown.tone}`}>
                        <p className="goal-link__relation">
                          <span aria-hidden="true">{shown.mark} </span>
                          {shown.words}
                        </p>
                        <p>
                          <span className="goal-link__level">{LEVEL_WORD[goal.level]}</span> ·{' '}
                          {ownerOf(goal, names)}
                        </p>
                        <p className="goal-link__statement">{goal.statement}</p>
                        {note && <p className="goal-link__note">{note}</p>}
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      {unlinked.length > 0 && (
        <>
          <h3>Not linked to a joint goal</h3>
          <ul className="goal-unlinked">
            {unlinked.map((g) => (
              <li key={g.id}>
                <span className="goal-link__level">{LEVEL_WORD[g.level]}</span> ·{' '}
                {ownerOf(g, names)}: {g.statement}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** Unresolved conflicts between any two goals, each in words. */
export function GoalConflicts({ alignment, names, notes }: GoalMapProps) {
  const levels = new Map<string, string>();
  for (const g of alignment.jointGoals) levels.set(g.id, LEVEL_WORD.joint);
  for (const g of alignment.goals) levels.set(g.id, LEVEL_WORD[g.level]);
  if (alignment.unresolvedConflicts.length === 0)
    return <p>No unresolved conflict between goals is recorded.</p>;
  return (
    <ul className="goal-conflicts">
      {alignment.unresolvedConflicts.map((c) => {
        const [a, b] = c.goalIds;
        const note = notes.get(`${a}\u0000${b}`);
        return (
          <li key={`${a}\u0000${b}`} className="goal-conflict">
            <p>
              <Flag>Conflict not resolved</Flag>{' '}
              {c.agencyIds.length > 0 && (
                <span className="muted">{listed(c.agencyIds.map(names.agency))}</span>
              )}
            </p>
            <p>
              <span className="goal-link__level">{levels.get(a) ?? 'Goal'}:</span> “{names.goal(a)}”
            </p>
            <p>
              <span aria-hidden="true">⚠ </span>conflicts with{' '}
              <span className="goal-link__level">{(levels.get(b) ?? 'goal').toLowerCase()}:</span> “
              {names.goal(b)}”
            </p>
            {note && <p className="goal-link__note">{note}</p>}
          </li>
        );
      })}
    </ul>
  );
}

/** Every goal with its level, owner and links, as a table. */
export function GoalTable({ alignment, names }: Omit<GoalMapProps, 'notes'>) {
  return (
    <ScrollBox label="Goals as a table">
      <table className="view-table">
        <caption>Every goal and how it stands to the joint goals</caption>
        <thead>
          <tr>
            <th scope="col">Goal</th>
            <th scope="col">Level</th>
            <th scope="col">Whose</th>
            <th scope="col">Links to joint goals</th>
          </tr>
        </thead>
        <tbody>
          {alignment.jointGoals.map((g) => (
            <tr key={g.id}>
              <th scope="row">{g.statement}</th>
              <td>{LEVEL_WORD.joint}</td>
              <td>{g.agreed ? 'Agreed' : 'Not agreed yet'}</td>
              <td>—</td>
            </tr>
          ))}
          {alignment.goals.map((g) => (
            <tr key={g.id} className={g.unresolved ? 'view-table__row--flag' : ''}>
              <th scope="row">{g.statement}</th>
              <td>{LEVEL_WORD[g.level]}</td>
              <td>{ownerOf(g, names)}</td>
              <td>
                {g.links.length === 0
                  ? 'Not linked'
                  : g.links.map((l) => {
                      const shown = linkShown(l);
                      return (
                        <span key={l.jointGoalId} className="goal-table__link">
                          <span aria-hidden="true">{shown.mark} </span>
                          {shown.words}: “{names.goal(l.jointGoalId)}”
                        </span>
                      );
                    })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
