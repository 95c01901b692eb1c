// @azure/msal-node against the emulator, through the TLS terminator: device-code sign-in, the
// cache, a refresh after the access token has expired, acquireTokenByRefreshToken, a second
// resource, an authority MSAL has no built-in metadata for (instance discovery); every token
// checked with jose against the jwks_uri of the OpenID configuration.
import fs from 'node:fs';

import * as msal from '@azure/msal-node';
import * as jose from 'jose';

import { approveDeviceCode, assert, check, control, env, sleep } from './lib.mjs';

const suite = 'msal-node';
const clientId = '3f1c6a2e-5b7d-4e1f-9a0c-f1de11e7c0de'; // any ID: the emulator takes every app
const flowScope = 'https://service.flow.microsoft.com/.default';
const graphScope = 'https://graph.microsoft.com/.default';
const flowApi = 'https://api.flow.microsoft.com/providers/Microsoft.ProcessSimple/environments?api-version=2016-11-01';

function application(authority) {
    return new msal.PublicClientApplication({
        auth: { clientId, authority },
        system: {
            loggerOptions: {
                logLevel: process.env.FC_FIDELITY_VERBOSE ? msal.LogLevel.Verbose : msal.LogLevel.Error,
                piiLoggingEnabled: false,
                loggerCallback: (level, message) => process.stderr.write(`msal: ${message}\n`),
            },
        },
    });
}

async function signInWithDeviceCode(pca, scopes, upn) {
    let device;
    let approval;
    const result = await pca.acquireTokenByDeviceCode({
        scopes,
        deviceCodeCallback: (answer) => {
            device = answer;
            approval = approveDeviceCode(answer.userCode, upn, answer.verificationUri);
        },
    });
    await approval;
    return { result, device };
}

async function discover(origin) {
    const answer = await fetch(`${origin}/${env.tenant}/v2.0/.well-known/openid-configuration`);
    assert(answer.status === 200, `openid-configuration: HTTP ${answer.status}`);
    const config = await answer.json();
    return { config, keys: jose.createRemoteJWKSet(new URL(config.jwks_uri)) };
}

async function callFlowApi(accessToken) {
    const answer = await fetch(flowApi, { headers: { authorization: `Bearer ${accessToken}` } });
    return { status: answer.status, body: await answer.json().catch(() => ({})) };
}

const claimsOf = (jwt) => jose.decodeJwt(jwt);
const origin = 'https://login.microsoftonline.com';
let discovery;
let signedIn;

await check(suite, 'OpenID configuration on login.microsoftonline.com (issuer, jwks_uri, endpoints)', async () => {
    discovery = await discover(origin);
    const c = discovery.config;
    const root = `${origin}/${env.tenant}`;
    assert(c.issuer === `${root}/v2.0`, `issuer ${c.issuer}`);
    assert(c.jwks_uri === `${root}/discovery/v2.0/keys`, `jwks_uri ${c.jwks_uri}`);
    assert(c.token_endpoint === `${root}/oauth2/v2.0/token`, `token_endpoint ${c.token_endpoint}`);
    assert(c.device_authorization_endpoint === `${root}/oauth2/v2.0/devicecode`, 'device_authorization_endpoint');
    assert(c.authorization_endpoint === `${root}/oauth2/v2.0/authorize`, 'authorization_endpoint');
    const jwks = await (await fetch(c.jwks_uri)).json();
    assert(jwks.keys?.[0]?.kty === 'RSA' && jwks.keys[0].kid, 'JWKS with an RSA key and a kid');
    return `kid ${jwks.keys[0].kid}`;
});

const pca = application(`${origin}/${env.tenant}`);
await check(suite, 'acquireTokenByDeviceCode (code approved at the verification URI)', async () => {
    const upn = 'adele.vance@contoso.example';
    const { result, device } = await signInWithDeviceCode(pca, [flowScope], upn);
    signedIn = result;
    assert(device.verificationUri === `${origin}/devicelogin`, `verification_uri ${device.verificationUri}`);
    assert(result.account.username === upn, `account ${result.account.username}`);
    const oid = claimsOf(result.accessToken).oid;
    // homeAccountId is uid.utid from client_info; without it MSAL would fall back to the ID token.
    assert(result.account.homeAccountId === `${oid}.${env.tenant}`, `homeAccountId ${result.account.homeAccountId}`);
    assert(result.tenantId === env.tenant, `tenantId ${result.tenantId}`);
    return `${upn}, homeAccountId ${result.account.homeAccountId}`;
});

await check(suite, 'ID token verifies with jose against jwks_uri (RS256, issuer, audience)', async () => {
    const { payload, protectedHeader } = await jose.jwtVerify(signedIn.idToken, discovery.keys, {
        issuer: discovery.config.issuer,
        audience: clientId,
        algorithms: ['RS256'],
    });
    return `kid ${protectedHeader.kid}, preferred_username ${payload.preferred_username}`;
});

