import { PageTitle } from '../components/page-title.js';

/** New collaboration (being built). */
export function NewCollaborationPage() {
  return <PageTitle title="New collaboration" />;
}
