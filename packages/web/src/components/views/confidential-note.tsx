import type { FullDiagnosis } from '../../api/diagnosis.js';

/**
 * Says how many records are confidential to another agency: they count in the figures (the
 * diagnosis runs on the whole record) but nothing of them is shown.
 */
export function ConfidentialNote({
  diagnosis,
}: {
  diagnosis: Pick<FullDiagnosis, 'confidential'>;
}) {
  const counts = diagnosis.confidential?.records ?? {};
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  return (
    <p className="view-note">
      <strong>Confidential records: </strong>
      {total === 1
        ? 'One record is confidential to another agency: it counts in these figures, but its details are not shown.'
        : `${total} records are confidential to another agency: they count in these figures, but their details are not shown.`}
    </p>
  );
}

/** Says how many records of the collaboration were left out of what the page shows. */
export function HiddenRecordsNote({ hidden }: { hidden: number }) {
  if (hidden <= 0) return null;
  return (
    <p className="view-note">
      <strong>Confidential records: </strong>
      {hidden === 1
        ? 'One record is confidential to another agency and is not shown.'
        : `${hidden} records are confidential to another agency and are not shown.`}
    </p>
  );
}
