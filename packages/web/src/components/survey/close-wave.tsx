import { useEffect, useRef, useState } from 'react';
import { closeWave, type Wave } from '../../api/surveys.js';
import { plural } from '../../labels.js';
import { FormError } from './form-issues.js';

/** Closing a wave, after a confirmation that says what closing does. */
export function CloseWave({ wave, onClosed }: { wave: Wave; onClosed: (wave: Wave) => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const waiting = wave.counts.invited - wave.counts.submitted;

  useEffect(() => {
    if (asking) heading.current?.focus();
  }, [asking]);

  if (!asking)
    return (
      <button
        ref={opener}
        type="button"
        className="button button--quiet"
        onClick={() => setAsking(true)}
      >
        Close the wave…
      </button>
    );

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      onClosed(await closeWave(wave.id));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <div className="confirm" role="group" aria-labelledby="close-heading">
      <h3 id="close-heading" ref={heading} tabIndex={-1}>
        Close “{wave.name}”?
      </h3>
      <p>
        Closing ends every link that has not been used
        {waiting > 0 ? ` (${plural(waiting, 'link', 'links')} still waiting for answers)` : ''}:
        answers saved but not sent are not counted. No one can answer this wave afterwards, and it
        cannot be opened again.
      </p>
      <FormError error={error} title="The wave was not closed." />
      <div className="toolbar">
        <button
          type="button"
          className="button button--close"
          disabled={busy}
          onClick={() => void confirm()}
        >
          {busy ? 'Closing…' : 'Yes, close the wave'}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            setAsking(false);
            requestAnimationFrame(() => opener.current?.focus());
          }}
        >
          Keep it open
        </button>
      </div>
    </div>
  );
}
