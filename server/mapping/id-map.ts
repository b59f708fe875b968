/**
 * The id map: which ERP record a CRM record is, once a person or the matcher decided it.
 * Consulted first, so a decision is made once and then kept, even when names drift.
 */

export type IdMapKind = 'customer' | 'product';

export interface IdMapEntry {
  kind: IdMapKind;
  crmId: string;
  erpId: string;
  /** How the pair was found: "tax_id", "email", "manual", ... */
  via: string;
  updatedAt: string;
}

export interface IdMapStore {
  get(kind: IdMapKind, crmId: string): Promise<string | null>;
  /** Records or replaces the pair. */
  remember(entry: IdMapEntry): Promise<void>;
  forget(kind: IdMapKind, crmId: string): Promise<void>;
}

/** An id map in memory, for tests and for tools that need no persistence. */
export function createMemoryIdMap(): IdMapStore {
  const entries = new Map<string, IdMapEntry>();
  const key = (kind: IdMapKind, crmId: string) => `${kind}\u0000${crmId}`;
  return {
    async get(kind, crmId) {
      return entries.get(key(kind, crmId))?.erpId ?? null;
    },
    async remember(entry) {
      entries.set(key(entry.kind, entry.crmId), { ...entry });
    },
    async forget(kind, crmId) {
      entries.delete(key(kind, crmId));
    },
  };
}
