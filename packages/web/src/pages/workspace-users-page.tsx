import { PageTitle } from '../components/page-title.js';

/** People (being built). */
export function WorkspaceUsersPage() {
  return <PageTitle title="People" />;
}
