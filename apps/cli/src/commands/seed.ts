import { migrate, openDatabase, seedDemo } from '@wecena/db';
import { configFromEnvironment, databaseOptions, exitWithError } from './environment';

export async function seedCommand(options: { demo?: boolean }): Promise<void> {
  if (!options.demo) {
    process.stderr.write('wecena seed: only the demo data set can be loaded: wecena seed --demo\n');
    process.exitCode = 2;
    return;
  }
  const config = configFromEnvironment();
  const db = await openDatabase(databaseOptions(config)).catch(exitWithError);
  try {
    await migrate(db);
    const counts = await seedDemo(db, { now: new Date() });
    process.stdout.write(`${db.description}: demo data loaded ${JSON.stringify(counts)}\n`);
  } catch (error) {
    process.exitCode = 1;
    process.stderr.write(`wecena: ${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    await db.close();
  }
}
