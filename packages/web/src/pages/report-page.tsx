import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useSearchParams } from 'wouter';
import { downloadPaths, reportPath, responsesPath, type WaveListItem } from '../api/diagnosis.js';
import { download } from '../api/http.js';
import { useWaves } from '../components/model/use-waves.js';
import { WavePicker } from '../components/model/wave-picker.js';
import { PageTitle } from '../components/page-title.js';
import { StatusMessage } from '../components/status-message.js';
import { useCollaboration } from '../collaboration-context.js';
import { markInteractive } from '../interactive.js';
import { plural } from '../labels.js';
import '../styles/dashboard.css';

/** One file to download: what it holds, where it comes from, its name if the server gives none. */
interface Download {
  readonly key: string;
  readonly label: string;
  readonly detail: string;
  readonly path: string;
  readonly fileName: string;
}

/** Downloads one file at a time, and says so when one fails. */
function useDownload() {
  const [state, setState] = useState<{ busy: string | null; error: string | null }>({
    busy: null,
    error: null,
  });
  const start = useCallback((file: Download) => {
    setState({ busy: file.key, error: null });
    download(file.path, file.fileName).then(
      () => setState({ busy: null, error: null }),
      (error: unknown) =>
        setState({
          busy: null,
          error: `“${file.label}” could not be downloaded: ${error instanceof Error ? error.message : String(error)}`,
        }),
    );
  }, []);
  return { ...state, start };
}

/** The printable report of the diagnosis, and the data behind it as CSV files. */
export function ReportPage() {
  const { id, can, revision } = useCollaboration();
  const [params, setParams] = useSearchParams();
  const wave = params.get('wave');
  const manages = can('wave.manage');
  const waves = useWaves(id, manages);
  const path = reportPath(id, wave);
  const frame = useRef<HTMLIFrameElement>(null);
  const [frameState, setFrameState] = useState<FrameState>('loading');
  const { busy, error, start } = useDownload();

  const paths = downloadPaths(id, wave);
  const report: Download = {
    key: 'report',
    label: 'Download the report (HTML)',
    detail: 'one file that opens in any browser',
    path,
    fileName: `weframe-report-${id}.html`,
  };
  const data: Download[] = [
    {
      key: 'indicators',
      label: 'Indicators (CSV)',
      detail: 'every indicator of every element: status, value, threshold and finding',
      path: paths.indicators,
      fileName: `weframe-indicators-${id}.csv`,
    },
    {
      key: 'edges-professional',
      label: 'Contacts between professionals (CSV)',
      detail: 'the inter-professional network as a list of ties',
      path: paths.edgesProfessional,
      fileName: `weframe-edges-professional-${id}.csv`,
    },
    {
      key: 'edges-agency',
      label: 'Contacts between agencies (CSV)',
      detail: 'the inter-agency network as a list of ties',
      path: paths.edgesAgency,
      fileName: `weframe-edges-agency-${id}.csv`,
    },
  ];
  const answers: Download[] = waves.map((w) => ({
    key: `responses-${w.id}`,
    label: `Answers to ${w.name} (CSV)`,
    detail: `${plural(w.counts.responses, 'response', 'responses')}; ${responseNote(w)}`,
    path: responsesPath(w.id),
    fileName: `weframe-responses-${w.id}.csv`,
  }));

  return (
    <>
      <PageTitle title="Report" />
      <p className="report-lead">
        The whole diagnosis on one page, to print or to keep as a file, and the data behind it for a
        spreadsheet.
      </p>
      <div className="toolbar report-toolbar">
        <WavePicker
          waves={waves}
          current={wave}
          onChange={(w) =>
            setParams((previous) => {
              const next = new URLSearchParams(previous);
              next.set('wave', w);
              return next;
            })
          }
        />
        <button
          type="button"
          className="button button--primary"
          disabled={frameState !== 'ready'}
          onClick={() => frame.current?.contentWindow?.print()}
        >
          Print the report
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={busy !== null}
          onClick={() => start(report)}
        >
          {busy === report.key ? 'Preparing…' : report.label}
        </button>
      </div>
      {error !== null && (
        <StatusMessage kind="error">
          <p>{error}</p>
        </StatusMessage>
      )}

      <section className="report-section report-data" aria-labelledby="data-heading">
        <h2 id="data-heading">Data for a spreadsheet</h2>
        <DownloadList files={data} busy={busy} start={start} />
        {manages && (
          <>
            <h3>Survey answers</h3>
            {answers.length === 0 ? (
              <p className="muted">No survey waves yet.</p>
            ) : (
              <DownloadList files={answers} busy={busy} start={start} />
            )}
          </>
        )}
      </section>

      <section className="report-section" aria-labelledby="report-heading">
        <h2 id="report-heading">The report</h2>
        <ReportFrame
          key={`${path}#${revision}`}
          path={path}
          frame={frame}
          state={frameState}
          onState={setFrameState}
        />
      </section>
    </>
  );
}

function responseNote(wave: WaveListItem): string {
  return wave.mode === 'anonymous'
    ? 'anonymous: no names, and nothing that links an answer to a member'
    : 'named answers';
}

function DownloadList({
  files,
  busy,
  start,
}: {
  files: readonly Download[];
  busy: string | null;
  start: (file: Download) => void;
}) {
  return (
    <ul className="download-list">
      {files.map((file) => (
        <li key={file.key}>
          <button
            type="button"
            className="button button--quiet"
            disabled={busy !== null}
            aria-describedby={`download-${file.key}`}
            onClick={() => start(file)}
          >
            {busy === file.key ? 'Preparing…' : file.label}
          </button>
          <span id={`download-${file.key}`} className="download-list__detail muted">
            {file.detail}
          </span>
        </li>
      ))}
    </ul>
  );
}

type FrameState = 'loading' | 'ready' | 'error';

/** The message of the server's JSON refusal, if that is what the frame holds. */
function refusalMessage(text: string): string | null {
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body === 'object' && body !== null && 'message' in body)
      return typeof body.message === 'string' ? body.message : null;
  } catch {
    // Not JSON: nothing more to say.
  }
  return null;
}

/**
 * The server's standalone report in a sandboxed frame: no script may run in it, and its own
 * print styles apply when it is printed.
 */
function ReportFrame({
  path,
  frame,
  state,
  onState,
}: {
  path: string;
  frame: RefObject<HTMLIFrameElement | null>;
  state: FrameState;
  onState: (state: FrameState) => void;
}) {
  const [height, setHeight] = useState(800);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => onState('loading'), [onState]);
  useEffect(() => {
    if (state !== 'loading') markInteractive();
  }, [state]);

  const loaded = () => {
    const doc = frame.current?.contentDocument;
    // A refusal (the server's JSON error) is no report.
    if (!doc || doc.contentType !== 'text/html') {
      setProblem(refusalMessage(doc?.body?.textContent ?? ''));
      onState('error');
      return;
    }
    setHeight(doc.documentElement.scrollHeight + 16);
    onState('ready');
  };

  return (
    <>
      {state === 'loading' && (
        <StatusMessage kind="loading">
          <p>Preparing the report…</p>
        </StatusMessage>
      )}
      {state === 'error' && (
        <StatusMessage kind="error">
          <p className="status__title">The report could not be prepared.</p>
          <p className="status__detail">{problem ?? 'Reload the page to try again.'}</p>
        </StatusMessage>
      )}
      <iframe
        ref={frame}
        className="report-frame"
        title="The diagnosis report"
        src={path}
        sandbox="allow-same-origin allow-modals"
        style={{ height }}
        hidden={state === 'error'}
        onLoad={loaded}
      />
    </>
  );
}
