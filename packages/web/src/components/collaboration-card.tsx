import { useId } from 'react';
import { Link } from 'wouter';
import type { CollaborationSummary } from '../api/session.js';
import { formatDate, plural, sectorLabel, teamFormLabel } from '../labels.js';
import { MemberTable } from './member-table.js';

interface CollaborationCardProps {
  collaboration: CollaborationSummary;
}

export function CollaborationCard({ collaboration }: CollaborationCardProps) {
  const headingId = useId();
  const updated = formatDate(collaboration.updatedAt);
  return (
    <article className="card" aria-labelledby={headingId}>
      <div className="card__head">
        <h2 id={headingId} className="card__title">
          <Link href={`/c/${encodeURIComponent(collaboration.id)}`}>{collaboration.name}</Link>
        </h2>
        {collaboration.fictional && <span className="badge">Fictional sample</span>}
      </div>

      <dl className="facts">
        <div className="facts__item">
          <dt>Team form</dt>
          <dd>{teamFormLabel(collaboration.teamForm)}</dd>
        </div>
        <div className="facts__item">
          <dt>Size</dt>
          <dd>
            {plural(collaboration.memberCount, 'member', 'members')} from{' '}
            {plural(collaboration.agencyCount, 'agency', 'agencies')}
          </dd>
        </div>
        {updated !== null && (
          <div className="facts__item">
            <dt>Last updated</dt>
            <dd>
              <time dateTime={collaboration.updatedAt}>{updated}</time>
            </dd>
          </div>
        )}
      </dl>

      <div className="card__section">
        <h3>Members</h3>
        <MemberTable collaborationName={collaboration.name} members={collaboration.members} />
      </div>

      <div className="card__section">
        <h3>Agencies</h3>
        {collaboration.agencies.length === 0 ? (
          <p className="muted">No agencies recorded yet.</p>
        ) : (
          <ul className="agency-list">
            {collaboration.agencies.map((agency) => (
              <li key={agency.id}>
                <span className="agency-list__name">{agency.name}</span>
                <span className="agency-list__sector">{sectorLabel(agency.sector)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}
