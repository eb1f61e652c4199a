import { useEffect, useId, useRef, useState } from 'react';
import type { OneTimeLink } from '../../api/workspaces.js';
import { formatDateTime } from './labels.js';

/** Copies text to the clipboard, falling back to selecting it and the browser's copy command. */
async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Not allowed here (an insecure origin, or permission refused): try the older way.
  }
  if (!input) return false;
  input.focus();
  input.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/**
 * A one-time link shown to the owner to pass on — an invitation or a reset. The server never
 * shows it again, so the panel says so, offers a Copy button, and keeps the link until the
 * owner hides it.
 */
export function OneTimeLinkPanel({
  kind,
  who,
  link,
  mailed,
  onDone,
}: {
  /** A first invitation, a new one replacing an unused invitation, or a reset of access. */
  kind: 'invite' | 'reinvite' | 'reset';
  /** The person's name and email, as the owner knows them. */
  who: { displayName: string; email: string };
  link: OneTimeLink;
  mailed: boolean;
  onDone: () => void;
}) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [link.url]);

  const copy = async () => {
    setCopied((await copyText(link.url, inputRef.current)) ? 'yes' : 'no');
  };

  return (
    <section className="ws-link" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {kind === 'invite'
          ? 'Invitation link'
          : kind === 'reinvite'
            ? 'New invitation link'
            : 'New access link'}{' '}
        for {who.displayName}
      </h2>
      <p>
        {kind === 'invite' &&
          `Pass this link on to ${who.email}: with it they choose their password and sign in.`}
        {kind === 'reinvite' &&
          `The link they were given before no longer works. Pass this one on to ${who.email}: with it they choose their password and sign in.`}
        {kind === 'reset' &&
          `${who.displayName}’s password no longer works and they have been signed out everywhere. Pass this link on to ${who.email} to choose a new password.`}
      </p>
      <p>
        <strong>It is shown only this once.</strong> It works once, until{' '}
        {formatDateTime(link.expiresAt)}. Anyone holding it can sign in as {who.displayName}, so
        send it the way you would send a password. If it is lost, reset their access for a new one.
      </p>
      {mailed && <p>It has also been sent to {who.email} by email.</p>}
      <div className="ws-link__copy">
        <label htmlFor={`${id}-url`}>One-time link</label>
        <div className="ws-link__row">
          <input
            ref={inputRef}
            id={`${id}-url`}
            className="ws-input ws-link__url"
            readOnly
            value={link.url}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button button--primary" onClick={() => void copy()}>
            Copy link
          </button>
        </div>
        <p className="ws-link__copied" role="status">
          {copied === 'yes' && 'Copied. Paste it into your message to them.'}
          {copied === 'no' && 'Copying is not allowed here: select the link and copy it yourself.'}
        </p>
      </div>
      <button type="button" className="button" onClick={onDone}>
        I have passed it on — hide the link
      </button>
    </section>
  );
}
