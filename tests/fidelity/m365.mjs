// The m365 CLI (@pnp/cli-microsoft365) against the emulator, through the TLS terminator: a
// device-code login with a custom app and tenant, then every `m365 flow …` command that
// touches the Management API, as a maker (Adele) and as a Power Platform admin (Diego, with
// --asAdmin), each command checked against what the emulator holds. The CLI runs with its own
// HOME and config folder, telemetry and update checks off, `--require preload.js` in NODE_OPTIONS.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { approveDeviceCode, assert, env, record } from './lib.mjs';

const suite = 'm365 CLI';
const appId = '0c5e7d4a-2b1f-4e8a-9c3d-f1de11e7c11e';
const maker = 'adele.vance@contoso.example';
// The demo seed's Power Platform administrator: Diego where the seed has him, else Adele (who
// then signs in twice, and the checks that need a maker who is not an admin are left out).
const seededUsers = await (await fetch(`${env.emulator}/devicelogin`)).text();
const admin = seededUsers.includes('diego.siciliani@contoso.example') ? 'diego.siciliani@contoso.example' : maker;
const separateAdmin = admin !== maker;
const other = 'jane.smith@contoso.example';
const group = 'IT Operations';
const home = process.env.FC_FIDELITY_HOME;
const cliMain = path.join(process.env.FC_FIDELITY_NODE_DIR, 'node_modules/@pnp/cli-microsoft365/dist/index.js');
fs.mkdirSync(path.join(home, '.config'), { recursive: true });

const childEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    NODE_OPTIONS: `--require=${process.env.FC_FIDELITY_PRELOAD}`,
    CLIMICROSOFT365_NOUPDATE: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
};
// Connections of the CLI straight to the emulator's own address are counted (see preload.js).
const directLog = path.join(home, 'direct-connections.log');
childEnv.FC_FIDELITY_DIRECT_LOG = directLog;
delete childEnv.CLIMICROSOFT365_ENTRAAPPID;
delete childEnv.CLIMICROSOFT365_TENANT;

// Runs `m365 …`; onStderr sees the error stream as it comes (for the device code).
function m365(args, { onStderr, timeoutMs = 120000 } = {}) {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, [cliMain, ...args], { env: childEnv, cwd: home });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => { stdout += d; });
        child.stderr.on('data', (d) => {
            stderr += d;
            onStderr?.(stderr);
        });
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            let json;
            try {
                json = stdout.trim() ? JSON.parse(stdout) : undefined;
            } catch {
                json = undefined;
            }
            resolve({ code: signal ? `killed (${signal})` : code, stdout, stderr, json });
        });
    });
}

function errorOf(r) {
    const text = (r.stderr || r.stdout || '').trim();
    const error = text.split('\n').filter((l) => /error/i.test(l)).pop() || text.split('\n').pop() || '';
    return `exit ${r.code}: ${error}`.trim();
}

const commandLine = (args) => `m365 ${args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}`;

// Runs a command and records it: PASS when it succeeds and `verify` (given the result) holds;
// `expectError` (a RegExp) turns it round: PASS when the command fails with that message.
async function step(label, args, { verify, expectError } = {}) {
    const r = await m365(args);
    const name = label || commandLine(args);
    try {
        if (expectError) {
            assert(r.code !== 0, `succeeded, but an error matching ${expectError} was expected`);
            assert(expectError.test(r.stderr + r.stdout), `wrong error: ${errorOf(r)}`);
            record(suite, name, true, errorOf(r));
            return r;
        }
        assert(r.code === 0, errorOf(r));
        const detail = verify ? verify(r) : '';
        record(suite, name, true, detail ?? '');
    } catch (e) {
        record(suite, name, false, e.message);
        r.failed = true;
    }
    return r;
}

