import type { CollaborationSummary } from '../api/session.js';
import { CollaborationCard } from './collaboration-card.js';

interface CollaborationListProps {
  collaborations: CollaborationSummary[];
}

export function CollaborationList({ collaborations }: CollaborationListProps) {
  return (
    <ul className="collaboration-list">
      {collaborations.map((collaboration) => (
        <li key={collaboration.id}>
          <CollaborationCard collaboration={collaboration} />
        </li>
      ))}
    </ul>
  );
}
