import { useEffect, type ReactNode } from 'react';

/**
 * The page's one h1, and the document title screen readers announce after navigation.
 * Focus moves to the heading so keyboard users start at the new page's content.
 */
export function PageTitle({ title, children }: { title: string; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} — Weframe`;
  }, [title]);
  return (
    <div className="page-title">
      <h1 tabIndex={-1}>{title}</h1>
      {children}
    </div>
  );
}
