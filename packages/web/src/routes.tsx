import { Route, Switch } from 'wouter';
import { CollaborationLayout } from './components/collaboration-layout.js';
import { PageTitle } from './components/page-title.js';
import { AccountPage } from './pages/account-page.js';
import { AuditPage } from './pages/audit-page.js';
import { ChangePage } from './pages/change-page.js';
import { DashboardPage } from './pages/dashboard-page.js';
import { ElementPage } from './pages/element-page.js';
import { EvidencePage } from './pages/evidence-page.js';
import { FrostPage } from './pages/frost-page.js';
import { GoalsPage } from './pages/goals-page.js';
import { HomePage } from './pages/home-page.js';
import { NetworksPage } from './pages/networks-page.js';
import { NewCollaborationPage } from './pages/new-collaboration-page.js';
import { PolicyPage } from './pages/policy-page.js';
import { RecordPage } from './pages/record-page.js';
import { ReportPage } from './pages/report-page.js';
import { RolesPage } from './pages/roles-page.js';
import { SurveysPage } from './pages/surveys-page.js';
import { TimelinePage } from './pages/timeline-page.js';
import { WavePage } from './pages/wave-page.js';
import { WorkspaceUsersPage } from './pages/workspace-users-page.js';

/** The pages of one collaboration; paths are absolute. */
function CollaborationRoutes({ id }: { id: string }) {
  const base = `/c/:id`;
  return (
    <CollaborationLayout id={id}>
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
  );
}
