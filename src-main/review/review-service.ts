import {
  revocationStatement,
  type RecordedRevocation,
  type Revocation,
  type RevocationAttestation,
} from '../../src-shared/domain/revocation';
import type { StationSettings } from '../../src-shared/domain/settings';
import { AppError } from '../../src-shared/errors/app-error';
import {
  finalizeAttestationSchema,
  type DecisionAttestation,
  type ReviewItem,
} from '../../src-shared/review/review-decision';
import type { Clock } from '../platform/clock';
import type { Attestor } from './attestor';

export interface ReviewRequest {
  items: readonly ReviewItem[];
  decision: 'approve' | 'reject';
  reason?: { code: NonNullable<DecisionAttestation['reason']>['code']; text: string };
}

/**
 * Supervisors' decisions, made in main (the registry already checked the role). Each record
 * comes with the attestation main gave when it signed the file, so main knows who signed
 * it; with the four-eyes rule on, nobody approves a record they captured or signed. All
 * records of a request are checked before any decision is given: all or none.
 */
export function createReviewService(deps: {
  attestor: Attestor;
  clock: Clock;
  settings: () => StationSettings;
  /** The signing device's detached signature over a statement (signing.locked if it is locked). */
  signStatement: (statement: string) => Promise<string>;
}) {
  return {
    decide(request: ReviewRequest, reviewer: string): string[] {
      const { fourEyes } = deps.settings().review;
      for (const item of request.items) {
        const finalized = deps.attestor.verify(item.finalized, finalizeAttestationSchema);
        if (finalized.code !== item.code || finalized.sha256 !== item.sha256) {
          throw new AppError('review.attestationInvalid', {
            params: { code: item.code },
            detail: `attestation is for ${finalized.code} ${finalized.sha256}`,
          });
        }
        if (
          request.decision === 'approve' &&
          fourEyes &&
          (finalized.by === reviewer || item.capturedBy === reviewer)
        ) {
          throw new AppError('review.selfApproval', { params: { code: item.code } });
        }
      }
      const at = deps.clock();
      return request.items.map((item) => {
        const facts: DecisionAttestation = {
          kind: request.decision === 'approve' ? 'approved' : 'rejected',
          code: item.code,
          sha256: item.sha256,
          by: reviewer,
          at,
          ...(request.decision === 'reject' && request.reason ? { reason: request.reason } : {}),
        };
        return deps.attestor.sign(facts);
      });
    },

    /**
     * A supervisor's record that a result was revoked: signed with the signing device (so
     * SoHoa Central can check who revoked it) and attested (so the sync vouches for it).
     */
    async revoke(code: string, revocation: Revocation, by: string) {
      const recorded: RecordedRevocation = { ...revocation, by, at: deps.clock() };
      const signature = await deps.signStatement(revocationStatement(code, recorded));
      const facts: RevocationAttestation = { kind: 'revoked', code, ...recorded, signature };
      return { attestation: deps.attestor.sign(facts), revocation: recorded };
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
