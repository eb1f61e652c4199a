import { useId, useState, type FormEvent } from 'react';
import { SignedOutError } from '../../api/http.js';
import {
  inviteMember,
  type AgencyOption,
  type Invitation,
  type Role,
} from '../../api/workspaces.js';
import { useSession } from '../../session.js';
import {
  describedBy,
  FieldError,
  FormProblem,
  messagesFor,
  problemOf,
  type Problem,
} from './form-problems.js';
import { AgencyField, RoleField } from './member-fields.js';

const FIELDS = ['email', 'displayName', 'role', 'agencyId'] as const;

/** Invites someone to the workspace with a role and an agency. */
export function InviteForm({
  ws,
  agencies,
  onInvited,
}: {
  ws: string;
  agencies: readonly AgencyOption[];
  onInvited: (invitation: Invitation) => void;
}) {
  const id = useId();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const name = displayName.trim();
      const invitation = await inviteMember(ws, {
        email: email.trim(),
        role,
        agencyId,
        ...(name ? { displayName: name } : {}),
      });
      setEmail('');
      setDisplayName('');
      setRole('member');
      setAgencyId(null);
      onInvited(invitation);
    } catch (caught) {
      if (caught instanceof SignedOutError) return session.signedOut();
      const found = problemOf(caught);
      // "Already a member" concerns the email given.
      setProblem(
        found.code === 'conflict' && found.issues.length === 0 && /member/.test(found.message)
          ? { ...found, issues: [{ path: 'email', message: found.message }] }
          : found,
      );
    } finally {
      setBusy(false);
    }
  }

  const emailErrors = messagesFor(problem, 'email');
  const nameErrors = messagesFor(problem, 'displayName');
  return (
    <form className="ws-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormProblem problem={problem} fields={FIELDS} title="The invitation was not made." />
      <div className="ws-form__grid">
        <div className="ws-field">
          <label htmlFor={`${id}-email`}>Email</label>
          <input
            id={`${id}-email`}
            className="ws-input"
            type="email"
            autoComplete="off"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={emailErrors.length > 0 || undefined}
            aria-describedby={describedBy(emailErrors.length > 0 && `${id}-email-error`)}
          />
          <FieldError id={`${id}-email-error`} messages={emailErrors} />
        </div>
        <div className="ws-field">
          <label htmlFor={`${id}-name`}>Name (optional)</label>
          <input
            id={`${id}-name`}
            className="ws-input"
            autoComplete="off"
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
            aria-invalid={nameErrors.length > 0 || undefined}
            aria-describedby={describedBy(
              `${id}-name-help`,
              nameErrors.length > 0 && `${id}-name-error`,
            )}
          />
          <p id={`${id}-name-help`} className="ws-field__hint">
            They can give their own when they accept.
          </p>
          <FieldError id={`${id}-name-error`} messages={nameErrors} />
        </div>
        <RoleField
          id={`${id}-role`}
          label="Role"
          value={role}
          onChange={setRole}
          errors={messagesFor(problem, 'role')}
        />
        <AgencyField
          id={`${id}-agency`}
          label="Agency"
          value={agencyId}
          onChange={setAgencyId}
          agencies={agencies}
          errors={messagesFor(problem, 'agencyId')}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Inviting…' : 'Invite'}
      </button>
    </form>
  );
}
