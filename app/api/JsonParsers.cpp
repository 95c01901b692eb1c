#include "JsonParsers.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace fc::json {

namespace {

QString str(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toString();
}

QJsonObject obj(const QJsonObject &o, QLatin1StringView key)
{
    return o.value(key).toObject();
}

QString tr(const char *text)
{
    return QCoreApplication::translate("fc::json", text);
}

ApiError parseError(const QString &message)
{
    return ApiError::make(ApiError::Kind::Parse, message);
}

int digits(QStringView s, qsizetype pos, qsizetype count, bool *ok)
{
    int value = 0;
    for (qsizetype i = pos; i < pos + count; ++i) {
        const char16_t c = s[i].unicode();
        if (c < u'0' || c > u'9') {
            *ok = false;
            return 0;
        }
        value = value * 10 + (c - u'0');
    }
    return value;
}

// Days from 1970-01-01 to a civil date (proleptic Gregorian), after H. Hinnant's algorithm.
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// Values that repeat across thousands of rows (status codes, trigger names) share one string
// instead of one allocation per row: a run page of 100,000 rows keeps ~80 bytes less per row.
QString shared(const QString &value)
{
    static thread_local QSet<QString> pool;
    if (value.isEmpty())
        return {};
    const auto it = pool.constFind(value);
    if (it != pool.cend())
        return *it;
    if (pool.size() < 4096)
        pool.insert(value);
    return value;
}

// The Page<T> parser shared by every list: {"value":[...], "nextLink" or "@odata.nextLink"}.
template <typename T, typename Fn>
Result<Page<T>> parsePage(const QByteArray &body, Fn &&parseItem)
{
    auto root = parseObject(body);
    if (!root)
        return root.error();
    const QJsonValue value = root->value("value"_L1);
    if (!value.isArray())
        return parseError(tr("The answer has no \"value\" list."));
    Page<T> page;
    const QJsonArray array = value.toArray();
    page.items.reserve(array.size());
    for (const QJsonValue &item : array) {
        if (item.isObject())
            page.items.append(parseItem(item.toObject()));
    }
    page.nextLink = root->value("nextLink"_L1).toString();
    if (page.nextLink.isEmpty())
        page.nextLink = root->value("@odata.nextLink"_L1).toString();
    return page;
}

} // namespace

qint64 parseTimeMs(QStringView s)
{
    // Fast path for the service's form, 2026-01-21T18:19:00.1234567Z; anything else goes to
    // QDateTime, which also knows offsets.
    if (s.size() >= 20 && s[4] == u'-' && s[7] == u'-' && (s[10] == u'T' || s[10] == u' ') && s[13] == u':' &&
        s[16] == u':' && s.back() == u'Z') {
        bool ok = true;
        const int year = digits(s, 0, 4, &ok), month = digits(s, 5, 2, &ok), day = digits(s, 8, 2, &ok);
        const int hour = digits(s, 11, 2, &ok), minute = digits(s, 14, 2, &ok),
                  second = digits(s, 17, 2, &ok);
        int millis = 0;
        if (s.size() > 20) {
            if (s[19] != u'.')
                ok = false;
            const qsizetype fracLen = s.size() - 21;
            if (fracLen <= 0 || fracLen > 9)
                ok = false;
            else
                millis = digits(s, 20, qMin<qsizetype>(fracLen, 3), &ok) * (fracLen == 1   ? 100
                                                                            : fracLen == 2 ? 10
                                                                                           : 1);
            if (ok && fracLen > 3)
                digits(s, 23, fracLen - 3, &ok);
        }
        if (ok && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 &&
            second < 61)
            return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60000LL + second * 1000LL +
                   millis;
    }
    if (s.isEmpty())
        return 0;
    const QDateTime dt = QDateTime::fromString(s.toString(), Qt::ISODateWithMs);
    return dt.isValid() ? dt.toMSecsSinceEpoch() : 0;
}

Result<QJsonObject> parseObject(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return parseError(
            tr("The answer is not valid JSON (%1 at byte %2).").arg(error.errorString()).arg(error.offset));
    if (!doc.isObject())
        return parseError(tr("The answer is JSON but not an object."));
    return doc.object();
}

