import { useId, useRef, useState } from 'react';
import { ApiError } from '../../api/http.js';
import {
  importProject,
  importSource,
  isProjectFile,
  SOURCE_KINDS,
  sourceKindLabel,
  type ProjectImport,
} from '../../api/qualitative.js';
import { plural } from '../../labels.js';
import { describedBy, FieldIssues, FormProblem, useAction } from './use-action.js';

const NOUNS: Record<string, [string, string]> = {
  sources: ['source', 'sources'],
  codes: ['code', 'codes'],
  coders: ['coder', 'coders'],
  codings: ['coded passage', 'coded passages'],
  memos: ['memo', 'memos'],
  cases: ['case', 'cases'],
  attributes: ['attribute', 'attributes'],
};

/** What a project import added and changed, in words. */
function importSummary(report: ProjectImport): string {
  const part = (counts: Readonly<Record<string, number>>) =>
    Object.entries(NOUNS)
      .filter(([key]) => (counts[key] ?? 0) > 0)
      .map(([key, [one, many]]) => plural(counts[key] ?? 0, one, many))
      .join(', ');
  const added = part(report.added);
  const updated = part(report.updated);
  if (!added && !updated) return 'Imported: everything in the file was here already.';
  return `Imported: ${[added ? `added ${added}` : '', updated ? `updated ${updated}` : ''].filter(Boolean).join('; ')}.`;
}

/**
 * Adds a source (.txt, .md, .docx: its "Name:" speakers become cases) or merges a REFI-QDA
 * project (.qdpx) or codebook (.qdc). A refused file shows why, and nothing is added.
 */
export function SourceImport({
  collaborationId,
  onImported,
}: {
  readonly collaborationId: string;
  readonly onImported: (sourceId: string | null) => void;
}) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<string>('interview');
  const [date, setDate] = useState('');
  const [title, setTitle] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const project = file !== null && isProjectFile(file.name);
  const fileIssues = action.issuesFor('file');
  const dateIssues = action.issuesFor('date');
  const titleIssues = action.issuesFor('title');
  const kindIssues = action.issuesFor('kind');

  const submit = () =>
    action.run(async () => {
      setDone(null);
      if (!file) {
        throw new ApiError('The form has a problem', 0, 'missing', [
          { code: 'missing', path: 'file', message: 'Choose a file to import.' },
        ]);
      }
      if (project) {
        const report = await importProject(collaborationId, file, kind);
        setDone([importSummary(report), ...report.warnings.map((w) => `Note: ${w}`)].join(' '));
        onImported(null);
      } else {
        const result = await importSource(collaborationId, file, { kind, date, title });
        const speakers = result.source.speakers.length;
        setDone(
          `Added “${result.source.title}”${speakers > 0 ? ` with ${plural(speakers, 'speaker', 'speakers')}` : ''}${result.newCases.length > 0 ? `; new cases: ${result.newCases.map((c) => c.name).join(', ')}` : ''}.`,
        );
        onImported(result.source.id);
      }
      setFile(null);
      setTitle('');
      if (fileRef.current) fileRef.current.value = '';
    });

  return (
    <form
      className="ev-import"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${id}-title`}>Add a source or a project</h3>
      <FormProblem problem={action.problem} fields={['file', 'kind', 'date', 'title']} />
      {done && (
        <p className="ev-done" role="status">
          {done}
        </p>
      )}
      <div className="ev-field">
        <label htmlFor={`${id}-file`}>File</label>
        <p className="ev-hint" id={`${id}-file-hint`}>
          A transcript or notes as .txt, .md or .docx — lines that start with a name and a colon
          (“Nurse:”) become speaker turns, and each speaker a case — or a REFI-QDA project (.qdpx)
          or codebook (.qdc) from NVivo, ATLAS.ti, MAXQDA or QualCoder.
        </p>
        <input
          ref={fileRef}
          id={`${id}-file`}
          type="file"
          accept=".txt,.md,.markdown,.docx,.qdpx,.qdc"
          aria-describedby={[`${id}-file-hint`, describedBy(`${id}-file-issues`, fileIssues)]
            .filter(Boolean)
            .join(' ')}
          aria-invalid={fileIssues.length > 0 || undefined}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setDone(null);
            action.clear();
          }}
        />
        <FieldIssues id={`${id}-file-issues`} issues={fileIssues} />
      </div>
      <div className="ev-field-row">
        <div className="ev-field">
          <label htmlFor={`${id}-kind`}>Kind of source</label>
          <select
            id={`${id}-kind`}
            className="ev-input"
            value={kind}
            aria-describedby={describedBy(`${id}-kind-issues`, kindIssues)}
            onChange={(event) => setKind(event.target.value)}
          >
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {sourceKindLabel(k)}
              </option>
            ))}
          </select>
          <FieldIssues id={`${id}-kind-issues`} issues={kindIssues} />
        </div>
        {!project && (
          <div className="ev-field">
            <label htmlFor={`${id}-date`}>Date (optional)</label>
            <input
              id={`${id}-date`}
              className="ev-input"
              type="date"
              value={date}
              aria-describedby={describedBy(`${id}-date-issues`, dateIssues)}
              aria-invalid={dateIssues.length > 0 || undefined}
              onChange={(event) => setDate(event.target.value)}
            />
            <FieldIssues id={`${id}-date-issues`} issues={dateIssues} />
          </div>
        )}
      </div>
      {!project && (
        <div className="ev-field">
          <label htmlFor={`${id}-name`}>Title (optional)</label>
          <p className="ev-hint" id={`${id}-name-hint`}>
            Left empty, the file’s name is used.
          </p>
          <input
            id={`${id}-name`}
            className="ev-input"
            type="text"
            value={title}
            maxLength={300}
            aria-describedby={[`${id}-name-hint`, describedBy(`${id}-name-issues`, titleIssues)]
              .filter(Boolean)
              .join(' ')}
            onChange={(event) => setTitle(event.target.value)}
          />
          <FieldIssues id={`${id}-name-issues`} issues={titleIssues} />
        </div>
      )}
      <button type="submit" className="button button--primary" aria-disabled={action.busy}>
        {action.busy ? 'Importing…' : project ? 'Import project' : 'Add source'}
      </button>
    </form>
  );
}
