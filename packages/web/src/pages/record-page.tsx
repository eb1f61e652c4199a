import { PageTitle } from '../components/page-title.js';

/** Record (being built). */
export function RecordPage() {
  return <PageTitle title="Record" />;
}
