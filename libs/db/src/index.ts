export { createPool, type PoolOptions } from './create-pool';
export { migrate, MigrationError, readMigrations, type MigrationResult } from './migrate';
export { withSerializationRetry } from './serialization-retry';
export { isForeignKeyViolation, isUniqueViolation, sqlStateOf } from './sql-state';
