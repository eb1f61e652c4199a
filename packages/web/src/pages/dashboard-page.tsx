import { PageTitle } from '../components/page-title.js';

/** Diagnosis (being built). */
export function DashboardPage() {
  return <PageTitle title="Diagnosis" />;
}
