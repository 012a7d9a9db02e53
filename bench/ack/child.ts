// One benchmark target in its own process, so the load generator never shares its event loop.
// argv: <target name> <TargetConfig as JSON>. Talks to the parent over IPC (see protocol.ts).
import type { ChildMessage, ParentMessage, RunningTarget, TargetConfig, TargetName } from './protocol';

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => process.send?.(message, undefined, {}, () => resolve()));
}

// Each target loads only its own modules, so that none weighs on another's memory.
async function start(name: TargetName, config: TargetConfig): Promise<RunningTarget> {
  switch (name) {
    case 'ceiling':
      return (await import('./targets/ceiling')).startCeiling(config);
    case 'probot':
      return (await import('./targets/probot')).startProbot(config);
    case 'wecena-pglite':
      return (await import('./targets/wecena')).startWecena('pglite', config);
    case 'wecena-postgres':
      return (await import('./targets/wecena')).startWecena('postgres', config);
  }
}

const [name, configJson] = process.argv.slice(2);
try {
  const target = await start(name as TargetName, JSON.parse(configJson ?? '{}') as TargetConfig);
  process.on('message', (message: ParentMessage) => {
    if (message.type !== 'stop') return;
    target
      .stop()
      .then((result) => send({ type: 'stopped', ...result }))
      .catch((error: unknown) => send({ type: 'failed', message: String(error) }))
      .finally(() => process.exit(0));
  });
  await send({ type: 'ready', webhookUrl: target.webhookUrl });
} catch (error) {
  await send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
