import { PageTitle } from '../components/page-title.js';

/** Timeline (being built). */
export function TimelinePage() {
  return <PageTitle title="Timeline" />;
}