await check(suite, 'access token verifies with jose against jwks_uri; the Flow API takes it', async () => {
    const { payload } = await jose.jwtVerify(signedIn.accessToken, discovery.keys, {
        issuer: `https://sts.windows.net/${env.tenant}/`,
        audience: 'https://service.flow.microsoft.com',
        algorithms: ['RS256'],
    });
    const api = await callFlowApi(signedIn.accessToken);
    assert(api.status === 200, `Flow API: HTTP ${api.status}`);
    return `aud ${payload.aud}, scp ${payload.scp}; ${api.body.value?.length} environments`;
});

await check(suite, 'acquireTokenSilent answers from the cache', async () => {
    const again = await pca.acquireTokenSilent({ account: signedIn.account, scopes: [flowScope] });
    assert(again.accessToken === signedIn.accessToken, 'a new token: the cache did not match the scopes answered');
    assert(again.fromCache, 'not fromCache');
    return 'same token, fromCache';
});

await check(suite, 'acquireTokenSilent refreshes an access token that has expired', async () => {
    await control({ tokenLifetimeSeconds: 2 });
    let shortLived;
    try {
        shortLived = await pca.acquireTokenSilent({ account: signedIn.account, scopes: [flowScope], forceRefresh: true });
    } finally {
        await control({ tokenLifetimeSeconds: 3600 });
    }
    const c = claimsOf(shortLived.accessToken);
    assert(c.exp - c.iat === 2, `lifetime ${c.exp - c.iat}`);
    await sleep(3000);
    const refused = await callFlowApi(shortLived.accessToken);
    assert(refused.status === 401 && refused.body.error?.code === 'ExpiredAuthenticationToken',
        `expired token: HTTP ${refused.status} ${refused.body.error?.code}`);
    const renewed = await pca.acquireTokenSilent({ account: signedIn.account, scopes: [flowScope] });
    assert(!renewed.fromCache && renewed.accessToken !== shortLived.accessToken, 'the expired token came back');
    await jose.jwtVerify(renewed.accessToken, discovery.keys, { algorithms: ['RS256'] });
    const api = await callFlowApi(renewed.accessToken);
    assert(api.status === 200, `Flow API with the renewed token: HTTP ${api.status}`);
    return 'expired token refused (ExpiredAuthenticationToken), refreshed silently, accepted';
});

await check(suite, 'acquireTokenSilent for Graph with the same refresh token', async () => {
    const graph = await pca.acquireTokenSilent({ account: signedIn.account, scopes: [graphScope] });
    const { payload } = await jose.jwtVerify(graph.accessToken, discovery.keys, {
        audience: 'https://graph.microsoft.com',
        algorithms: ['RS256'],
    });
    const me = await fetch('https://graph.microsoft.com/v1.0/me', {
        headers: { authorization: `Bearer ${graph.accessToken}` },
    });
    assert(me.status === 200, `GET /v1.0/me: HTTP ${me.status}`);
    const body = await me.json();
    assert(body.userPrincipalName === signedIn.account.username, `me ${body.userPrincipalName}`);
    return `aud ${payload.aud}; /me ${body.userPrincipalName}`;
});

await check(suite, 'acquireTokenByRefreshToken (refresh token from the serialized cache)', async () => {
    const cache = JSON.parse(pca.getTokenCache().serialize());
    const refreshTokens = Object.values(cache.RefreshToken ?? {});
    assert(refreshTokens.length === 1, `${refreshTokens.length} refresh tokens in the cache`);
    const other = application(`${origin}/${env.tenant}`);
    const result = await other.acquireTokenByRefreshToken({ refreshToken: refreshTokens[0].secret, scopes: [flowScope] });
    assert(result.account.homeAccountId === signedIn.account.homeAccountId, `account ${result.account.homeAccountId}`);
    const api = await callFlowApi(result.accessToken);
    assert(api.status === 200, `Flow API: HTTP ${api.status}`);
    return 'new tokens for the same account';
});

await check(suite, 'an authority without built-in metadata (https://localhost:PORT): instance discovery, then sign-in', async () => {
    const host = `localhost:${env.tlsPort}`;
    const before = process.env.FC_FIDELITY_EMULATOR_LOG ? fs.readFileSync(process.env.FC_FIDELITY_EMULATOR_LOG, 'utf8') : '';
    const local = application(`https://${host}/${env.tenant}`);
    const { result, device } = await signInWithDeviceCode(local, [flowScope], 'jane.smith@contoso.example');
    assert(result.account.environment === host, `account environment ${result.account.environment}`);
    assert(device.verificationUri === `https://${host}/devicelogin`, `verification_uri ${device.verificationUri}`);
    const own = await discover(`https://${host}`);
    await jose.jwtVerify(result.idToken, own.keys, { issuer: `https://${host}/${env.tenant}/v2.0`, audience: clientId });
    if (process.env.FC_FIDELITY_EMULATOR_LOG) {
        const log = fs.readFileSync(process.env.FC_FIDELITY_EMULATOR_LOG, 'utf8').slice(before.length);
        assert(/GET \/common\/discovery\/instance 200/.test(log), 'MSAL did not ask for instance discovery');
    }
    return `environment ${result.account.environment}; ID token issuer https://${host}/${env.tenant}/v2.0`;
});
