import { PageTitle } from '../components/page-title.js';

/** Goals (being built). */
export function GoalsPage() {
  return <PageTitle title="Goals" />;
}
