import { useEffect, useState } from 'react';
import { Link, useParams } from 'wouter';
import { download } from '../api/http.js';
import { fetchWave, fetchWaveStatus, responsesCsvPath } from '../api/surveys.js';
import { useCollaboration } from '../collaboration-context.js';
import { PageTitle } from '../components/page-title.js';
import { StatusMessage } from '../components/status-message.js';
import { CloseWave } from '../components/survey/close-wave.js';
import { FormError } from '../components/survey/form-issues.js';
import { ImportResponses } from '../components/survey/import-responses.js';
import { InviteForm } from '../components/survey/invite-form.js';
import { IssuedLinks, type IssuedRow } from '../components/survey/issued-links.js';
import { dayText, modeText, waveStatusText } from '../components/survey/wave-list.js';
import { NotAnswered, WaveCounts } from '../components/survey/wave-status-panel.js';
import { useResource } from '../hooks/use-resource.js';
import { markInteractive } from '../interactive.js';
import '../styles/survey.css';

// Links are shown once: kept in memory while the app is open, so moving between pages keeps them.
const issuedByWave = new Map<string, IssuedRow[]>();

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'wave';

/** One survey wave: invite, copy links, follow who has answered, import, download, close. */
export function WavePage() {
  const { waveId = '' } = useParams<{ waveId: string }>();
  const { id, can, changed, revision } = useCollaboration();
  const allowed = can('wave.manage');
  const [tick, setTick] = useState(0);
  const data = useResource(
    async (signal) => {
      const [wave, status] = await Promise.all([
        fetchWave(waveId, signal),
        fetchWaveStatus(waveId, signal),
      ]);
      return { wave, status };
    },
    [waveId, tick, revision],
  );
  const [issued, setIssued] = useState<IssuedRow[]>(() => issuedByWave.get(waveId) ?? []);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const refresh = () => setTick((n) => n + 1);
  const keep = (rows: IssuedRow[]) => {
    issuedByWave.set(waveId, rows);
    setIssued(rows);
  };

  useEffect(() => {
    if (data.kind !== 'loading') markInteractive();
  }, [data.kind]);

  const back = (
    <p>
      <Link href={`/c/${encodeURIComponent(id)}/surveys`}>
        <span aria-hidden="true">← </span>All survey waves
      </Link>
    </p>
  );

  if (!allowed)
    return (
      <PageTitle title="Survey wave">
        <p>Only owners and facilitators run survey waves.</p>
      </PageTitle>
    );
  if (data.kind === 'loading')
    return (
      <StatusMessage kind="loading">
        <p>Loading the wave…</p>
      </StatusMessage>
    );
  if (data.kind === 'error')
    return (
      <>
        <PageTitle title="Survey wave" />
        <StatusMessage kind="error">
          <p className="status__title">This wave could not be loaded.</p>
          <p className="status__detail">{data.error.message}</p>
          <button type="button" className="button" onClick={data.reload}>
            Try again
          </button>
        </StatusMessage>
        {back}
      </>
    );

  const { wave, status } = data.data;
  const open = wave.status !== 'closed';
  const closed = () => {
    changed();
    refresh();
  };
  const withLink = new Set((status.notAnswered ?? []).map((n) => n.memberId));

  return (
    <div className="surveys">
      {back}
      <PageTitle title={wave.name}>
        <dl className="facts">
          <div className="facts__item">
            <dt>Kind</dt>
            <dd>
              {modeText(wave.mode)}
              {wave.mode === 'anonymous'
                ? ': answers carry no names; you see counts only'
                : ': you see who has not answered; members name colleagues'}
            </dd>
          </div>
          <div className="facts__item">
            <dt>Opens</dt>
            <dd>{dayText(wave.opensOn)}</dd>
          </div>
          <div className="facts__item">
            <dt>Closes</dt>
            <dd>
              {wave.closesOn ? `at the end of ${dayText(wave.closesOn)}` : 'when you close it'}
            </dd>
          </div>
          <div className="facts__item">
            <dt>State</dt>
            <dd>
              <span className="badge">{waveStatusText(wave)}</span>
            </dd>
          </div>
        </dl>
      </PageTitle>

      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">Answers so far</h2>
        <WaveCounts status={status} />
        <div className="toolbar" style={{ marginTop: '1rem' }}>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDownloadError(null);
              download(responsesCsvPath(wave.id), `${slug(wave.name)}-responses.csv`).catch(
                setDownloadError,
              );
            }}
          >
            Download the responses (CSV)
          </button>
          <button type="button" className="button button--quiet" onClick={refresh}>
            Check again
          </button>
        </div>
        <FormError error={downloadError} title="The responses could not be downloaded." />
        {wave.mode === 'anonymous' && (
          <p className="muted">
            The download holds no names and no link to anyone’s invitation, as the wave promised.
          </p>
        )}
      </section>

      {open ? (
        <>
          <section className="card" aria-labelledby="invite-heading">
            <h2 id="invite-heading">Invite people</h2>
            <InviteForm
              wave={wave}
              collaborationId={id}
              withLink={withLink}
              onIssued={(rows) => {
                keep([...issued, ...rows]);
                refresh();
              }}
            />
          </section>
          <IssuedLinks
            waveId={wave.id}
            waveName={wave.name}
            rows={issued}
            open={open}
            onChange={(rows, counts) => {
              keep(rows);
              if (counts) refresh();
            }}
          />
          <section className="card" aria-labelledby="waiting-heading">
            <h2 id="waiting-heading">Who has not answered</h2>
            <NotAnswered
              waveId={wave.id}
              status={status}
              open={open}
              onChanged={refresh}
              onReissued={(row) => keep([...issued.filter((r) => r.link.id !== row.link.id), row])}
            />
          </section>
          <section className="card" aria-labelledby="import-heading">
            <h2 id="import-heading">Import responses from another tool</h2>
            <ImportResponses
              waveId={wave.id}
              mode={wave.mode}
              onImported={() => {
                changed();
                refresh();
              }}
            />
          </section>
          <section aria-labelledby="close-heading-section">
            <h2 id="close-heading-section">Close the wave</h2>
            <p>When enough people have answered, close the wave to freeze its answers.</p>
            <CloseWave wave={wave} onClosed={closed} />
          </section>
        </>
      ) : (
        <p className="muted">
          This wave is closed: no one can answer it any more, and its answers are frozen.
        </p>
      )}
    </div>
  );
}
