import type { ReactNode } from 'react';
import type { AgencyOption, WorkspaceMember } from '../../api/workspaces.js';
import { agencyName } from './member-fields.js';
import { formatDay, ROLE_LABELS, STATUS_LABELS } from './labels.js';

/** The people of a workspace with their role, agency and status, and what an owner can do. */
export function PeopleTable({
  caption,
  members,
  agencies,
  me,
  editing,
  editor,
  readOnly,
  onEdit,
  onReset,
  onRemove,
}: {
  caption: string;
  members: readonly WorkspaceMember[];
  agencies: readonly AgencyOption[];
  /** The signed-in user's id: their own row offers no changes. */
  me: string;
  /** The member whose change form is open, drawn as `editor` under their row. */
  editing: string | null;
  editor: ReactNode;
  /** The workspace is archived: nothing can change. */
  readOnly: boolean;
  onEdit: (member: WorkspaceMember) => void;
  onReset: (member: WorkspaceMember) => void;
  onRemove: (member: WorkspaceMember) => void;
}) {
  return (
    <table className="ws-table ws-people">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col">Agency</th>
          <th scope="col">Status</th>
          {!readOnly && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {members.map((member) => {
          const self = member.userId === me;
          return [
            <tr key={member.userId} data-user={member.email}>
              <th scope="row">
                <span className="ws-people__name">
                  {member.displayName}
                  {self && <span className="badge ws-people__you">You</span>}
                </span>
                <span className="ws-people__email">{member.email}</span>
              </th>
              <td>
                <span className="ws-table__label" aria-hidden="true">
                  Role:{' '}
                </span>
                {ROLE_LABELS[member.role]}
              </td>
              <td>
                <span className="ws-table__label" aria-hidden="true">
                  Agency:{' '}
                </span>
                {agencyName(agencies, member.agencyId) ?? <span className="muted">None</span>}
              </td>
              <td>
                <span className="ws-table__label" aria-hidden="true">
                  Status:{' '}
                </span>
                <span className={`ws-status ws-status--${member.status}`}>
                  {STATUS_LABELS[member.status]}
                </span>
                <span className="ws-people__since">since {formatDay(member.memberSince)}</span>
              </td>
              {!readOnly && (
                <td>
                  {self ? (
                    <span className="muted">Another owner can change your role.</span>
                  ) : (
                    <div className="ws-people__actions">
                      <button
                        type="button"
                        className="button"
                        aria-expanded={editing === member.userId}
                        onClick={() => onEdit(member)}
                      >
                        Change
                        <span className="visually-hidden">
                          {' '}
                          role or agency of {member.displayName}
                        </span>
                      </button>
                      <button type="button" className="button" onClick={() => onReset(member)}>
                        {member.status === 'invited' ? 'New link' : 'Reset access'}
                        <span className="visually-hidden"> for {member.displayName}</span>
                      </button>
                      <button
                        type="button"
                        className="button button--danger-quiet"
                        onClick={() => onRemove(member)}
                      >
                        Remove
                        <span className="visually-hidden"> {member.displayName}</span>
                      </button>
                    </div>
                  )}
                </td>
              )}
            </tr>,
            editing === member.userId ? (
              <tr key={`${member.userId}-edit`} className="ws-people__editor">
                <td colSpan={5}>{editor}</td>
              </tr>
            ) : null,
          ];
        })}
      </tbody>
    </table>
  );
}
