import SQLite from 'better-sqlite3';

/**
 * Opens the SQLite file the way every connection to it must be: WAL, and `synchronous=FULL` so a
 * commit is on disk before it returns (the sync server relays an update only after that).
 */
export function openSqliteFile(file: string): SQLite.Database {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  return db;
}
