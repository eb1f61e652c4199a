import { useEffect } from 'react';
import { Link } from 'wouter';
import { PageTitle } from '../components/page-title.js';
import { roleLabel } from '../components/workspace/labels.js';
import { PasswordForm } from '../components/workspace/password-form.js';
import { markInteractive } from '../interactive.js';
import { useSession } from '../session.js';
import '../styles/workspace.css';

/** The signed-in user's account: who they are, their workspaces, and their password. */
export function AccountPage() {
  const { me } = useSession();
  useEffect(() => markInteractive(), []);
  return (
    <>
      <nav aria-label="Breadcrumb" className="ws-breadcrumb">
        <Link href="/">Collaborations</Link> <span aria-hidden="true">›</span> Your account
      </nav>
      <PageTitle title="Your account" />
      <section className="ws-section" aria-labelledby="account-you">
        <h2 id="account-you">You</h2>
        <dl className="facts">
          <div className="facts__item">
            <dt>Name</dt>
            <dd>{me.user.displayName}</dd>
          </div>
          <div className="facts__item">
            <dt>Email</dt>
            <dd>{me.user.email}</dd>
          </div>
        </dl>
        <p className="muted ws-section__note">
          Your name and email come from your invitation; your name is what the people you work with
          see. Neither can be changed here.
        </p>
      </section>
      <section className="ws-section" aria-labelledby="account-workspaces">
        <h2 id="account-workspaces">Your workspaces</h2>
        {me.memberships.length === 0 ? (
          <p className="muted">You do not belong to any workspace yet.</p>
        ) : (
          <table className="ws-table">
            <caption className="visually-hidden">Your workspaces and your role in each</caption>
            <thead>
              <tr>
                <th scope="col">Workspace</th>
                <th scope="col">Your role</th>
              </tr>
            </thead>
            <tbody>
              {me.memberships.map((m) => (
                <tr key={m.workspace.slug}>
                  <th scope="row">
                    {m.workspace.name}
                    {m.workspace.archived && <span className="badge ws-badge">Archived</span>}
                  </th>
                  <td>
                    <span className="ws-table__label" aria-hidden="true">
                      Your role:{' '}
                    </span>
                    {roleLabel(m.role)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="ws-section" aria-labelledby="account-password">
        <h2 id="account-password">Change your password</h2>
        <p className="ws-section__lead">
          Changing it signs you out on every other device; you stay signed in here.
        </p>
        <PasswordForm />
      </section>
    </>
  );
}
