import { useEffect, useState } from 'react';

/** One page of a long list, with what the pager needs to move through it. */
export interface Paged<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly pages: number;
  readonly first: number;
  readonly last: number;
  readonly total: number;
  readonly setPage: (page: number) => void;
}

/** Splits `all` into pages of `size`; back to the first page whenever `resetKey` changes. */
export function usePaged<T>(all: readonly T[], size: number, resetKey: unknown = null): Paged<T> {
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [resetKey]);
  const pages = Math.max(1, Math.ceil(all.length / size));
  const current = Math.min(page, pages - 1);
  const start = current * size;
  return {
    items: all.slice(start, start + size),
    page: current,
    pages,
    first: all.length === 0 ? 0 : start + 1,
    last: Math.min(all.length, start + size),
    total: all.length,
    setPage,
  };
}

interface PagerProps {
  readonly paged: Paged<unknown>;
  /** What the rows are, e.g. "ties". */
  readonly noun: string;
}

/** "Showing 1–50 of 210 ties" with previous and next buttons (nothing when one page does). */
export function Pager({ paged, noun }: PagerProps) {
  if (paged.pages <= 1) return null;
  return (
    <nav className="pager" aria-label={`Pages of ${noun}`}>
      <button
        type="button"
        className="button button--quiet"
        disabled={paged.page === 0}
        onClick={() => paged.setPage(paged.page - 1)}
      >
        Previous
      </button>
      <p className="pager__where" aria-live="polite">
        {paged.first}–{paged.last} of {paged.total} {noun} (page {paged.page + 1} of {paged.pages})
      </p>
      <button
        type="button"
        className="button button--quiet"
        disabled={paged.page >= paged.pages - 1}
        onClick={() => paged.setPage(paged.page + 1)}
      >
        Next
      </button>
    </nav>
  );
}
