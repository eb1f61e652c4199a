import { PageTitle } from '../components/page-title.js';

/** Element (being built). */
export function ElementPage() {
  return <PageTitle title="Element" />;
}
