import { PageTitle } from '../components/page-title.js';

/** Audit log (being built). */
export function AuditPage() {
  return <PageTitle title="Audit log" />;
}
