import { describe, expect, it } from 'vitest';
import {
  auditHash,
  nextAuditEntry,
  verifyAuditChain,
  type AuditEntry,
} from '../../../src-shared/audit/audit-chain';

function trail(length: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let index = 0; index < length; index++) {
    entries.push(
      nextAuditEntry(entries.at(-1), {
        at: 1_764_600_000_000 + index * 1000,
        userId: index % 2 ? 'clerk' : 'supervisor',
        station: '005',
        action: index % 2 ? 'index' : 'approve',
        recordId: `R${index}`,
        before: { status: 'submitted' },
        after: { status: 'queued', fields: { ownerName: 'Nguyễn Văn Ánh' } },
      }),
    );
  }
  return entries;
}

describe('the audit trail is a SHA-256 chain', () => {
  it('verifies an untouched trail, and its head', () => {
    const entries = trail(6);
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    const head = { seq: 6, hash: entries[5]!.hash };
    expect(verifyAuditChain(entries, head)).toEqual({ ok: true, entries: 6, problems: [] });
  });

  it('finds an edited entry, even with keys written in another order', () => {
    const entries = trail(5);
    entries[2] = { ...entries[2]!, after: { status: 'queued', fields: { ownerName: 'Nguyễn Văn Anh' } } };
    expect(verifyAuditChain(entries).problems).toEqual([{ seq: 3, problem: 'changed' }]);
    // Same content, keys in another order: one canonical text, so the same hash.
    const { after, before, ...rest } = trail(1)[0]!;
    expect(auditHash({ after, ...rest, before })).toBe(trail(1)[0]!.hash);
  });

  it('finds a deleted entry, and one deleted with the rest renumbered and rehashed', () => {
    const entries = trail(5);
    expect(verifyAuditChain([...entries.slice(0, 2), ...entries.slice(3)]).problems).toEqual([
      { seq: 3, problem: 'missing' },
    ]);
    // A forger renumbers what follows and recomputes hashes: the links give it away.
    const forged = [...entries.slice(0, 2), ...entries.slice(3)].map((entry, index) => {
      const renumbered = { ...entry, seq: index + 1 };
      return { ...renumbered, hash: auditHash(renumbered) };
    });
    expect(verifyAuditChain(forged).problems).toContainEqual({ seq: 3, problem: 'brokenLink' });
  });

  it('finds entries swapped in order', () => {
    const entries = trail(5);
    const swapped = [entries[0]!, entries[2]!, entries[1]!, entries[3]!, entries[4]!];
    const problems = verifyAuditChain(swapped).problems.map((each) => each.problem);
    expect(problems).toContain('outOfOrder');
  });

  it('finds entries cut from the end only against the head main witnessed', () => {
    const entries = trail(5);
    const cut = entries.slice(0, 3);
    expect(verifyAuditChain(cut).ok).toBe(true);
    expect(verifyAuditChain(cut, { seq: 5, hash: entries[4]!.hash }).problems).toEqual([
      { seq: 4, problem: 'missing' },
    ]);
    // A whole new trail in place of the old one does not match the head either.
    const replaced = trail(5).map((entry) => ({ ...entry }));
    replaced[4] = nextAuditEntry(replaced[3], { at: 1, userId: 'x', station: '005', action: 'login' });
    expect(verifyAuditChain(replaced, { seq: 5, hash: entries[4]!.hash }).problems).toEqual([
      { seq: 5, problem: 'changed' },
    ]);
  });
});
