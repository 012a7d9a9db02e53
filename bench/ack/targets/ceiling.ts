import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StartTarget } from '../protocol';

/** The ceiling: node:http reading the whole body and answering 202, nothing else. */
export const startCeiling: StartTarget = async () => {
  const server = createServer((req, res) => {
    req.on('data', () => {});
    req.on('end', () => {
      res.writeHead(202, { 'content-type': 'application/json', 'content-length': 2 });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    webhookUrl: `http://127.0.0.1:${port}/github/webhooks`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      return {};
    },
  };
};
