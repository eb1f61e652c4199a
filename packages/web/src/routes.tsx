import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { CollaborationLayout } from './components/collaboration-layout.js';
import { PageTitle } from './components/page-title.js';
import { HomePage } from './pages/home-page.js';
import { StatusMessage } from './components/status-message.js';

// Each page is its own chunk: a member answering a survey on a phone, or the dashboard,
// loads only what it draws.
const AccountPage = lazy(() =>
  import('./pages/account-page.js').then((m) => ({ default: m.AccountPage })),
);
const AuditPage = lazy(() =>
  import('./pages/audit-page.js').then((m) => ({ default: m.AuditPage })),
);
const ChangePage = lazy(() =>
  import('./pages/change-page.js').then((m) => ({ default: m.ChangePage })),
);
const DashboardPage = lazy(() =>
  import('./pages/dashboard-page.js').then((m) => ({ default: m.DashboardPage })),
);
const ElementPage = lazy(() =>
  import('./pages/element-page.js').then((m) => ({ default: m.ElementPage })),
);
const EvidencePage = lazy(() =>
  import('./pages/evidence-page.js').then((m) => ({ default: m.EvidencePage })),
);
const FrostPage = lazy(() =>
  import('./pages/frost-page.js').then((m) => ({ default: m.FrostPage })),
);
const GoalsPage = lazy(() =>
  import('./pages/goals-page.js').then((m) => ({ default: m.GoalsPage })),
);
const NetworksPage = lazy(() =>
  import('./pages/networks-page.js').then((m) => ({ default: m.NetworksPage })),
);
const NewCollaborationPage = lazy(() =>
  import('./pages/new-collaboration-page.js').then((m) => ({ default: m.NewCollaborationPage })),
);
const PolicyPage = lazy(() =>
  import('./pages/policy-page.js').then((m) => ({ default: m.PolicyPage })),
);
const RecordPage = lazy(() =>
  import('./pages/record-page.js').then((m) => ({ default: m.RecordPage })),
);
const ReportPage = lazy(() =>
  import('./pages/report-page.js').then((m) => ({ default: m.ReportPage })),
);
const RolesPage = lazy(() =>
  import('./pages/roles-page.js').then((m) => ({ default: m.RolesPage })),
);
const SurveysPage = lazy(() =>
  import('./pages/surveys-page.js').then((m) => ({ default: m.SurveysPage })),
);
const TimelinePage = lazy(() =>
  import('./pages/timeline-page.js').then((m) => ({ default: m.TimelinePage })),
);
const WavePage = lazy(() => import('./pages/wave-page.js').then((m) => ({ default: m.WavePage })));
const WorkspaceUsersPage = lazy(() =>
  import('./pages/workspace-users-page.js').then((m) => ({ default: m.WorkspaceUsersPage })),
);

function PageLoading() {
  return (
    <StatusMessage kind="loading">
      <p>Loading the page…</p>
    </StatusMessage>
  );
}

/** The pages of one collaboration; paths are absolute. */
function CollaborationRoutes({ id }: { id: string }) {
  const base = `/c/:id`;
  return (
    <CollaborationLayout id={id}>
      <Suspense fallback={<PageLoading />}>
        <Switch>
          <Route path={base} component={DashboardPage} />
          <Route path={`${base}/elements/:elementId`} component={ElementPage} />
          <Route path={`${base}/networks`} component={NetworksPage} />
          <Route path={`${base}/roles`} component={RolesPage} />
          <Route path={`${base}/goals`} component={GoalsPage} />
          <Route path={`${base}/timeline`} component={TimelinePage} />
          <Route path={`${base}/frost`} component={FrostPage} />
          <Route path={`${base}/policy`} component={PolicyPage} />
          <Route path={`${base}/change`} component={ChangePage} />
          <Route path={`${base}/record`} component={RecordPage} />
          <Route path={`${base}/record/:collection`} component={RecordPage} />
          <Route path={`${base}/surveys`} component={SurveysPage} />
          <Route path={`${base}/surveys/:waveId`} component={WavePage} />
          <Route path={`${base}/evidence`} component={EvidencePage} />
          <Route path={`${base}/evidence/:sourceId`} component={EvidencePage} />
          <Route path={`${base}/report`} component={ReportPage} />
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </Suspense>
    </CollaborationLayout>
  );
}

function NotFound() {
  return (
    <PageTitle title="Page not found">
      <p>
        There is no page at this address. <a href="/">Go to your collaborations</a>.
      </p>
    </PageTitle>
  );
}

/** Every page a signed-in user can reach. (Survey links, /s/:token, need no sign-in.) */
export function SignedInRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Switch>
        <Route path="/" component={HomePage} />
        <Route path="/new" component={NewCollaborationPage} />
        <Route path="/account" component={AccountPage} />
        <Route path="/workspaces/:ws/people" component={WorkspaceUsersPage} />
        <Route path="/workspaces/:ws/audit" component={AuditPage} />
        <Route path="/c/:id">{(params) => <CollaborationRoutes id={params.id} />}</Route>
        <Route path="/c/:id/*">{(params) => <CollaborationRoutes id={params.id} />}</Route>
        <Route>
          <NotFound />
        </Route>
      </Switch>
    </Suspense>
  );
}