async function login(upn) {
    let approval;
    const args = ['login', '--authType', 'deviceCode', '--appId', appId, '--tenant', env.tenant];
    const r = await m365(args, {
        onStderr: (text) => {
            const code = /enter the code ([A-Z0-9]+)/.exec(text);
            if (code && !approval)
                approval = approveDeviceCode(code[1], upn).catch((e) => e);
        },
    });
    const approvalError = await approval;
    const name = `${commandLine(args).replace(appId, '<app id>').replace(env.tenant, '<tenant>')} (as ${upn})`;
    try {
        assert(approval, `no device code in the output: ${errorOf(r)}`);
        assert(!(approvalError instanceof Error), `approving: ${approvalError?.message}`);
        assert(r.code === 0, errorOf(r));
        record(suite, name, true);
        return true;
    } catch (e) {
        record(suite, name, false, e.message);
        return false;
    }
}

const settings = { disableTelemetry: 'true', output: 'json', prompt: 'false', showHelpOnFailure: 'false',
    printErrorsAsPlainText: 'true', autoOpenLinksInBrowser: 'false', copyDeviceCodeToClipboard: 'false' };
for (const [key, value] of Object.entries(settings)) {
    const r = await m365(['cli', 'config', 'set', '--key', key, '--value', value]);
    if (r.code !== 0)
        record(suite, `m365 cli config set --key ${key}`, false, errorOf(r));
}

// --- as a maker -------------------------------------------------------------------------------
if (!(await login(maker)))
    process.exit(0); // nothing else can work; the table says why

await step('m365 status', ['status'], {
    verify: (r) => {
        assert(r.json?.connectedAs === maker, `connectedAs ${r.json?.connectedAs}`);
        return `connectedAs ${r.json.connectedAs}`;
    },
});

const envs = await step('m365 flow environment list', ['flow', 'environment', 'list'], {
    verify: (r) => {
        assert(Array.isArray(r.json) && r.json.length > 0, 'no environments');
        return `${r.json.length} environments`;
    },
});
const environments = Array.isArray(envs.json) ? envs.json : [];
const defaultEnv = environments.find((e) => e.properties?.isDefault) ?? environments[0];
const envName = defaultEnv?.name ?? '~default';
const otherEnv = environments.find((e) => e.name !== envName)?.name;

await step('m365 flow environment get --default', ['flow', 'environment', 'get', '--default'], {
    verify: (r) => {
        assert(r.json?.name === envName, `name ${r.json?.name}, expected ${envName}`);
        return r.json.properties?.displayName;
    },
});
if (otherEnv) {
    await step('m365 flow environment get --name <env>', ['flow', 'environment', 'get', '--name', otherEnv], {
        verify: (r) => {
            assert(r.json?.name === otherEnv, `name ${r.json?.name}`);
            return r.json.properties?.displayName;
        },
    });
}
// The live service's wording (WIRE.md, from the CLI's documentation).
await step('m365 flow environment get --name <unknown env>', ['flow', 'environment', 'get', '--name', 'Default-00000000-dead-beef-0000-000000000000'], {
    expectError: /Access to the environment '[^']+' is denied/,
});

const listed = await step('m365 flow list --environmentName <env>', ['flow', 'list', '--environmentName', envName], {
    verify: (r) => {
        assert(Array.isArray(r.json) && r.json.length > 0, 'no flows');
        assert(r.json.every((f) => f.name && f.properties?.displayName), 'a flow without name or displayName');
        return `${r.json.length} flows`;
    },
});
const flows = Array.isArray(listed.json) ? listed.json : [];
for (const status of ['personal', 'sharedWithMe', 'ownedByMe']) {
    await step(`m365 flow list --environmentName <env> --sharingStatus ${status}`,
        ['flow', 'list', '--environmentName', envName, '--sharingStatus', status], {
            verify: (r) => {
                assert(Array.isArray(r.json), 'not a list');
                return `${r.json.length} flows`;
            },
        });
}
await step('m365 flow list --environmentName <env> --withSolutions', ['flow', 'list', '--environmentName', envName, '--withSolutions'], {
    verify: (r) => `${r.json?.length} flows`,
});
if (separateAdmin) {
    await step('m365 flow list --asAdmin (as a maker: refused)', ['flow', 'list', '--environmentName', envName, '--asAdmin'], {
        expectError: /permission|denied|forbidden|admin|403/i,
    });
}

