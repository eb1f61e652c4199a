import { PageTitle } from '../components/page-title.js';

/** Change between waves (being built). */
export function ChangePage() {
  return <PageTitle title="Change between waves" />;
}
