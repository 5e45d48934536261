/**
 * The IndexedDB schema version this release writes (src-renderer/db/migrations.ts ends
 * there; a unit test keeps the two equal). Main needs it to refuse, before it changes
 * anything, a backup made by a newer release.
 */
export const DATABASE_SCHEMA_VERSION = 9;
