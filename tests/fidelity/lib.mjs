// Shared by the fidelity checks: the run's settings (from run.sh), a result log, HTTP helpers.
import fs from 'node:fs';

export const env = {
    emulator: process.env.FC_FIDELITY_EMULATOR, // http://127.0.0.1:PORT, for approvals and control
    tenant: process.env.FC_FIDELITY_TENANT,
    tlsPort: Number(process.env.FC_FIDELITY_TLS_PORT),
    results: process.env.FC_FIDELITY_RESULTS,
};
for (const [key, value] of Object.entries(env)) {
    if (!value)
        throw new Error(`fidelity: ${key} is not set; run tests/fidelity/run.sh`);
}

// One line per check: suite, check, PASS|FAIL, detail (tabs and newlines flattened).
export function record(suite, check, ok, detail = '') {
    const flat = (s) => String(s).replace(/[\t\r\n]+/g, ' ').slice(0, 400);
    fs.appendFileSync(env.results, `${suite}\t${check}\t${ok ? 'PASS' : 'FAIL'}\t${flat(detail)}\n`);
    process.stdout.write(`${ok ? 'PASS' : 'FAIL'}  ${suite}: ${check}${ok ? '' : `  -- ${flat(detail)}`}\n`);
    return ok;
}

// Runs fn and records PASS with its returned detail, or FAIL with the error.
export async function check(suite, name, fn) {
    try {
        const detail = await fn();
        record(suite, name, true, detail ?? '');
        return true;
    } catch (e) {
        record(suite, name, false, e && e.stack && process.env.FC_FIDELITY_VERBOSE ? e.stack : (e?.message ?? e));
        return false;
    }
}

export function assert(condition, message) {
    if (!condition)
        throw new Error(message);
}

// Approves a device code the way a user would: the emulator's /devicelogin form, on the
// verification URI the client was given (through the TLS terminator) or the emulator itself.
export async function approveDeviceCode(userCode, upn, verificationUri = `${env.emulator}/devicelogin`) {
    const body = new URLSearchParams({ user_code: userCode, upn, action: 'approve' });
    const answer = await fetch(verificationUri, { method: 'POST', body });
    if (answer.status !== 200)
        throw new Error(`approving ${userCode} for ${upn} at ${verificationUri}: HTTP ${answer.status}`);
}

// The emulator's control endpoint (run.sh starts it with --control).
export async function control(settings) {
    const answer = await fetch(`${env.emulator}/_emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(settings),
    });
    if (answer.status !== 200)
        throw new Error(`control ${JSON.stringify(settings)}: HTTP ${answer.status} ${await answer.text()}`);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
