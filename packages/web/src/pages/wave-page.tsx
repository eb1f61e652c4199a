import { PageTitle } from '../components/page-title.js';

/** Survey wave (being built). */
export function WavePage() {
  return <PageTitle title="Survey wave" />;
}
