import type { Changes } from './changes';
import { randomUUID } from 'node:crypto';
import type { CentralRevocation, RevocationUpload } from '../../src-shared/central/central-api';
import { revocationStatement } from '../../src-shared/domain/revocation';
import type { Certificate } from '../../src-node/signing/certificate';
import { checkDetachedSignature } from '../../src-node/signing/detached-signature';
import type { Database } from '../db/database';
import type { Caller } from '../http/api-routes';
import { CentralError } from '../http/central-error';
import type { Journal } from '../journal';
import { recordByCode, revocationOf } from './record-row';

/** How far ahead of Central's clock a revocation may say it was made (stations' clocks drift). */
const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * Revocations of results, as Central checks them: made by the station that uploaded the
 * record, a station of the record's department, or Central's administrator; signed by a
 * supervisor's signing device (a detached CMS over the revocation's statement) whose
 * certificate Central's trust store accepts at the time it claims. The first revocation that
 * stands holds; Central's administrator may annul one made in error, with a reason, after
 * which another may be recorded. Who made each (station, signer) is kept and shown.
 */
export function createRevocations(deps: {
  db: Database;
  journal: Journal;
  changes: Changes;
  trust: () => Promise<readonly Certificate[]>;
  clock: () => Date;
}) {
  const { db } = deps;
  return {
    async revoke(caller: Caller, code: string, upload: RevocationUpload): Promise<CentralRevocation> {
      const { signature, ...revocation } = upload;
      return db.transaction(async (tx) => {
        const row = await recordByCode(tx, code, true);
        if (!row) throw new CentralError('notFound', `no record ${code}`);
        const station = caller.station;
        const mayRevoke =
          caller.kind === 'admin' ||
          (station !== undefined &&
            (row.station_id === station.stationId ||
              (row.department_code !== null && station.departments.includes(row.department_code))));
        if (!mayRevoke) {
          throw new CentralError(
            'forbidden',
            `record ${code} is another station's and another department's`,
            {
              code,
            },
          );
        }
        if (revocation.at > deps.clock().getTime() + CLOCK_SKEW_MS) {
          throw new CentralError('invalidRequest', 'the revocation is dated in the future');
        }
        const check = checkDetachedSignature(
          Buffer.from(signature, 'base64'),
          Buffer.from(revocationStatement(code, revocation)),
          await deps.trust(),
          new Date(revocation.at),
        );
        if (!check.valid) {
          throw new CentralError(
            'revocationSignature',
            'the revocation is not signed by a trusted certificate',
            {
              signer: check.signer,
              problem: check.problem ?? '',
            },
          );
        }
        const standing = revocationOf(row);
        if (standing) return standing;
        if (row.superseded_by) {
          throw new CentralError('conflict', `record ${code} was replaced by ${row.superseded_by}`, {
            supersededBy: row.superseded_by,
          });
        }
        const issued = row.meta.fields.issueDate;
        if (issued && revocation.date < issued) {
          throw new CentralError(
            'invalidRequest',
            `revoked on ${revocation.date}, before its issue on ${issued}`,
          );
        }
        const recorded: CentralRevocation = {
          ...revocation,
          stationNumber: station?.stationNumber ?? null,
          signer: check.signer,
        };
        await tx.query(
          `INSERT INTO revocations (id, code, revocation, station_id, signer, signature, recorded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            randomUUID(),
            code,
            JSON.stringify(revocation),
            station?.stationId ?? null,
            check.signer,
            signature,
            deps.clock(),
          ],
        );
        await tx.query('UPDATE records SET revocation = $1 WHERE code = $2', [
          JSON.stringify(recorded),
          code,
        ]);
        await deps.journal.append(tx, {
          actor: station ? `station ${station.stationNumber} (${station.stationId})` : 'admin',
          action: 'revocationRecorded',
          subject: code,
          detail: recorded,
        });
        await deps.changes.append(tx, 'revoked', code, deps.clock());
        return recorded;
      });
    },

    /** The administrator annuls the standing revocation of `code`: the result stands again. */
    async annul(code: string, reason: string): Promise<void> {
      await db.transaction(async (tx) => {
        const row = await recordByCode(tx, code, true);
        const standing = row ? revocationOf(row) : null;
        if (!standing) throw new CentralError('notFound', `record ${code} has no revocation standing`);
        await tx.query(
          'UPDATE revocations SET annulled_at = $2, annul_reason = $3 WHERE code = $1 AND annulled_at IS NULL',
          [code, deps.clock(), reason],
        );
        await tx.query('UPDATE records SET revocation = NULL WHERE code = $1', [code]);
        await deps.journal.append(tx, {
          actor: 'admin',
          action: 'revocationAnnulled',
          subject: code,
          detail: { reason, annulled: standing },
        });
        await deps.changes.append(tx, 'reinstated', code, deps.clock());
      });
    },
  };
}
