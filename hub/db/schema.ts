// The hub's tables, typed for Kysely. Types stay portable between SQLite and PostgreSQL: ISO text dates, JSON as text,
// ids as text (UUIDs), integers for counts (`pg` returns aggregates as strings: see `num()` in database.ts).

export interface HubDatabase {
  hub_migrations: { version: number; name: string; checksum: string; applied_at: string };
  hub_settings: { key: string; value: string };
  audit_log: { id: string; at: string; actor: string; action: string; details: string };
  scopes: {
    id: string;
    name: string;
    kind: 'departement' | 'epci' | 'sites' | 'national';
    codes: string;
    created_at: string;
  };
  sites: { id: string; name: string; departement: string; epci: string | null; created_at: string };
  coordinators: {
    id: string;
    scope_id: string;
    name: string;
    credential_hash: string;
    can_publish: number;
    created_at: string;
    revoked_at: string | null;
  };
  enrollment_codes: {
    code_hash: string;
    site_id: string;
    expires_at: string;
    used_at: string | null;
    created_at: string;
  };
  desks: {
    id: string;
    site_id: string;
    credential_hash: string;
    enrolled_at: string;
    revoked_at: string | null;
    /** Ed25519 public key (base64 SPKI DER) of the desk's signed snapshot files; null if enrolled before migration 2. */
    signing_key: string | null;
  };
  /** Per (desk, period): the highest version only. Site and network totals are sums of these rows. */
  snapshots: {
    desk_id: string;
    site_id: string;
    granularity: string;
    period_key: string;
    version: number;
    hash: string;
    body: string;
    received_at: string;
    sessions: number;
    individual_sessions: number;
    workshops: number;
    workshop_participants: number;
    people_helped: number;
    total_minutes: number;
  };
  departement_cells: {
    departement: string;
    period_key: string;
    /** 'totals' for the key totals, else an activity or population dimension. */
    dimension: string;
    cell_key: string;
    n: number;
    /** Population cells: in how many snapshots this cell was held back. */
    suppressed_in: number;
  };
  /** Every accepted upload, by idempotency key: a replay gets the same receipt. */
  uploads: {
    idempotency_key: string;
    desk_id: string;
    hash: string;
    outcome: 'stored' | 'superseded';
    received_at: string;
  };
  /** Diagnosis groups of each (desk, period)'s latest version, one row per measure (hub/peers.ts). */
  peer_sums: {
    desk_id: string;
    period_key: string;
    naf_section: string;
    size_band: string;
    departement: string;
    /** 'diagnoses' (n: the group's count), 'overall', or 'd:' and a dimension id. */
    measure: string;
    /** How many diagnoses the sum covers. */
    n: number;
    /** The sum of their scores (0 for 'diagnoses'). */
    total: number;
  };
  packs: {
    id: string;
    channel: string;
    version: number;
    manifest: string;
    signature: string;
    payload: string;
    published_at: string;
  };
}