Environment parseEnvironment(const QJsonObject &o)
{
    const QJsonObject p = obj(o, "properties"_L1);
    Environment e;
    e.name = str(o, "name"_L1);
    e.location = str(o, "location"_L1);
    e.displayName = str(p, "displayName"_L1);
    if (e.displayName.isEmpty())
        e.displayName = e.name;
    e.description = str(p, "description"_L1);
    e.sku = str(p, "environmentSku"_L1);
    e.type = str(p, "environmentType"_L1);
    e.provisioningState = str(p, "provisioningState"_L1);
    e.createdMs = parseTimeMs(str(p, "createdTime"_L1));
    e.modifiedMs = parseTimeMs(str(p, "lastModifiedTime"_L1));
    e.isDefault = p.value("isDefault"_L1).toBool();
    return e;
}

static QString triggerTypeOf(const QJsonObject &props)
{
    const QJsonArray summaryTriggers = obj(props, "definitionSummary"_L1).value("triggers"_L1).toArray();
    if (!summaryTriggers.isEmpty()) {
        const QJsonObject t = summaryTriggers.first().toObject();
        const QString type = str(t, "type"_L1), kind = str(t, "kind"_L1);
        return kind.isEmpty() ? type : type + u'/' + kind;
    }
    const QJsonObject triggers = obj(obj(props, "definition"_L1), "triggers"_L1);
    if (!triggers.isEmpty()) {
        const QJsonObject t = triggers.begin().value().toObject();
        const QString type = str(t, "type"_L1), kind = str(t, "kind"_L1);
        return kind.isEmpty() ? type : type + u'/' + kind;
    }
    return {};
}

Flow parseFlow(const QJsonObject &o)
{
    const QJsonObject p = obj(o, "properties"_L1);
    Flow f;
    f.name = str(o, "name"_L1);
    // The environment is the segment after /environments/ in the resource id.
    const QString id = str(o, "id"_L1);
    const qsizetype envAt = id.indexOf("/environments/"_L1);
    if (envAt >= 0) {
        const qsizetype start = envAt + 14;
        const qsizetype end = id.indexOf(u'/', start);
        f.environment = id.mid(start, end < 0 ? -1 : end - start);
    }
    if (f.environment.isEmpty())
        f.environment = str(obj(p, "environment"_L1), "name"_L1);
    f.displayName = str(p, "displayName"_L1);
    f.state = flowStateFromName(str(p, "state"_L1));
    f.createdMs = parseTimeMs(str(p, "createdTime"_L1));
    f.lastModifiedRaw = str(p, "lastModifiedTime"_L1);
    f.modifiedMs = parseTimeMs(f.lastModifiedRaw);
    f.triggerType = triggerTypeOf(p);
    f.creatorObjectId = str(obj(p, "creator"_L1), "objectId"_L1);
    f.flowTriggerUri = str(p, "flowTriggerUri"_L1);
    f.suspensionReason = str(p, "flowSuspensionReason"_L1);
    f.templateName = str(p, "templateName"_L1);
    const QJsonObject refs = obj(p, "connectionReferences"_L1);
    for (auto it = refs.begin(); it != refs.end(); ++it) {
        const QJsonObject r = it.value().toObject();
        ConnectionReference ref;
        ref.key = it.key();
        ref.connectionName = str(r, "connectionName"_L1);
        ref.displayName = str(r, "displayName"_L1);
        ref.apiId = str(r, "id"_L1);
        ref.source = str(r, "source"_L1);
        ref.logicalName = str(r, "connectionReferenceLogicalName"_L1);
        f.connectionReferences.append(ref);
    }
    f.definition = obj(p, "definition"_L1);
    f.raw = o;
    return f;
}

