// Loaded with `node --require` (NODE_OPTIONS) into every client the fidelity suite runs: sends
// the Microsoft host names the emulator stands in for to the local TLS terminator, keeps the
// name for SNI and certificate checks (NODE_EXTRA_CA_CERTS trusts the suite's CA), and refuses
// every other host that is not loopback, so that nothing leaves the machine (telemetry, update
// checks) and a client that calls a host we did not think of fails loudly instead of hanging.
//
// FC_FIDELITY_TLS_PORT    the terminator's port on 127.0.0.1 (required)
// FC_FIDELITY_BLOCKED_LOG a file that gets one line per refused host (optional)
// FC_FIDELITY_DIRECT_LOG  a file that gets one line per connection straight to the emulator
//                         (FC_FIDELITY_EMULATOR): a client following a link the emulator built
//                         on its own base URL instead of the host the client called (optional)
'use strict';

const fs = require('fs');
const http = require('http');
const net = require('net');
const tls = require('tls');

const port = Number(process.env.FC_FIDELITY_TLS_PORT);
if (!port)
    throw new Error('preload.js: FC_FIDELITY_TLS_PORT is not set');
const blockedLog = process.env.FC_FIDELITY_BLOCKED_LOG;
const directLog = process.env.FC_FIDELITY_DIRECT_LOG;
const emulatorPort = process.env.FC_FIDELITY_EMULATOR ? Number(new URL(process.env.FC_FIDELITY_EMULATOR).port) : 0;

// The hosts of the Management API, its neighbours and Entra ID, as clients call them.
const routed = [
    /^login\.microsoftonline\.com$/i,
    /^login\.windows\.net$/i,
    /^login\.microsoft\.com$/i,
    /^api\.flow\.microsoft\.com$/i,
    /^management\.azure\.com$/i,
    /^api\.powerapps\.com$/i,
    /^(.+\.)?api\.bap\.microsoft\.com$/i,
    /^graph\.microsoft\.com$/i,
    /^.+\.logic\.azure\.com$/i,
    /^bapfeblobprod[a-z0-9]*\.blob\.core\.windows\.net$/i, // package downloads (flow export)
];

function isRouted(host) {
    return typeof host === 'string' && routed.some((re) => re.test(host));
}

function isLoopback(host) {
    return !host || host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}

function refuse(host, portNumber) {
    if (blockedLog)
        fs.appendFileSync(blockedLog, `${process.pid} ${host}:${portNumber}\n`);
}

// tls.connect(options[, cb]) | tls.connect(port[, host][, options][, cb]) -> [options, cb]
function normalize(args) {
    let options = {};
    let callback;
    const rest = [...args];
    if (typeof rest[rest.length - 1] === 'function')
        callback = rest.pop();
    if (typeof rest[0] === 'object' && rest[0] !== null) {
        options = { ...rest[0] };
    } else {
        if (rest[0] !== undefined)
            options.port = rest[0];
        if (typeof rest[1] === 'string')
            options.host = rest[1];
        if (typeof rest[rest.length - 1] === 'object' && rest[rest.length - 1] !== null)
            options = { ...rest[rest.length - 1], ...options };
    }
    return [options, callback];
}

function reroute(options, secure) {
    if (options.path || options.socket)
        return options; // a Unix socket, or TLS over a socket that is already connected
    const host = options.host || options.hostname || (secure ? options.servername : undefined);
    const portNumber = Number(options.port || (secure ? 443 : 80));
    if (isRouted(host)) {
        if (!secure)
            return options; // only TLS goes to the terminator; the caller of plain net is TLS itself
        return { ...options, host: '127.0.0.1', hostname: undefined, port, servername: options.servername || host };
    }
    if (isLoopback(host))
        return options;
    refuse(host, portNumber);
    // Port 9 (discard) on loopback is closed: the client gets ECONNREFUSED at once.
    return { ...options, host: '127.0.0.1', hostname: undefined, port: 9 };
}

const originalTlsConnect = tls.connect;
tls.connect = function connect(...args) {
    const [options, callback] = normalize(args);
    return originalTlsConnect.call(this, reroute(options, true), callback);
};

const originalNet = { connect: net.connect, createConnection: net.createConnection };
for (const name of ['connect', 'createConnection']) {
    const original = originalNet[name];
    net[name] = function (...args) {
        if (typeof args[0] !== 'object' || args[0] === null)
            return original.apply(this, args);
        const [options, callback] = normalize(args);
        const host = options.host || options.hostname;
        if (!options.path && isLoopback(host) && directLog && Number(options.port) === emulatorPort)
            fs.appendFileSync(directLog, `${process.pid} ${host || 'localhost'}:${options.port}\n`);
        // Plain TCP to a routed host (say, an http:// URL) goes nowhere; TLS was routed above.
        if (!options.path && !isLoopback(host) && !isRouted(host)) {
            refuse(host, options.port);
            return original.call(this, { ...options, host: '127.0.0.1', hostname: undefined, port: 9 }, callback);
        }
        return original.call(this, options, callback);
    };
}
// http.Agent took net.createConnection when it was loaded; it gets the hooked one.
if (http.Agent.prototype.createConnection === originalNet.createConnection)
    http.Agent.prototype.createConnection = net.createConnection;
