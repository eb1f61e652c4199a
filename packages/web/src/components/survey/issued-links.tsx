import { useState } from 'react';
import { saveBlob } from '../../api/http.js';
import { reissueLink, revokeLink, type SurveyLink } from '../../api/surveys.js';
import { FormError } from './form-issues.js';
import { linksCsv } from './roster.js';

/** A link made in this visit, with what the facilitator knows of its holder. */
export interface IssuedRow {
  readonly link: SurveyLink;
  readonly name: string;
  readonly email: string | null;
  readonly revoked: boolean;
}

/** The address to hand out: absolute, whatever form the server gave. */
export const absoluteUrl = (url: string) => new URL(url, window.location.origin).href;

/** Copies text; falls back to a selected text area where the Clipboard API is unavailable. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (permissions): try the old way below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let done = false;
  try {
    done = document.execCommand('copy');
  } catch {
    done = false;
  }
  area.remove();
  return done;
}

/** Links just made or reissued: copy each, download them all, revoke or replace one. */
export function IssuedLinks({
  waveId,
  waveName,
  rows,
  onChange,
  open,
}: {
  waveId: string;
  waveName: string;
  rows: readonly IssuedRow[];
  onChange: (rows: IssuedRow[], changedCounts: boolean) => void;
  open: boolean;
}) {
  const [said, setSaid] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  if (rows.length === 0) return null;

  const copy = async (text: string, what: string) => {
    setSaid(
      (await copyText(text))
        ? `Copied ${what}.`
        : `Could not copy ${what}: select it and copy it by hand.`,
    );
  };
  const live = rows.filter((r) => !r.revoked);
  const download = () => {
    const csv = linksCsv(
      live.map((r) => ({
        name: r.name,
        email: r.email,
        url: absoluteUrl(r.link.url),
        expiresAt: r.link.expiresAt,
      })),
    );
    const slug =
      waveName
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'wave';
    saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${slug}-links.csv`);
    setSaid(`Downloaded ${live.length} links as a CSV file.`);
  };
  const act = async (row: IssuedRow, action: 'revoke' | 'reissue') => {
    setBusy(row.link.id);
    setError(null);
    try {
      if (action === 'revoke') {
        await revokeLink(waveId, row.link.id);
        onChange(
          rows.map((r) => (r.link.id === row.link.id ? { ...r, revoked: true } : r)),
          true,
        );
        setSaid(`The link for ${row.name} no longer works.`);
      } else {
        const link = await reissueLink(waveId, row.link.id);
        onChange(
          rows.map((r) => (r.link.id === row.link.id ? { ...r, link, revoked: false } : r)),
          true,
        );
        setSaid(`Made a new link for ${row.name}; the old one no longer works.`);
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card" aria-labelledby="links-heading">
      <h2 id="links-heading">Links to send</h2>
      <p>
        <strong>Copy or download these links now.</strong> Weframe keeps only a fingerprint of each
        link, so it cannot show them again once you leave this page. If one is lost, make a new one
        for that person.
      </p>
      <div className="toolbar">
        <button type="button" className="button" onClick={download} disabled={live.length === 0}>
          Download the links (CSV)
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={live.length === 0}
          onClick={() =>
            void copy(
              live.map((r) => `${r.name}\t${absoluteUrl(r.link.url)}`).join('\n'),
              'every link',
            )
          }
        >
          Copy all links
        </button>
      </div>
      <p className="done" role="status">
        {said}
      </p>
      <FormError error={error} title="The link was not changed." />
      <div className="survey-scroll">
        <table className="survey-table">
          <caption className="visually-hidden">Links made for this wave</caption>
          <thead>
            <tr>
              <th scope="col">For</th>
              <th scope="col">Link</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.link.id}>
                <th scope="row">
                  {row.name}
                  {row.email && <div className="muted">{row.email}</div>}
                </th>
                <td>
                  {row.revoked ? (
                    <span className="badge">Revoked: no longer works</span>
                  ) : (
                    <span className="link-text">{absoluteUrl(row.link.url)}</span>
                  )}
                </td>
                <td>
                  <div className="actions">
                    {!row.revoked && (
                      <button
                        type="button"
                        className="button"
                        aria-label={`Copy the link for ${row.name}`}
                        onClick={() =>
                          void copy(absoluteUrl(row.link.url), `the link for ${row.name}`)
                        }
                      >
                        Copy
                      </button>
                    )}
                    {open && !row.revoked && (
                      <button
                        type="button"
                        className="button button--quiet"
                        aria-label={`Revoke the link for ${row.name}`}
                        disabled={busy === row.link.id}
                        onClick={() => void act(row, 'revoke')}
                      >
                        Revoke
                      </button>
                    )}
                    {open && (
                      <button
                        type="button"
                        className="button button--quiet"
                        aria-label={`Make a new link for ${row.name}`}
                        disabled={busy === row.link.id}
                        onClick={() => void act(row, 'reissue')}
                      >
                        New link
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