FlowRun parseRun(const QJsonObject &o)
{
    const QJsonObject p = obj(o, "properties"_L1);
    FlowRun r;
    r.name = str(o, "name"_L1);
    r.startMs = parseTimeMs(str(p, "startTime"_L1));
    r.endMs = parseTimeMs(str(p, "endTime"_L1));
    r.status = runStatusFromName(str(p, "status"_L1));
    r.code = shared(str(p, "code"_L1));
    const QJsonObject trigger = obj(p, "trigger"_L1);
    r.triggerName = shared(str(trigger, "name"_L1));
    // Logic Apps marks a resubmitted run with the run it came from; bulk resubmits use it to
    // find out whether a resubmit whose answer was lost really happened.
    r.originRun = str(trigger, "originHistoryName"_L1);
    r.correlationId = str(obj(p, "correlation"_L1), "clientTrackingId"_L1);
    return r;
}

RunAction parseRunAction(const QJsonObject &o)
{
    const QJsonObject p = obj(o, "properties"_L1);
    RunAction a;
    a.name = str(o, "name"_L1);
    a.type = str(o, "type"_L1);
    if (a.type.isEmpty() || a.type.contains(u'/'))
        a.type = str(p, "type"_L1);
    a.status = runStatusFromName(str(p, "status"_L1));
    a.code = str(p, "code"_L1);
    a.startMs = parseTimeMs(str(p, "startTime"_L1));
    a.endMs = parseTimeMs(str(p, "endTime"_L1));
    a.errorMessage = str(obj(p, "error"_L1), "message"_L1);
    a.inputsLink = str(obj(p, "inputsLink"_L1), "uri"_L1);
    a.outputsLink = str(obj(p, "outputsLink"_L1), "uri"_L1);
    return a;
}

FlowRunDetails parseRunDetails(const QJsonObject &o)
{
    const QJsonObject p = obj(o, "properties"_L1);
    const QJsonObject trigger = obj(p, "trigger"_L1);
    FlowRunDetails d;
    d.run = parseRun(o);
    d.triggerInputsLink = str(obj(trigger, "inputsLink"_L1), "uri"_L1);
    d.triggerOutputsLink = str(obj(trigger, "outputsLink"_L1), "uri"_L1);
    d.triggerStatus = str(trigger, "status"_L1);
    // $expand=properties/actions gives either an object keyed by name or a list.
    const QJsonValue actions = p.value("actions"_L1);
    if (actions.isObject()) {
        const QJsonObject map = actions.toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            QJsonObject item{{u"name"_s, it.key()}, {u"properties"_s, it.value().toObject()}};
            d.actions.append(parseRunAction(item));
        }
    } else if (actions.isArray()) {
        for (const QJsonValue &v : actions.toArray())
            d.actions.append(parseRunAction(v.toObject()));
    }
    return d;
}

Trigger parseTrigger(const QJsonObject &o)
{
    const QJsonObject p = obj(o, "properties"_L1);
    return Trigger{str(o, "name"_L1), str(p, "type"_L1), str(p, "kind"_L1)};
}

static Principal parsePrincipal(const QJsonObject &p)
{
    Principal principal;
    principal.id = str(p, "id"_L1);
    if (principal.id.isEmpty())
        principal.id = str(p, "objectId"_L1);
    principal.displayName = str(p, "displayName"_L1);
    principal.email = str(p, "email"_L1);
    principal.userPrincipalName = str(p, "userPrincipalName"_L1);
    principal.type = principalTypeFromName(str(p, "type"_L1));
    principal.tenantId = str(p, "tenantId"_L1);
    return principal;
}

FlowOwner parseOwner(const QJsonObject &o)
{
    const QJsonObject p = obj(o, "properties"_L1);
    FlowOwner owner;
    owner.permissionName = str(o, "name"_L1);
    owner.roleName = str(p, "roleName"_L1);
    owner.principal = parsePrincipal(obj(p, "principal"_L1));
    return owner;
}

Principal parseDirectoryObject(const QJsonObject &o, PrincipalType type)
{
    Principal p;
    p.id = str(o, "id"_L1);
    p.displayName = str(o, "displayName"_L1);
    p.email = str(o, "mail"_L1);
    p.userPrincipalName = str(o, "userPrincipalName"_L1);
    p.type = type;
    // Absent when not selected, and on groups: only an explicit false means disabled.
    p.accountEnabled = o.value("accountEnabled"_L1).toBool(true);
    return p;
}

