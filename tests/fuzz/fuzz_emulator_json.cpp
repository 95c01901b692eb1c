// libFuzzer target over the JSON bodies the emulator takes from any client: the strict-JSON
// check, the flow create and update bodies (FlowApi, FlowDefinition) and the owner changes
// (OwnerApi: the spec's POST …/owners and the live service's POST …/modifyPermissions).
//
// Input: one byte that picks the endpoint (% 6: 0 create a flow, 1 update a flow, 2 POST
// …/owners, 3 POST …/modifyPermissions, 4 POST listPackageResources, 5 POST exportPackage on the
// Power Platform host), then the request body; in a package body "{flow}" stands for a flow of
// the caller's. A package exported is downloaded: a whole zip (local headers up to the end record).
// Oracles: a body the strict check refuses is refused with its message; the strict check and
// Qt's parser agree on everything else; what the emulator stores of an accepted body is strict
// JSON; an accepted definition's derived data (run order, summary, callable trigger) is
// consistent; the real handler, against an in-memory store, gives the validator's verdict and
// message, never a 5xx; and everything the emulator then answers about the flow (the flow, its
// triggers, its callback URL, its runs with their actions, its owners) is strict JSON.
#include "EmulatorWorld.h"
#include "FlowDefinition.h"

#include <QJsonArray>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

#include <cstddef>
#include <cstdint>

using namespace Qt::Literals::StringLiterals;

