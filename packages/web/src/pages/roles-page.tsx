import { PageTitle } from '../components/page-title.js';

/** Roles (being built). */
export function RolesPage() {
  return <PageTitle title="Roles" />;
}
