import { CompiledQuery, type DatabaseConnection, type Driver, SqliteDialect } from 'kysely';

/**
 * Kysely's SQLite dialect, with transactions that take the write lock when they begin. The writer
 * thread commits on its own connection; a deferred transaction here that reads and then writes
 * fails at once with "database is locked" when that thread committed in between, because SQLite
 * cannot turn its older read into a write (the busy timeout does not help there). `begin
 * immediate` waits for the lock (up to the busy timeout) before the first read instead.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}
