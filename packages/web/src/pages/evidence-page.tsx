import { PageTitle } from '../components/page-title.js';

/** Evidence (being built). */
export function EvidencePage() {
  return <PageTitle title="Evidence" />;
}
