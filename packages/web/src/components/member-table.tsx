import type { MemberSummary } from '../api/session.js';

interface MemberTableProps {
  collaborationName: string;
  members: MemberSummary[];
}

/**
 * On narrow screens the stylesheet stacks each row; the explicit roles keep the table
 * semantics that some browsers drop when a table's display changes.
 */
export function MemberTable({ collaborationName, members }: MemberTableProps) {
  if (members.length === 0) {
    return <p className="muted">No members recorded yet.</p>;
  }
  return (
    <table className="member-table" role="table">
      <caption className="visually-hidden">Members of {collaborationName}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            Name
          </th>
          <th scope="col" role="columnheader">
            Profession
          </th>
          <th scope="col" role="columnheader">
            Agency
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {members.map((member) => (
          <tr key={member.id} role="row">
            <th scope="row" role="rowheader" className="member-table__name">
              {member.displayName}
            </th>
            <td role="cell" className="member-table__profession">
              {member.professionName}
            </td>
            <td role="cell" className="member-table__agency">
              {member.agencyName}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