namespace {

using fc::emu::Response;
using fc::fuzz::fail;

fc::fuzz::EmulatorWorld &world()
{
    static fc::fuzz::EmulatorWorld w;
    return w;
}

QByteArray describe(const QByteArray &input, const Response &r)
{
    return "input: " + input + "\nanswer " + QByteArray::number(r.status) + ": " + r.body;
}

// Any answer: no server error; a body, if any, is strict JSON.
void checkAnswer(const Response &r, const QByteArray &input, const char *what)
{
    if (r.status >= 500)
        fail(what, "server error; " + describe(input, r));
    if (!r.body.isEmpty() && !fc::fuzz::isJsonObject(r.body))
        fail(what, "answer is not strict JSON; " + describe(input, r));
}

void checkRefusal(const Response &r, const QString &message, const QByteArray &input)
{
    const QJsonObject error = QJsonDocument::fromJson(r.body).object().value("error"_L1).toObject();
    if (r.status != 400 || error.value("code"_L1).toString() != "InvalidRequestContent"_L1 ||
        error.value("message"_L1).toString() != message)
        fail("the handler does not refuse the body as the validator does",
             "expected: " + message.toUtf8() + '\n' + describe(input, r));
}

// The run order as the emulator computed it up to issue 15: passes over the actions in name
// order (quadratic in a chain against name order). The order must stay the same.
QStringList referenceOrder(const QJsonObject &definition)
{
    const QJsonObject actions = definition.value("actions"_L1).toObject();
    QStringList order;
    QSet<QString> done;
    QStringList pending = actions.keys();
    while (!pending.isEmpty()) {
        bool progressed = false;
        for (qsizetype i = 0; i < pending.size();) {
            const QJsonObject after = actions.value(pending.at(i)).toObject().value("runAfter"_L1).toObject();
            bool ready = true;
            for (auto it = after.begin(); it != after.end(); ++it)
                ready = ready && (done.contains(it.key()) || !actions.contains(it.key()));
            if (ready) {
                done.insert(pending.at(i));
                order.append(pending.takeAt(i));
                progressed = true;
            } else {
                ++i;
            }
        }
        if (!progressed) {
            order += pending;
            break;
        }
    }
    return order;
}

void checkDefinition(const QJsonObject &definition, const QByteArray &input)
{
    const fc::emu::FlowDefinition def(definition);
    if (!def.validate().isEmpty())
        fail("an accepted definition does not validate", input);
    const QStringList triggers = def.triggerNames();
    const QStringList order = def.actionsInOrder();
    QStringList sorted = order;
    sorted.sort();
    QStringList actions = definition.value("actions"_L1).toObject().keys();
    actions.sort();
    if (sorted != actions)
        fail("the run order of the actions is not the actions", input);
    if (order != referenceOrder(definition))
        fail("the run order of the actions differs from the passes over them", input);
    const QString callable = def.callableTrigger();
    if (!callable.isEmpty() &&
        (!triggers.contains(callable) || def.trigger(callable).value("type"_L1).toString() != "Request"_L1))
        fail("the callable trigger is not a Request trigger of the flow", input);
    const QJsonObject summary = def.summary();
    if (summary.value("actions"_L1).toArray().size() != order.size() ||
        summary.value("triggers"_L1).toArray().size() != triggers.size())
        fail("the summary does not list every trigger and action", input);
    if (!fc::fuzz::isJsonObject(QJsonDocument(summary).toJson(QJsonDocument::Compact)))
        fail("the summary is not strict JSON", input);
}

// Everything a client can read about the flow once it holds the body: all strict JSON.
void readBack(fc::fuzz::EmulatorWorld &w, const QString &flow, const QByteArray &input)
{
    const QString path = w.flowPath(flow);
    const Response got = w.call("GET", path);
    checkAnswer(got, input, "GET flow");
    if (got.status != 200)
        fail("the flow just written cannot be read", describe(input, got));
    const QJsonObject properties =
        QJsonDocument::fromJson(got.body).object().value("properties"_L1).toObject();
    checkAnswer(w.call("GET", path + u"/triggers"_s), input, "GET triggers");
    checkAnswer(w.call("POST", path + u"/listCallbackUrl"_s), input, "POST listCallbackUrl");
    // A run that has ended (every action has a status), one that failed, one still running.
    const fc::emu::FlowDefinition def(properties.value("definition"_L1).toObject());
    const QString trigger = def.triggerNames().value(0, u"manual"_s);
    const QString runs[] = {w.runs().start(w.environment(), flow, trigger, 0, 0),
                            w.runs().start(w.environment(), flow, trigger, 0, 1),
                            w.runs().start(w.environment(), flow, trigger, 3600000, 0)};
    checkAnswer(w.call("GET", path + u"/runs"_s), input, "GET runs");
    for (const QString &run : runs) {
        const QString runPath = path + u"/runs/"_s + run;
        checkAnswer(w.call("GET", runPath), input, "GET run");
        checkAnswer(w.call("GET", runPath, {{u"$expand"_s, u"properties/actions"_s}}), input,
                    "GET run with its actions");
        checkAnswer(w.call("GET", runPath + u"/actions"_s), input, "GET run actions");
    }
    checkAnswer(w.call("GET", path + u"/permissions"_s), input, "GET permissions");
}

void flowBody(const QByteArray &input, const QByteArray &body, const std::optional<QJsonObject> &parsed,
              const QString &parseProblem, bool create)
{
    std::optional<fc::emu::FlowProperties> props;
    QString problem = parseProblem;
    if (parsed) {
        props = fc::emu::readFlowProperties(*parsed, create, &problem);
        if (props) {
            if (create && !props->displayName)
                fail("a flow created without a display name", input);
            if (props->displayName && props->displayName->trimmed().isEmpty())
                fail("an empty display name accepted", input);
            if (props->definition)
                checkDefinition(*props->definition, input);
            if (props->connectionReferences && !fc::fuzz::isJsonObject(*props->connectionReferences))
                fail("the stored connection references are not strict JSON", input);
        }
    }
    fc::fuzz::EmulatorWorld &w = world();
    QString flow;
    Response r;
    if (create) {
        r = w.call("POST", w.flowsPath(), {}, body);
        checkAnswer(r, input, "POST flow");
        if (r.status == 201)
            flow = QJsonDocument::fromJson(r.body).object().value("name"_L1).toString();
    } else {
        flow = w.createDefaultFlow();
        r = w.call("PATCH", w.flowPath(flow), {}, body);
        checkAnswer(r, input, "PATCH flow");
    }
    if (props) {
        if (r.status != (create ? 201 : 200))
            fail("an accepted flow body is not answered with success", describe(input, r));
        readBack(w, flow, input);
    } else {
        checkRefusal(r, problem, input);
    }
    if (!flow.isEmpty())
        w.deleteFlow(flow);
}

void ownerBody(const QByteArray &input, const QByteArray &body, const std::optional<QJsonObject> &parsed,
               const QString &parseProblem, bool spec)
{
    std::optional<fc::emu::OwnerChanges> changes;
    QString problem = parseProblem;
    if (parsed) {
        changes = spec ? fc::emu::readOwnerChanges(*parsed, &problem)
                       : fc::emu::readPermissionChanges(*parsed, &problem);
        if (changes && changes->add.isEmpty() && changes->remove.isEmpty())
            fail("owner changes accepted that change nothing", input);
        if (changes && spec) {
            for (const auto &c : std::as_const(changes->remove))
                if (c.id.isEmpty())
                    fail("an owner to remove without an id", input);
        }
        if (changes) {
            for (const auto &c : std::as_const(changes->add))
                if (c.id.isEmpty())
                    fail("an owner to add without an id", input);
        }
    }
    fc::fuzz::EmulatorWorld &w = world();
    const QString flow = w.createDefaultFlow();
    const Response r =
        w.call("POST", w.flowPath(flow) + (spec ? u"/owners"_s : u"/modifyPermissions"_s), {}, body);
    checkAnswer(r, input, "POST owner changes");
    if (!changes) {
        checkRefusal(r, problem, input);
    } else if (r.status == 200) {
        QSet<QString> owners;
        for (const QJsonValue v : QJsonDocument::fromJson(r.body).object().value("value"_L1).toArray())
            owners.insert(v.toObject().value("name"_L1).toString());
        if (owners.isEmpty())
            fail("a flow was left without owners", describe(input, r));
        QSet<QString> added;
        for (const auto &c : std::as_const(changes->add)) {
            added.insert(c.id);
            if (!owners.contains(c.id))
                fail("an owner added is not listed", describe(input, r));
        }
        for (const auto &c : std::as_const(changes->remove))
            if (!added.contains(c.id) && owners.contains(c.id))
                fail("an owner removed is still listed", describe(input, r));
        if (owners.contains(w.callerId())) // otherwise the flow is no longer the caller's to read
            readBack(w, flow, input);
    } else if (r.status != 400) {
        fail("owner changes answered neither 200 nor 400", describe(input, r));
    }
    w.deleteFlow(flow);
}

void packageBody(const QByteArray &input, QByteArray body, bool exporting)
{
    fc::fuzz::EmulatorWorld &w = world();
    const QString flow = w.createDefaultFlow();
    body.replace("{flow}", flow.toUtf8());
    QString parseProblem; // of the body as sent (offsets move with the flow's name)
    const auto parsed = fc::emu::parseJsonObjectBody(body, &parseProblem);
    const QString bap = u"/providers/Microsoft.BusinessAppPlatform/environments/"_s + w.environment();
    const Response r =
        w.call("POST", bap + (exporting ? u"/exportPackage"_s : u"/listPackageResources"_s), {}, body);
    checkAnswer(r, input, exporting ? "POST exportPackage" : "POST listPackageResources");
    if (!parsed) {
        checkRefusal(r, parseProblem, input);
    } else if (r.status == 200) {
        const QJsonObject answer = QJsonDocument::fromJson(r.body).object();
        if (!answer.value("resources"_L1).isObject() ||
            answer.value("status"_L1).toString() != "Succeeded"_L1)
            fail("a package answer without its resources", describe(input, r));
        if (exporting) {
            const QUrl link(answer.value("packageLink"_L1).toObject().value("value"_L1).toString());
            QHash<QString, QString> query;
            for (const auto &[key, value] : QUrlQuery(link).queryItems(QUrl::FullyDecoded))
                query.insert(key, value);
            const Response zip = w.call("GET", link.path(QUrl::FullyEncoded), query);
            const QByteArray &z = zip.body;
            if (zip.status != 200 || !z.startsWith("PK\x03\x04") || z.size() < 22 ||
                z.mid(z.size() - 22, 4) != QByteArrayView("PK\x05\x06"))
                fail("an exported package does not download whole", describe(input, zip));
        }
    } else if (r.status != 400 && r.status != 403 && r.status != 404) {
        fail("a package body answered neither 200 nor a refusal", describe(input, r));
    }
    w.deleteFlow(flow);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    world();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QByteArray body = input.mid(1);

    const auto strict = fc::emu::strictJsonProblem(body);
    QString problem;
    const auto parsed = fc::emu::parseJsonObjectBody(body, &problem);
    if (strict) {
        if (parsed || problem != *strict)
            fail("a body the strict check refuses is not refused with its message", input);
    } else {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        if ((error.error == QJsonParseError::NoError && doc.isObject()) != parsed.has_value())
            fail("the strict check and Qt's parser disagree", input);
    }
    if (parsed && !fc::fuzz::isJsonObject(QJsonDocument(*parsed).toJson(QJsonDocument::Compact)))
        fail("the emulator's own JSON of an accepted body is not strict JSON", input);

    switch (data[0] % 6) {
    case 0:
        flowBody(input, body, parsed, problem, true);
        break;
    case 1:
        flowBody(input, body, parsed, problem, false);
        break;
    case 2:
        ownerBody(input, body, parsed, problem, true);
        break;
    case 3:
        ownerBody(input, body, parsed, problem, false);
        break;
    default:
        packageBody(input, body, data[0] % 6 == 5);
        break;
    }
    return 0;
}
