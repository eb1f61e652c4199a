import { PageTitle } from '../components/page-title.js';

/** Working together (being built). */
export function FrostPage() {
  return <PageTitle title="Working together" />;
}
