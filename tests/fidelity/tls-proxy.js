// A local TLS terminator for the fidelity suite: listens on 127.0.0.1 only, answers for the
// Microsoft host names (and localhost) with certificates of a throw-away CA, and forwards each
// request over plain HTTP to the emulator with the original Host and X-Forwarded-Proto: https,
// so the emulator builds its URLs (issuer, endpoints, links) on the host the client called.
//
// usage: node tls-proxy.js --upstream http://127.0.0.1:PORT --dir DIR
// DIR receives ca.pem (for NODE_EXTRA_CA_CERTS) and the keys; the listening port is printed
// as "tls-proxy listening PORT". No system file is read or changed.
'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const https = require('https');
const path = require('path');
const tls = require('tls');

function arg(name) {
    const i = process.argv.indexOf(name);
    if (i < 0 || i + 1 >= process.argv.length)
        throw new Error(`tls-proxy.js: ${name} is required`);
    return process.argv[i + 1];
}

const upstream = new URL(arg('--upstream'));
const dir = arg('--dir');
fs.mkdirSync(dir, { recursive: true });
const file = (name) => path.join(dir, name);

// Names the terminator answers for; a host name outside these patterns gets no certificate.
const served = [
    'login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'api.flow.microsoft.com',
    'management.azure.com', 'api.powerapps.com', 'api.bap.microsoft.com', 'graph.microsoft.com',
    'localhost',
];
const servedPatterns = [/\.api\.bap\.microsoft\.com$/i, /\.logic\.azure\.com$/i, /^bapfeblobprod[a-z0-9]*\.blob\.core\.windows\.net$/i];

function openssl(...args) {
    execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

// One CA and one server key for the run; a certificate per host name, made when first asked for.
if (!fs.existsSync(file('ca.pem'))) {
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('ca.key'), '-out', file('ca.pem'),
        '-days', '2', '-subj', '/CN=FlowConsole fidelity suite test CA',
        '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', file('server.key'));
}
const serverKey = fs.readFileSync(file('server.key'));
const contexts = new Map();

function contextFor(name) {
    const host = (name || 'login.microsoftonline.com').toLowerCase();
    if (!served.includes(host) && !servedPatterns.some((re) => re.test(host)))
        return null;
    if (contexts.has(host))
        return contexts.get(host);
    const base = file(`host-${host}`);
    if (!fs.existsSync(`${base}.pem`)) {
        fs.writeFileSync(`${base}.ext`,
            `subjectAltName=DNS:${host}${host === 'localhost' ? ',IP:127.0.0.1' : ''}\n` +
            'extendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n');
        openssl('req', '-new', '-key', file('server.key'), '-subj', `/CN=${host}`, '-out', `${base}.csr`);
        openssl('x509', '-req', '-in', `${base}.csr`, '-CA', file('ca.pem'), '-CAkey', file('ca.key'),
            '-CAcreateserial', '-days', '2', '-sha256', '-extfile', `${base}.ext`, '-out', `${base}.pem`);
    }
    const context = tls.createSecureContext({ key: serverKey, cert: fs.readFileSync(`${base}.pem`) });
    contexts.set(host, context);
    return context;
}

contextFor('login.microsoftonline.com'); // the certificate for clients that send no SNI
const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

const server = https.createServer({
    key: serverKey,
    cert: fs.readFileSync(file('host-login.microsoftonline.com.pem')),
    SNICallback: (name, done) => {
        try {
            const context = contextFor(name);
            done(context ? null : new Error(`no certificate for ${name}`), context || undefined);
        } catch (e) {
            done(e);
        }
    },
}, (req, res) => {
    const headers = { ...req.headers };
    headers['x-forwarded-proto'] = 'https';
    headers['x-forwarded-for'] = req.socket.remoteAddress;
    // The Host header stays the client's (api.flow.microsoft.com, localhost:PORT, ...).
    const forward = http.request({
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers,
        agent,
    }, (answer) => {
        // The run's record of what the clients asked, for finding out why a check failed.
        process.stdout.write(`${req.method} https://${req.headers.host}${req.url} ${answer.statusCode}\n`);
        res.writeHead(answer.statusCode, answer.statusMessage, answer.rawHeaders);
        answer.pipe(res);
    });
    forward.on('error', (e) => {
        if (!res.headersSent)
            res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'BadGateway', message: `tls-proxy: ${e.message}` } }));
    });
    req.pipe(forward);
});

server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`tls-proxy listening ${server.address().port}\n`);
});
for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => server.close(() => process.exit(0)) && setTimeout(() => process.exit(0), 500).unref());