// A flow with runs to work on (a request trigger, so that its runs have trigger outputs; a
// recurrence has none and `run list --withTrigger` then fails in the CLI itself).
// And a flow with more than one page of runs (50 a page), for nextLink.
let flow;
let runs = [];
let paged;
let pagingError;
const triggerType = (f) => f.properties?.definitionSummary?.triggers?.[0]?.type;
const byTrigger = [...flows.filter((f) => triggerType(f) === 'Request'), ...flows.filter((f) => triggerType(f) !== 'Request')];
for (const f of byTrigger) {
    const r = await m365(['flow', 'run', 'list', '--environmentName', envName, '--flowName', f.name]);
    const count = r.code === 0 && Array.isArray(r.json) ? r.json.length : 0;
    if (r.code !== 0 && !pagingError)
        pagingError = `"${f.properties?.displayName}": ${errorOf(r)}`;
    if (!flow && count > 1) {
        flow = f;
        runs = r.json;
    }
    if (!paged && count > 50)
        paged = { flow: f, count };
    if (flow && paged)
        break;
}
record(suite, 'm365 flow run list over more than one page (nextLink)', !!paged,
    paged ? `${paged.count} runs of "${paged.flow.properties?.displayName}"` : pagingError ?? 'no flow has more than 50 runs');
if (!flow) {
    record(suite, '(setup) a flow of the maker with runs', false, 'no flow with runs in the default environment');
    flow = flows[0] ?? { name: '00000000-0000-0000-0000-000000000000' };
}
const flowArgs = ['--environmentName', envName, '--flowName', flow.name];

let actionNames = [];
await step('m365 flow get --environmentName <env> --name <flow>', ['flow', 'get', '--environmentName', envName, '--name', flow.name], {
    verify: (r) => {
        actionNames = Object.keys(r.json?.properties?.definition?.actions ?? {});
        assert(r.json?.name === flow.name, `name ${r.json?.name}`);
        assert(r.json.properties?.definition, 'no definition');
        return `${r.json.displayName ?? r.json.properties.displayName}, state ${r.json.properties.state}`;
    },
});
await step('m365 flow get --name <unknown flow>', ['flow', 'get', '--environmentName', envName, '--name', '11111111-2222-3333-4444-555555555555'], {
    expectError: /The caller with object id '[^']+' does not have permission for connection '[^']+' under Api 'shared_logicflows'/,
});

const stateOf = async () => (await m365(['flow', 'get', '--environmentName', envName, '--name', flow.name])).json?.properties?.state;
await step('m365 flow disable --environmentName <env> --name <flow>', ['flow', 'disable', '--environmentName', envName, '--name', flow.name]);
{
    const state = await stateOf();
    record(suite, '  … flow get shows state Stopped', state === 'Stopped', `state ${state}`);
}
await step('m365 flow enable --environmentName <env> --name <flow>', ['flow', 'enable', '--environmentName', envName, '--name', flow.name]);
{
    const state = await stateOf();
    record(suite, '  … flow get shows state Started', state === 'Started', `state ${state}`);
}

