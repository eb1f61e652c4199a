import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useRoute } from 'wouter';
import { fetchAccess, type Action } from '../api/access.js';
import { preloadDiagnosisSummary } from '../api/diagnosis.js';
import { CollaborationContext } from '../collaboration-context.js';
import { useResource } from '../hooks/use-resource.js';
import { StatusMessage } from './status-message.js';

/** The sections of a collaboration, each shown only to roles whose action allows it. */
export const SECTIONS: readonly { path: string; label: string; action: Action }[] = [
  { path: '', label: 'Diagnosis', action: 'diagnosis.read' },
  { path: '/networks', label: 'Networks', action: 'diagnosis.read' },
  { path: '/roles', label: 'Roles', action: 'diagnosis.read' },
  { path: '/goals', label: 'Goals', action: 'diagnosis.read' },
  { path: '/timeline', label: 'Timeline', action: 'diagnosis.read' },
  { path: '/frost', label: 'Working together', action: 'diagnosis.read' },
  { path: '/policy', label: 'Policy', action: 'diagnosis.read' },
  { path: '/change', label: 'Change', action: 'diagnosis.read' },
  { path: '/record', label: 'Record', action: 'record.read' },
  { path: '/surveys', label: 'Surveys', action: 'wave.manage' },
  { path: '/evidence', label: 'Evidence', action: 'qualitative.read' },
  { path: '/report', label: 'Report', action: 'diagnosis.read' },
];

function SectionLink({ id, path, label }: { id: string; path: string; label: string }) {
  const href = `/c/${encodeURIComponent(id)}${path}`;
  const [exact] = useRoute(href);
  const [nested] = useRoute(`${href}/*`);
  const current = exact || (path !== '' && nested);
  return (
    <Link href={href} className="section-nav__link" aria-current={current ? 'page' : undefined}>
      {label}
    </Link>
  );
}

/**
 * Every page of one collaboration: loads what the user may do there, draws the section
 * navigation (only sections the role allows) and shares both with the page.
 */
export function CollaborationLayout({ id, children }: { id: string; children: ReactNode }) {
  const access = useResource((signal) => fetchAccess(id, signal), [id]);
  // The dashboard's figures are asked for alongside the access check, not after it.
  const [onDashboard] = useRoute('/c/:id');
  useEffect(() => {
    if (onDashboard)
      preloadDiagnosisSummary(id, new URLSearchParams(window.location.search).get('wave'));
  }, [id, onDashboard]);
  const [revision, setRevision] = useState(0);
  const changed = useCallback(() => setRevision((n) => n + 1), []);
  const value = useMemo(
    () =>
      access.kind === 'ready'
        ? {
            id,
            access: access.data,
            can: (action: Action) => access.data.actions[action] !== undefined,
            changed,
            revision,
          }
        : null,
    [access, changed, id, revision],
  );
  if (access.kind === 'loading')
    return (
      <StatusMessage kind="loading">
        <p>Loading the collaboration…</p>
      </StatusMessage>
    );
  if (access.kind === 'error' || value === null)
    return (
      <StatusMessage kind="error">
        <p className="status__title">This collaboration could not be opened.</p>
        <p className="status__detail">
          {access.kind === 'error' ? access.error.message : 'Unknown error'}
        </p>
        <Link href="/" className="button">
          Back to the collaborations
        </Link>
      </StatusMessage>
    );
  return (
    <CollaborationContext.Provider value={value}>
      <nav className="section-nav" aria-label="Collaboration sections">
        <ul className="section-nav__list">
          {SECTIONS.filter((section) => value.can(section.action)).map((section) => (
            <li key={section.path}>
              <SectionLink id={id} path={section.path} label={section.label} />
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </CollaborationContext.Provider>
  );
}
