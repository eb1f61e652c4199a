import { useState } from 'react';
import {
  acceptSuggestion,
  fetchSuggestions,
  rejectSuggestion,
  type Suggestions,
} from '../../api/qualitative.js';
import { plural } from '../../labels.js';
import { shortQuote } from './coding-text.js';
import type { CodeLook } from './reading-pane.js';
import { FormProblem, useAction } from './use-action.js';

type Verdict = 'accepted' | 'rejected';

/**
 * Suggested codes for each speaker turn (or sentence) of the source, worked out on the server
 * with nothing downloaded: at first from the codes' descriptions, then more and more from the
 * passages researchers coded. Researchers accept (the passage is coded, by them) or reject
 * (the code is not suggested for it again and counts against the code).
 */
export function SuggestionsPanel({
  collaborationId,
  sourceId,
  canWrite,
  look,
  onSelect,
  onChanged,
}: {
  readonly collaborationId: string;
  readonly sourceId: string;
  readonly canWrite: boolean;
  /** The name and colour of a suggestion's code (a model element id or a code id). */
  readonly look: (code: string) => CodeLook;
  readonly onSelect: (passage: { start: number; end: number }) => void;
  readonly onChanged: () => void;
}) {
  const [data, setData] = useState<Suggestions | null>(null);
  const [verdicts, setVerdicts] = useState<Map<string, Verdict>>(new Map());
  const load = useAction();
  const act = useAction();
  const key = (start: number, end: number, code: string) => `${start}:${end}:${code}`;

  const fetchAll = () =>
    load.run(async () => {
      setData(await fetchSuggestions(collaborationId, sourceId));
      setVerdicts(new Map());
    });

  const decide = (start: number, end: number, code: string, verdict: Verdict) =>
    act.run(async () => {
      const body = { start, end, code };
      if (verdict === 'accepted') await acceptSuggestion(collaborationId, sourceId, body);
      else await rejectSuggestion(collaborationId, sourceId, body);
      setVerdicts((old) => new Map(old).set(key(start, end, code), verdict));
      if (verdict === 'accepted') onChanged();
    });

  const units = data?.units.filter((u) => u.suggestions.length > 0) ?? [];
  return (
    <div className="ev-suggestions">
      <p className="muted">
        Suggestions are worked out here, from the codes’ descriptions and the passages already coded
        in this collaboration; nothing leaves the server.
      </p>
      <button
        type="button"
        className="button"
        aria-disabled={load.busy}
        onClick={() => void fetchAll()}
      >
        {load.busy ? 'Suggesting…' : data ? 'Suggest again' : 'Suggest codes'}
      </button>
      <FormProblem problem={load.problem ?? act.problem} />
      {data && (
        <p role="status" className="ev-suggestions__basis">
          {units.length === 0
            ? 'No code fits any passage well enough to suggest it.'
            : `${plural(units.length, 'passage', 'passages')} with suggestions, ${
                data.learnedFrom > 0
                  ? `learning from ${plural(data.learnedFrom, 'coded passage', 'coded passages')}`
                  : 'from the codes’ descriptions only'
              }${data.rejected > 0 ? ` and ${plural(data.rejected, 'rejected suggestion', 'rejected suggestions')}` : ''}.`}
        </p>
      )}
      {units.length > 0 && (
        <ol className="ev-suggestions__list">
          {units.map((unit) => (
            <li key={`${unit.start}-${unit.end}`} className="ev-suggestion">
              <p className="ev-suggestion__quote">
                {unit.speaker && <strong>{unit.speaker}: </strong>}“{shortQuote(unit.text, 160)}”
              </p>
              <button
                type="button"
                className="ev-link-button"
                onClick={() => onSelect({ start: unit.start, end: unit.end })}
              >
                Select this passage
              </button>
              <ul className="ev-suggestion__codes">
                {unit.suggestions.map((s) => {
                  const verdict = verdicts.get(key(unit.start, unit.end, s.code));
                  const l = look(s.code);
                  return (
                    <li key={s.code} className="ev-suggestion__code">
                      <span
                        className="ev-swatch"
                        aria-hidden="true"
                        style={{ backgroundColor: l.colour }}
                      />
                      <span>
                        <strong>{l.name}</strong>{' '}
                        <span className="muted">({Math.round(s.score * 100)} %)</span>
                        {s.terms.length > 0 && (
                          <span className="muted"> — words: {s.terms.slice(0, 5).join(', ')}</span>
                        )}
                      </span>
                      {verdict ? (
                        <span className="badge">
                          {verdict === 'accepted' ? 'Accepted' : 'Rejected'}
                        </span>
                      ) : (
                        canWrite && (
                          <span className="ev-actions ev-actions--tight">
                            <button
                              type="button"
                              className="button ev-button--small"
                              aria-disabled={act.busy}
                              onClick={() => void decide(unit.start, unit.end, s.code, 'accepted')}
                            >
                              Accept
                              <span className="visually-hidden"> “{l.name}” for this passage</span>
                            </button>
                            <button
                              type="button"
                              className="button button--quiet ev-button--small"
                              aria-disabled={act.busy}
                              onClick={() => void decide(unit.start, unit.end, s.code, 'rejected')}
                            >
                              Reject
                              <span className="visually-hidden"> “{l.name}” for this passage</span>
                            </button>
                          </span>
                        )
                      )}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
