import { PageTitle } from '../components/page-title.js';

/** Report (being built). */
export function ReportPage() {
  return <PageTitle title="Report" />;
}
