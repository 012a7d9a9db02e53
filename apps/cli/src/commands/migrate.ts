import { migrate, migrationStatus, openDatabase } from '@wecena/db';
import { configFromEnvironment, databaseOptions, exitWithError } from './environment';

export async function migrateCommand(options: { status?: boolean }): Promise<void> {
  const config = configFromEnvironment();
  const db = await openDatabase(databaseOptions(config)).catch(exitWithError);
  try {
    if (options.status) {
      const status = await migrationStatus(db);
      process.stdout.write(`${db.description}: ${status.current ? 'up to date' : 'not up to date'}\n`);
      for (const name of status.pending) process.stdout.write(`  pending   ${name}\n`);
      for (const mismatch of status.mismatched) process.stdout.write(`  changed   ${mismatch.name} (applied with another checksum)\n`);
      process.exitCode = status.current ? 0 : 1;
      return;
    }
    const { applied } = await migrate(db);
    process.stdout.write(
      applied.length === 0
        ? `${db.description}: already up to date\n`
        : `${db.description}: applied ${applied.length} migration(s): ${applied.join(', ')}\n`,
    );
  } catch (error) {
    process.exitCode = 1;
    process.stderr.write(`wecena: ${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    await db.close();
  }
}
