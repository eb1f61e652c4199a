import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/http.js';
import { openWave, type Wave, type WaveMode } from '../../api/surveys.js';
import { FieldIssues, FormError, issuesAt } from './form-issues.js';

/** Opening a wave: its name, anonymous or identified (explained), its opening and closing days. */
export function OpenWaveForm({
  collaborationId,
  onOpened,
}: {
  collaborationId: string;
  onOpened: (wave: Wave) => void;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [mode, setMode] = useState<WaveMode>('identified');
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const issues = error instanceof ApiError ? error.issues : [];
  const at = (path: string) => issuesAt(issues, path);
  const describedBy = (path: string, hint?: string) =>
    [hint, at(path).length > 0 ? `${id}-${path}-issues` : null].filter(Boolean).join(' ') ||
    undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const wave = await openWave(collaborationId, {
        name: name.trim(),
        mode,
        ...(opensOn ? { opensOn } : {}),
        closesOn: closesOn === '' ? null : closesOn,
      });
      onOpened(wave);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)} noValidate>
      <FormError
        error={error}
        title="The wave was not opened."
        shown={['name', 'mode', 'opensOn', 'closesOn']}
      />
      <div className="field">
        <label htmlFor={`${id}-name`}>Name of the wave</label>
        <span className="muted" id={`${id}-name-hint`}>
          For example “Spring review 2027”. Members see it at the top of their survey.
        </span>
        <input
          id={`${id}-name`}
          type="text"
          value={name}
          maxLength={300}
          required
          aria-invalid={at('name').length > 0 || undefined}
          aria-describedby={describedBy('name', `${id}-name-hint`)}
          onChange={(e) => setName(e.target.value)}
        />
        <FieldIssues id={`${id}-name-issues`} issues={at('name')} />
      </div>
      <fieldset className="mode-choice" aria-describedby={describedBy('mode')}>
        <legend>Who can be told apart in the answers</legend>
        <div className="choices choices--list">
          <label className="choice">
            <input
              type="radio"
              name={`${id}-mode`}
              value="identified"
              checked={mode === 'identified'}
              onChange={() => setMode('identified')}
            />
            <span className="choice__text">
              <span className="choice__label">Identified</span>
              <span className="choice__hint">
                Each member gets their own link. You see who has not answered yet, and members also
                name the colleagues they work with, which draws the contact map and the role map.
                Other members never see anyone’s own answers.
              </span>
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name={`${id}-mode`}
              value="anonymous"
              checked={mode === 'anonymous'}
              onChange={() => setMode('anonymous')}
            />
            <span className="choice__text">
              <span className="choice__label">Anonymous</span>
              <span className="choice__hint">
                Answers are stored without names and cannot be traced to a link. You see only how
                many have answered. There are no questions about named colleagues, so no contact map
                comes from this wave. Use it when people may not speak freely otherwise.
              </span>
            </span>
          </label>
        </div>
        <FieldIssues id={`${id}-mode-issues`} issues={at('mode')} />
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-opens`}>Opens on (optional)</label>
        <span className="muted" id={`${id}-opens-hint`}>
          Leave it empty to open the wave today. Links work from this day.
        </span>
        <input
          id={`${id}-opens`}
          type="date"
          value={opensOn}
          aria-invalid={at('opensOn').length > 0 || undefined}
          aria-describedby={describedBy('opensOn', `${id}-opens-hint`)}
          onChange={(e) => setOpensOn(e.target.value)}
        />
        <FieldIssues id={`${id}-opensOn-issues`} issues={at('opensOn')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-closes`}>Closes at the end of (optional)</label>
        <span className="muted" id={`${id}-closes-hint`}>
          Links stop working after this day. Leave it empty to close the wave yourself.
        </span>
        <input
          id={`${id}-closes`}
          type="date"
          value={closesOn}
          min={opensOn || undefined}
          aria-invalid={at('closesOn').length > 0 || undefined}
          aria-describedby={describedBy('closesOn', `${id}-closes-hint`)}
          onChange={(e) => setClosesOn(e.target.value)}
        />
        <FieldIssues id={`${id}-closesOn-issues`} issues={at('closesOn')} />
      </div>
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Opening…' : 'Open the wave'}
        </button>
      </div>
    </form>
  );
}