Connector parseConnector(const QJsonObject &o)
{
    const QJsonObject p = obj(o, "properties"_L1);
    Connector c;
    c.name = str(o, "name"_L1);
    c.displayName = str(p, "displayName"_L1);
    c.iconUri = str(p, "iconUri"_L1);
    c.tier = str(p, "tier"_L1);
    c.publisher = str(p, "publisher"_L1);
    c.isCustom = p.value("isCustomApi"_L1).toBool();
    return c;
}

Connection parseConnection(const QJsonObject &o)
{
    const QJsonObject p = obj(o, "properties"_L1);
    Connection c;
    c.name = str(o, "name"_L1);
    c.displayName = str(p, "displayName"_L1);
    c.apiId = str(p, "apiId"_L1);
    if (c.apiId.isEmpty())
        c.apiId = str(obj(p, "apiId"_L1), "id"_L1);
    const QJsonArray statuses = p.value("statuses"_L1).toArray();
    c.status = statuses.isEmpty() ? str(p, "status"_L1) : str(statuses.first().toObject(), "status"_L1);
    if (!statuses.isEmpty()) {
        const QJsonObject error = obj(statuses.first().toObject(), "error"_L1);
        c.errorCode = str(error, "code"_L1);
        c.errorMessage = str(error, "message"_L1);
    }
    c.connectorDisplayName = str(p, "connectorDisplayName"_L1);
    c.createdMs = parseTimeMs(str(p, "createdTime"_L1));
    c.modifiedMs = parseTimeMs(str(p, "lastModifiedTime"_L1));
    return c;
}

Result<Page<Environment>> parseEnvironmentPage(const QByteArray &body)
{
    return parsePage<Environment>(body, parseEnvironment);
}

Result<Page<Flow>> parseFlowPage(const QByteArray &body)
{
    return parsePage<Flow>(body, parseFlow);
}

Result<Page<FlowRun>> parseRunPage(const QByteArray &body)
{
    return parsePage<FlowRun>(body, parseRun);
}

Result<Page<RunAction>> parseRunActionPage(const QByteArray &body)
{
    return parsePage<RunAction>(body, parseRunAction);
}

Result<Page<Trigger>> parseTriggerPage(const QByteArray &body)
{
    return parsePage<Trigger>(body, parseTrigger);
}

Result<Page<FlowOwner>> parseOwnerPage(const QByteArray &body)
{
    return parsePage<FlowOwner>(body, parseOwner);
}

Result<Page<Principal>> parseDirectoryPage(const QByteArray &body, PrincipalType type)
{
    return parsePage<Principal>(body, [type](const QJsonObject &o) { return parseDirectoryObject(o, type); });
}

Result<Page<Connector>> parseConnectorPage(const QByteArray &body)
{
    return parsePage<Connector>(body, parseConnector);
}

Result<Page<Connection>> parseConnectionPage(const QByteArray &body)
{
    return parsePage<Connection>(body, parseConnection);
}

Result<QString> parseCallbackUrl(const QByteArray &body)
{
    auto root = parseObject(body);
    if (!root)
        return root.error();
    QString url = root->value("response"_L1).toObject().value("value"_L1).toString();
    if (url.isEmpty())
        url = root->value("value"_L1).toString();
    if (url.isEmpty())
        return parseError(tr("The answer holds no callback URL."));
    return url;
}

void parseErrorBody(const QByteArray &body, QString *code, QString *message)
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonObject error = root.value("error"_L1).toObject();
    if (!error.isEmpty()) {
        *code = error.value("code"_L1).toString();
        *message = error.value("message"_L1).toString();
        return;
    }
    // OAuth 2.0 errors: {"error":"invalid_grant","error_description":"..."}
    if (root.value("error"_L1).isString()) {
        *code = root.value("error"_L1).toString();
        *message = root.value("error_description"_L1).toString();
    }
}

} // namespace fc::json
