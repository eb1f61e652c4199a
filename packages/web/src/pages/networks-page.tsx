import { PageTitle } from '../components/page-title.js';

/** Networks (being built). */
export function NetworksPage() {
  return <PageTitle title="Networks" />;
}
