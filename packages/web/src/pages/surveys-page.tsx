import { PageTitle } from '../components/page-title.js';

/** Surveys (being built). */
export function SurveysPage() {
  return <PageTitle title="Surveys" />;
}
