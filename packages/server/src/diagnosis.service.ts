import { AnalysisError, diagnose, type Diagnosis } from '@weframe/core';
import type { Store } from '@weframe/store';
import type { CollaborationAccess } from './collaboration-access.js';
import { ServiceError } from './errors.js';
import { redactDiagnosis, type RedactedDiagnosis } from './redact.js';

/** Options a diagnosis request may give. */
export interface DiagnosisRequest {
  /** The survey wave figures come from (default: the latest wave with responses). */
  readonly wave?: string;
  /** The date windows count back from, YYYY-MM-DD (default: the latest dated record). */
  readonly asOf?: string;
}

/**
 * The diagnosis of a stored collaboration: the core engine on the full document (so that
 * confidential records still count), then redacted for the principal.
 */
export function diagnosisService(store: Pick<Store, 'collaborations'>) {
  return {
    async diagnosisFor(
      access: CollaborationAccess,
      request: DiagnosisRequest,
    ): Promise<RedactedDiagnosis> {
      const doc = await store.collaborations.exportDocument(access.collaboration.id);
      if (!doc)
        throw new ServiceError(
          'not_found',
          `no collaboration with id "${access.collaboration.id}"`,
        );
      let diagnosis: Diagnosis;
      try {
        diagnosis = diagnose(doc, {
          ...(request.wave === undefined ? {} : { waveId: request.wave }),
          ...(request.asOf === undefined ? {} : { asOf: request.asOf }),
        });
      } catch (error) {
        if (error instanceof AnalysisError) {
          const path = error.code === 'unknown_wave' ? 'wave' : '(query)';
          throw new ServiceError('bad_request', error.message, [
            { code: 'invalid_value', path, message: error.message },
          ]);
        }
        throw error;
      }
      return redactDiagnosis(diagnosis, doc, access.sees);
    },
  };
}

/** The diagnosis service: what {@link diagnosisService} returns. */
export type DiagnosisService = ReturnType<typeof diagnosisService>;