await step('m365 flow run list --environmentName <env> --flowName <flow>', ['flow', 'run', 'list', ...flowArgs], {
    verify: (r) => {
        assert(r.json.every((run) => run.name && run.properties?.status), 'a run without name or status');
        return `${r.json.length} runs`;
    },
});
const finished = runs.find((r) => r.properties?.status === 'Succeeded') ?? runs.find((r) => r.properties?.status !== 'Running') ?? runs[0];
for (const status of ['Succeeded', 'Failed']) {
    await step(`m365 flow run list … --status ${status}`, ['flow', 'run', 'list', ...flowArgs, '--status', status], {
        verify: (r) => {
            const list = r.json ?? [];
            assert(list.every((run) => run.properties.status === status), 'a run of another status');
            return `${list.length} runs`;
        },
    });
}
{
    const start = new Date(Date.now() - 7 * 24 * 3600 * 1000).toISOString();
    const end = new Date(Date.now() + 3600 * 1000).toISOString();
    await step('m365 flow run list … --triggerStartTime <7 days ago> --triggerEndTime <in an hour>',
        ['flow', 'run', 'list', ...flowArgs, '--triggerStartTime', start, '--triggerEndTime', end], {
            verify: (r) => {
                const list = r.json ?? [];
                assert(list.every((run) => run.properties.startTime >= start && run.properties.startTime < end), 'a run outside the range');
                return `${list.length} runs`;
            },
        });
}
await step('m365 flow run list … --withTrigger (trigger outputs from the content link)', ['flow', 'run', 'list', ...flowArgs, '--withTrigger'], {
    verify: (r) => {
        const withOutputs = (r.json ?? []).filter((run) => run.triggerInformation !== undefined);
        assert(withOutputs.length > 0, 'no run carries triggerInformation');
        return `${withOutputs.length} runs with triggerInformation`;
    },
});
if (finished) {
    const runArgs = ['--environmentName', envName, '--flowName', flow.name, '--name', finished.name];
    await step('m365 flow run get --name <run>', ['flow', 'run', 'get', ...runArgs], {
        verify: (r) => {
            assert(r.json?.name === finished.name, `name ${r.json?.name}`);
            return `status ${r.json.properties?.status ?? r.json.status}`;
        },
    });
    // Named actions: CLI 11.11 reads a bare --withActions as '' (and sends no $expand), and
    // --withActions true as an action called "true".
    const named = actionNames.slice(0, 2).join(',');
    await step('m365 flow run get --name <run> --withActions <action,action> (inputs/outputs from content links)', ['flow', 'run', 'get', ...runArgs, '--withActions', named], {
        verify: (r) => {
            const actions = Object.values(r.json?.actions ?? {});
            assert(actions.length > 0, `no actions (asked for ${named})`);
            assert(actions.some((a) => a.input !== undefined || a.output !== undefined), 'no action inputs or outputs (inputsLink/outputsLink)');
            return `${actions.length} actions with contents`;
        },
    });
    await step('m365 flow run get --name <run> --withTrigger', ['flow', 'run', 'get', ...runArgs, '--withTrigger'], {
        verify: (r) => {
            assert(r.json?.triggerInformation !== undefined, 'no triggerInformation');
            return 'triggerInformation present';
        },
    });
    await step('m365 flow run get --name <unknown run>', ['flow', 'run', 'get', ...flowArgs, '--name', '08585000000000000000000000000CU00'], {
        expectError: /The workflow '[^']+' run '[^']+' could not be found/,
    });

    const before = new Set(runs.map((r) => r.name));
    await step('m365 flow run resubmit --name <run> --force', ['flow', 'run', 'resubmit', ...runArgs, '--force']);
    const after = await m365(['flow', 'run', 'list', ...flowArgs]);
    const resubmitted = (after.json ?? []).find((r) => !before.has(r.name));
    record(suite, '  … flow run list shows the new run', !!resubmitted,
        resubmitted ? `${resubmitted.name} ${resubmitted.properties.status}` : errorOf(after));
    if (resubmitted) {
        const cancelArgs = ['--environmentName', envName, '--flowName', flow.name, '--name', resubmitted.name];
        await step('m365 flow run cancel --name <running run> --force', ['flow', 'run', 'cancel', ...cancelArgs, '--force']);
        const status = (await m365(['flow', 'run', 'get', ...cancelArgs])).json?.properties?.status;
        record(suite, '  … flow run get shows status Cancelled', status === 'Cancelled', `status ${status}`);
    }
}

// Owners: by user name and ID, by group name and ID (Graph look-ups with eq filters).
const ownerIds = async (scope = []) =>
    ((await m365(['flow', 'owner', 'list', ...flowArgs, ...scope])).json ?? []).map((o) => o.properties?.principal?.id ?? o.id);
