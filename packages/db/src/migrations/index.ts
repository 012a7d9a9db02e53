export { migrate, migrationStatus, type MigrateOptions, type MigrateResult, type MigrationStatus } from './migrate';
export { MIGRATIONS_DIRECTORY, checksumOf, readMigrationFiles, type MigrationFile } from './migration-files';
