import { useState } from 'react';
import { reissueLink, revokeLink, type WaveStatus } from '../../api/surveys.js';
import { plural } from '../../labels.js';
import { FormError } from './form-issues.js';
import type { IssuedRow } from './issued-links.js';

/** The wave's counts: how many links, started, answered; never what anyone answered. */
export function WaveCounts({ status }: { status: WaveStatus }) {
  const { counts } = status;
  const imported = counts.responses - counts.submitted;
  return (
    <ul className="counts" aria-label="Answers so far">
      <li>
        <strong>{counts.invited}</strong> links in use
      </li>
      <li>
        <strong>{counts.started}</strong> started, not sent
      </li>
      <li>
        <strong>{counts.submitted}</strong> answered
      </li>
      <li>
        <strong>{counts.revoked}</strong> revoked
      </li>
      {imported > 0 && (
        <li>
          <strong>{imported}</strong> imported
        </li>
      )}
    </ul>
  );
}

/**
 * Who has not answered (identified waves): each with a way to end their link or make a new
 * one. Anonymous waves show counts only, and say why.
 */
export function NotAnswered({
  waveId,
  status,
  open,
  onReissued,
  onChanged,
}: {
  waveId: string;
  status: WaveStatus;
  open: boolean;
  onReissued: (row: IssuedRow) => void;
  onChanged: () => void;
}) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [said, setSaid] = useState('');

  if (status.mode === 'anonymous' || status.notAnswered === undefined)
    return (
      <p>
        This wave is anonymous, so you see only how many people have answered, never who. Send a
        reminder to everyone who was given a link.
      </p>
    );
  const waiting = [...status.notAnswered].sort((a, b) =>
    a.displayName.localeCompare(b.displayName, 'en-GB'),
  );
  if (waiting.length === 0)
    return (
      <p className="done">
        <span aria-hidden="true">✓ </span>
        {status.counts.invited === 0
          ? 'No one has been invited yet.'
          : 'Everyone who was invited has answered.'}
      </p>
    );

  const act = async (row: (typeof waiting)[number], action: 'revoke' | 'reissue') => {
    setBusy(row.linkId);
    setError(null);
    try {
      if (action === 'revoke') {
        await revokeLink(waveId, row.linkId);
        setSaid(`The link for ${row.displayName} no longer works.`);
      } else {
        const link = await reissueLink(waveId, row.linkId);
        onReissued({ link, name: row.displayName, email: null, revoked: false });
        setSaid(`Made a new link for ${row.displayName}: it is under “Links to send”.`);
      }
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <p>
        {plural(waiting.length, 'person has', 'people have')} not answered yet. Revoking a link
        stops it working; you can then invite the person again. A new link replaces the old one and
        keeps what they have answered so far.
      </p>
      <p className="done" role="status">
        {said}
      </p>
      <FormError error={error} title="The link was not changed." />
      <div className="survey-scroll">
        <table className="survey-table">
          <caption className="visually-hidden">Members who have not answered</caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Progress</th>
              {open && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {waiting.map((row) => (
              <tr key={row.linkId}>
                <th scope="row">{row.displayName}</th>
                <td>{row.started ? 'Started, not sent' : 'Not started'}</td>
                {open && (
                  <td>
                    <div className="actions">
                      <button
                        type="button"
                        className="button button--quiet"
                        aria-label={`Make a new link for ${row.displayName}`}
                        disabled={busy === row.linkId}
                        onClick={() => void act(row, 'reissue')}
                      >
                        New link
                      </button>
                      <button
                        type="button"
                        className="button button--quiet"
                        aria-label={`Revoke the link for ${row.displayName}`}
                        disabled={busy === row.linkId}
                        onClick={() => void act(row, 'revoke')}
                      >
                        Revoke
                      </button>
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