await step('m365 flow owner list --flowName <flow>', ['flow', 'owner', 'list', ...flowArgs], {
    verify: (r) => {
        assert(Array.isArray(r.json) && r.json.length > 0, 'no owners');
        return `${r.json.length} owners`;
    },
});
const graphId = async (kind, filter) => {
    const token = await m365(['util', 'accesstoken', 'get', '--resource', 'https://graph.microsoft.com', '--new']);
    const access = token.json ?? token.stdout.trim().replace(/^"|"$/g, '');
    const answer = await fetch(`https://graph.microsoft.com/v1.0/${kind}?$filter=${encodeURIComponent(filter)}`, {
        headers: { authorization: `Bearer ${access}` },
    });
    return (await answer.json()).value?.[0]?.id;
};
const otherId = await graphId('users', `userPrincipalName eq '${other}'`);
const groupId = await graphId('groups', `displayName eq '${group}'`);

await step('m365 flow owner ensure --userName <user> --roleName CanEdit', ['flow', 'owner', 'ensure', ...flowArgs, '--userName', other, '--roleName', 'CanEdit']);
{
    const ids = await ownerIds();
    record(suite, '  … owner list includes the user', !!otherId && ids.includes(otherId), `user ${otherId}; owners ${ids.join(',')}`);
}
await step('m365 flow owner remove --userName <user> --force', ['flow', 'owner', 'remove', ...flowArgs, '--userName', other, '--force']);
{
    const ids = await ownerIds();
    record(suite, '  … owner list no longer includes the user', !!otherId && !ids.includes(otherId), `owners ${ids.join(',')}`);
}
await step('m365 flow owner ensure --groupName <group> --roleName CanView', ['flow', 'owner', 'ensure', ...flowArgs, '--groupName', group, '--roleName', 'CanView']);
{
    const ids = await ownerIds();
    record(suite, '  … owner list includes the group', !!groupId && ids.includes(groupId), `group ${groupId}; owners ${ids.join(',')}`);
}
await step('m365 flow owner remove --groupName <group> --force', ['flow', 'owner', 'remove', ...flowArgs, '--groupName', group, '--force']);
if (otherId) {
    await step('m365 flow owner ensure --userId <id> --roleName CanView', ['flow', 'owner', 'ensure', ...flowArgs, '--userId', otherId, '--roleName', 'CanView']);
    await step('m365 flow owner remove --userId <id> --force', ['flow', 'owner', 'remove', ...flowArgs, '--userId', otherId, '--force']);
}
if (groupId) {
    await step('m365 flow owner ensure --groupId <id> --roleName CanEdit', ['flow', 'owner', 'ensure', ...flowArgs, '--groupId', groupId, '--roleName', 'CanEdit']);
    await step('m365 flow owner remove --groupId <id> --force', ['flow', 'owner', 'remove', ...flowArgs, '--groupId', groupId, '--force']);
}

// Export: JSON (ARM template) and the zip package (BAP listPackageResources, exportPackage).
const exportDir = path.join(home, 'exports');
fs.mkdirSync(exportDir, { recursive: true });
await step('m365 flow export --name <flow> --format json', ['flow', 'export', '--environmentName', envName, '--name', flow.name, '--format', 'json', '--path', path.join(exportDir, 'flow.json')], {
    verify: () => {
        const template = JSON.parse(fs.readFileSync(path.join(exportDir, 'flow.json'), 'utf8'));
        assert(template.resources || template.$schema, 'not an ARM template');
        return 'ARM template written';
    },
});
await step('m365 flow export --name <flow> (zip package)', ['flow', 'export', '--environmentName', envName, '--name', flow.name, '--path', path.join(exportDir, 'flow.zip')], {
    verify: () => {
        const zip = fs.readFileSync(path.join(exportDir, 'flow.zip'));
        assert(zip.subarray(0, 2).toString() === 'PK', 'not a zip file');
        for (const entry of ['manifest.json', 'Microsoft.Flow/flows/manifest.json', '/definition.json'])
            assert(zip.includes(entry), `no ${entry} in the package`);
        return `${zip.length} bytes`;
    },
});

// Remove a flow the maker owns (not the one above), then look for it.
const victim = flows.find((f) => f.name !== flow.name);
if (victim) {
    await step('m365 flow remove --name <flow> --force', ['flow', 'remove', '--environmentName', envName, '--name', victim.name, '--force']);
    await step('  … flow get of the removed flow', ['flow', 'get', '--environmentName', envName, '--name', victim.name], {
        expectError: /The caller with object id '[^']+' does not have permission for connection '[^']+' under Api 'shared_logicflows'/,
    });
}
await step('m365 logout', ['logout']);

