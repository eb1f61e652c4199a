import { useState } from 'react';
import { ConnectionError, SignedOutError } from '../../api/http.js';
import { exportCollaboration } from '../../api/records.js';
import { useSession } from '../../session.js';

/** Downloads the collaboration document; records confidential to other agencies stay out. */
export function ExportButton({
  collaborationId,
  fileName,
}: {
  readonly collaborationId: string;
  readonly fileName: string;
}) {
  const session = useSession();
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'busy' } | { kind: 'error'; message: string }
  >({ kind: 'idle' });
  const run = async () => {
    if (state.kind === 'busy') return;
    setState({ kind: 'busy' });
    try {
      await exportCollaboration(collaborationId, fileName);
      setState({ kind: 'idle' });
    } catch (error) {
      if (error instanceof SignedOutError) return session.signedOut();
      setState({
        kind: 'error',
        message:
          error instanceof ConnectionError || error instanceof Error
            ? error.message
            : String(error),
      });
    }
  };
  return (
    <div className="rec-export">
      <button
        type="button"
        className="button"
        aria-disabled={state.kind === 'busy'}
        onClick={() => void run()}
      >
        {state.kind === 'busy' ? 'Preparing the file…' : 'Export the collaboration (.json)'}
      </button>
      {state.kind === 'error' && (
        <p className="rec-error" role="alert">
          The file could not be made: {state.message}
        </p>
      )}
    </div>
  );
}
