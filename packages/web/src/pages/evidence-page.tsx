import { useEffect } from 'react';
import { useParams } from 'wouter';
import { useCollaboration } from '../collaboration-context.js';
import { CodingWorkspace } from '../components/evidence/coding-workspace.js';
import { EvidenceOverview } from '../components/evidence/evidence-overview.js';
import { PageTitle } from '../components/page-title.js';
import { StatusMessage } from '../components/status-message.js';
import { markInteractive } from '../interactive.js';
import '../styles/evidence.css';

/**
 * Qualitative evidence: `/c/:id/evidence` lists the sources, the codebook and the analyses;
 * `/c/:id/evidence/:sourceId` is the coding workspace of one source. Researchers and owners
 * (qualitative.write) get the controls that change anything; facilitators read.
 */
export function EvidencePage() {
  const { sourceId } = useParams<{ sourceId?: string }>();
  const { id, can, changed, revision } = useCollaboration();
  const readable = can('qualitative.read');
  const canWrite = can('qualitative.write');

  useEffect(() => {
    if (!readable) markInteractive();
  }, [readable]);

  if (!readable)
    return (
      <PageTitle title="Evidence">
        <StatusMessage kind="empty">
          <p>Coded interviews and notes are open to owners, facilitators and researchers.</p>
        </StatusMessage>
      </PageTitle>
    );
  return (
    <div className="ev-page">
      <PageTitle title="Evidence" />
      {sourceId ? (
        <CodingWorkspace
          key={sourceId}
          collaborationId={id}
          sourceId={sourceId}
          canWrite={canWrite}
          revision={revision}
          changed={changed}
        />
      ) : (
        <EvidenceOverview
          collaborationId={id}
          canWrite={canWrite}
          revision={revision}
          changed={changed}
        />
      )}
    </div>
  );
}