// --- as an administrator ----------------------------------------------------------------------
if (await login(admin)) {
    const adminList = await step('m365 flow list --environmentName <env> --asAdmin', ['flow', 'list', '--environmentName', envName, '--asAdmin'], {
        verify: (r) => {
            assert(Array.isArray(r.json) && r.json.length > 0, 'no flows');
            return `${r.json.length} flows`;
        },
    });
    const all = adminList.json ?? [];
    // The maker's flow, which the admin does not own: only the admin scope reaches it.
    const target = flow.name;
    const adminFlowArgs = ['--environmentName', envName, '--flowName', target, '--asAdmin'];
    if (separateAdmin) {
        await step('m365 flow get --name <someone else\'s flow> (user scope: refused)', ['flow', 'get', '--environmentName', envName, '--name', target], {
            expectError: /does not have permission|forbidden|not found/i,
        });
    }
    await step('m365 flow get --name <someone else\'s flow> --asAdmin', ['flow', 'get', '--environmentName', envName, '--name', target, '--asAdmin'], {
        verify: (r) => {
            assert(r.json?.name === target, `name ${r.json?.name}`);
            return r.json.properties?.displayName;
        },
    });
    await step('m365 flow disable --name <flow> --asAdmin', ['flow', 'disable', '--environmentName', envName, '--name', target, '--asAdmin']);
    await step('m365 flow enable --name <flow> --asAdmin', ['flow', 'enable', '--environmentName', envName, '--name', target, '--asAdmin']);
    await step('m365 flow run list --flowName <flow> --asAdmin', ['flow', 'run', 'list', ...adminFlowArgs], {
        verify: (r) => `${r.json?.length} runs`,
    });
    await step('m365 flow owner list --flowName <flow> --asAdmin', ['flow', 'owner', 'list', ...adminFlowArgs], {
        verify: (r) => `${r.json?.length} owners`,
    });
    await step('m365 flow owner ensure --userName <user> --asAdmin', ['flow', 'owner', 'ensure', ...adminFlowArgs, '--userName', other, '--roleName', 'CanView']);
    await step('m365 flow owner remove --userName <user> --asAdmin --force', ['flow', 'owner', 'remove', ...adminFlowArgs, '--userName', other, '--force']);

    const removable = all.find((f) => f.name !== target && (!victim || f.name !== victim.name) && f.properties?.state !== 'Deleted');
    if (removable) {
        await step('m365 flow remove --name <flow> --asAdmin --force', ['flow', 'remove', '--environmentName', envName, '--name', removable.name, '--asAdmin', '--force']);
        await step('m365 flow recyclebinitem list --environmentName <env>', ['flow', 'recyclebinitem', 'list', '--environmentName', envName], {
            verify: (r) => {
                const names = (r.json ?? []).map((f) => f.name);
                assert(names.includes(removable.name), 'the removed flow is not in the recycle bin');
                return `${names.length} soft-deleted flows`;
            },
        });
        await step('m365 flow recyclebinitem restore --flowName <removed flow>', ['flow', 'recyclebinitem', 'restore', '--environmentName', envName, '--flowName', removable.name]);
        await step('  … flow get --asAdmin of the restored flow', ['flow', 'get', '--environmentName', envName, '--name', removable.name, '--asAdmin'], {
            verify: (r) => `state ${r.json?.properties?.state}`,
        });
    }
    await step('m365 logout (admin)', ['logout']);
}

// Links the CLI followed (nextLink, content links) must be on the host it called, as the live
// service builds them: a link on the emulator's own base URL takes the CLI around TLS.
{
    const direct = fs.existsSync(directLog) ? fs.readFileSync(directLog, 'utf8').trim().split('\n').filter(Boolean) : [];
    record(suite, 'links followed stay on the host the CLI called (no connection straight to the emulator)',
        direct.length === 0, `${direct.length} connections to ${env.emulator} (a nextLink or content link built on the emulator's base URL)`);
}
