import { PageTitle } from '../components/page-title.js';

/** Your account (being built). */
export function AccountPage() {
  return <PageTitle title="Your account" />;
}
