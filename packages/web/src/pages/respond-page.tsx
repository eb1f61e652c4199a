import { PageTitle } from '../components/page-title.js';

/** A member answering a survey through their single-use link (being built). */
export function RespondPage({ token }: { token: string }) {
  return <PageTitle title="Survey">{token ? null : null}</PageTitle>;
}
