import { PageTitle } from '../components/page-title.js';

/** Policy context (being built). */
export function PolicyPage() {
  return <PageTitle title="Policy context" />;
}
