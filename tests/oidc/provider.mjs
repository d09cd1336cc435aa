// A real OpenID provider for the tests (panva's oidc-provider), set up like Microsoft Entra ID:
// the issuer path carries the tenant (/<tenant>/v2.0), PKCE is required, and ID tokens carry
// tid, oid, roles, email and a department claim. Login and consent are the package's own
// development pages: any password is accepted for the accounts in the configuration.
//
//   node tests/oidc/provider.mjs CONFIG.json      (the tests: a free port)
//   PORT=9400 node tests/oidc/provider.mjs         (trying it by hand: DEV_CONFIG below)
//
// CONFIG: {"tenant", "client_id", "client_secret", "redirect_uris": [], "post_logout_redirect_uris": [],
//          "accounts": {"<login>": {claims}}}
// Prints `listening <port>` once ready. A control address outside the issuer's path lets a
// test change what the provider does next:
//   GET  /__control                       -> {"mode", "jwks_requests"}
//   POST /__control?mode=normal|rotated|forged|stale
//        rotated: signs with a new key, publishes the new and the old one (key rotation)
//        forged:  signs with a key that is not the published one but carries its key id
//        stale:   issues tokens as if it were two hours earlier (an expired ID token)
//   POST /__control?account=<login>       body: claims that replace the account's claims
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';

import Provider from 'oidc-provider';

const DEV_TENANT = '00000000-0000-4000-8000-000000000e59';
const DEV_CONFIG = {
  tenant: DEV_TENANT,
  client_id: 'opportunity-bank-dev',
  client_secret: 'dev-secret-not-for-production',
  redirect_uris: ['http://127.0.0.1:8000/auth/oidc/callback'],
  post_logout_redirect_uris: ['http://127.0.0.1:8000/login'],
  accounts: {
    ohjaaja: { tid: DEV_TENANT, oid: 'dev-ohjaaja', roles: ['Supervisor'], email: 'ohjaaja@espoo.fi',
               department: 'Katu- ja viherpalvelut' },
    hr: { tid: DEV_TENANT, oid: 'dev-hr', roles: ['HR'], email: 'hr@espoo.fi' },
    admin: { tid: DEV_TENANT, oid: 'dev-admin', roles: ['Admin'], email: 'admin@espoo.fi' },
    vieras: { tid: 'another-tenant', oid: 'dev-vieras', roles: ['Supervisor'], email: 'vieras@example.com' },
    eiroolia: { tid: DEV_TENANT, oid: 'dev-eiroolia', roles: [], email: 'eiroolia@espoo.fi' },
  },
};
const config = process.argv[2] ? JSON.parse(readFileSync(process.argv[2], 'utf8')) : DEV_CONFIG;
const prefix = `/${config.tenant}/v2.0`;
const accounts = config.accounts;
let mode = 'normal';
let jwksRequests = 0;

function signingKey(kid) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
}

function configuration(keys) {
  return {
    clients: [{
      client_id: config.client_id,
      client_secret: config.client_secret,
      redirect_uris: config.redirect_uris,
      post_logout_redirect_uris: config.post_logout_redirect_uris,
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
    }],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    claims: {
      openid: ['sub', 'tid', 'oid', 'roles', 'department'],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username'],
    },
    // Entra puts the claims in the ID token, not only behind the userinfo endpoint.
    conformIdTokenClaims: false,
    findAccount: async (ctx, id) => (accounts[id]
      ? { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) }
      : undefined),
    jwks: { keys },
    cookies: { keys: ['cookie-key-for-tests-only'] },
  };
}

const original = signingKey('key-1');
const next = signingKey('key-2');
const impostor = signingKey('key-1');
const realNow = Date.now;

const server = http.createServer();
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}${prefix}`;
  const make = (keys) => new Provider(issuer, configuration(keys)).callback();
  const providers = { normal: make([original]), rotated: make([next, original]), forged: make([impostor]) };

  server.on('request', (req, res) => {
    const url = new URL(req.url, issuer);
    if (url.pathname === '/__control') {
      control(req, res, url);
      return;
    }
    if (!req.url.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    req.originalUrl = req.url;
    req.url = req.url.slice(prefix.length) || '/';
    let provider = providers[mode] || providers.normal;
    if (req.url.startsWith('/jwks')) {
      jwksRequests += 1;
      provider = mode === 'rotated' ? providers.rotated : providers.normal;
    }
    if (mode === 'stale' && req.url.startsWith('/token')) {
      Date.now = () => realNow() - 2 * 3600 * 1000;
      res.on('finish', () => { Date.now = realNow; });
    }
    provider(req, res);
  });
  process.stdout.write(`listening ${port}\n`);
});

function control(req, res, url) {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    if (req.method === 'POST' && url.searchParams.has('mode')) {
      mode = url.searchParams.get('mode');
    } else if (req.method === 'POST' && url.searchParams.has('account')) {
      accounts[url.searchParams.get('account')] = JSON.parse(body);
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ mode, jwks_requests: jwksRequests }));
  });
}

process.on('SIGTERM', () => server.close(() => process.exit(0)));
