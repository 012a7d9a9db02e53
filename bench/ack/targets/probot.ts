import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Probot, createNodeMiddleware } from 'probot';
import type { StartTarget } from '../protocol';

/** Probot 14 as a GitHub App is usually run: its Node middleware on node:http, a no-op handler. */
export const startProbot: StartTarget = async ({ secret }) => {
  // Probot wants a PKCS#1 RSA key; nothing is signed, as no handler calls GitHub.
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const probot = new Probot({ appId: 1, privateKey, secret, logLevel: 'warn' });
  const middleware = await createNodeMiddleware(
    (app) => {
      app.on('issue_comment', async () => {});
    },
    { probot },
  );
  const server = createServer((req, res) => {
    void middleware(req, res, () => {
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    webhookUrl: `http://127.0.0.1:${port}/api/github/webhooks`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      return {};
    },
  };
};
