import type { ReactNode } from 'react';

interface StatusMessageProps {
  kind: 'loading' | 'empty' | 'error';
  children: ReactNode;
}

/** Loading, empty and error states. Errors are announced at once; the rest politely. */
export function StatusMessage({ kind, children }: StatusMessageProps) {
  return (
    <div className={`status status--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
