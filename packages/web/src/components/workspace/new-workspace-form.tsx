import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { SignedOutError } from '../../api/http.js';
import { createWorkspace } from '../../api/workspaces.js';
import { useSession } from '../../session.js';
import {
  describedBy,
  FieldError,
  FormProblem,
  messagesFor,
  problemOf,
  type Problem,
} from './form-problems.js';

const FIELDS = ['name', 'slug'] as const;

/** A short address for a workspace name: lower-case letters, digits and hyphens. */
export function slugFor(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/g, '');
}

/** Creates a workspace with the signed-in owner as its owner. */
export function NewWorkspaceForm({
  onCreated,
  onCancel,
}: {
  onCreated: (slug: string, name: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const session = useSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => headingRef.current?.focus(), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const created = await createWorkspace({ name: name.trim(), slug });
      onCreated(created, name.trim());
    } catch (caught) {
      if (caught instanceof SignedOutError) return session.signedOut();
      const found = problemOf(caught);
      // A taken address concerns the address field.
      setProblem(
        found.code === 'conflict' && found.issues.length === 0
          ? { ...found, issues: [{ path: 'slug', message: found.message }] }
          : found,
      );
      setBusy(false);
    }
  }

  const nameErrors = messagesFor(problem, 'name');
  const slugErrors = messagesFor(problem, 'slug');
  return (
    <form
      className="ws-form ws-panel"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        New workspace
      </h2>
      <p className="ws-section__lead">
        A workspace keeps its own collaborations, people and audit log, apart from every other. You
        will be its owner.
      </p>
      <FormProblem problem={problem} fields={FIELDS} title="The workspace was not created." />
      <div className="ws-form__grid">
        <div className="ws-field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            className="ws-input"
            value={name}
            required
            autoComplete="off"
            onChange={(event) => {
              setName(event.target.value);
              if (!slugEdited) setSlug(slugFor(event.target.value));
            }}
            aria-invalid={nameErrors.length > 0 || undefined}
            aria-describedby={describedBy(nameErrors.length > 0 && `${id}-name-error`)}
          />
          <FieldError id={`${id}-name-error`} messages={nameErrors} />
        </div>
        <div className="ws-field">
          <label htmlFor={`${id}-slug`}>Short name for addresses</label>
          <input
            id={`${id}-slug`}
            className="ws-input"
            value={slug}
            required
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => {
              setSlug(event.target.value);
              setSlugEdited(true);
            }}
            aria-invalid={slugErrors.length > 0 || undefined}
            aria-describedby={describedBy(
              `${id}-slug-hint`,
              slugErrors.length > 0 && `${id}-slug-error`,
            )}
          />
          <p id={`${id}-slug-hint`} className="ws-field__hint">
            Lower-case letters, digits and hyphens, such as <code>north-partnership</code>. It
            cannot be changed later.
          </p>
          <FieldError id={`${id}-slug-error`} messages={slugErrors} />
        </div>
      </div>
      <div className="ws-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create workspace'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
