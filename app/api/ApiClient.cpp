#include "ApiClient.h"

#include "FastRunParser.h"
#include "JsonParsers.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

namespace fc {

namespace {

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString quoteOData(QString value)
{
    return u'\'' + value.replace(u"'"_s, u"''"_s) + u'\'';
}

Result<Done> parseNothing(const QByteArray &)
{
    return Done{};
}

template <typename T>
Result<T> fromObject(const QByteArray &body, T (*parse)(const QJsonObject &))
{
    auto root = json::parseObject(body);
    if (!root)
        return root.error();
    return parse(root.value());
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
} // namespace

QString RunQuery::filterText() const
{
    QStringList parts;
    if (status)
        parts << u"status eq "_s + quoteOData(runStatusName(*status));
    if (startFromMs > 0)
        parts << u"startTime ge "_s + isoTime(startFromMs);
    if (startToMs > 0)
        parts << u"startTime lt "_s + isoTime(startToMs);
    return parts.join(" and "_L1);
}

ApiClient::ApiClient(QObject *parent) : QObject(parent), m_transport(new HttpTransport(this)) {}

ApiClient::ApiClient(ApiClient *root, Scope scope)
    : QObject(root)
    , m_profile(root->m_profile)
    , m_transport(root->m_transport)
    , m_root(root)
    , m_scope(scope)
{}

void ApiClient::cancel(CallId id)
{
    // Being parsed: the worker's answer will be dropped (and Cancelled reported instead).
    if (m_root->m_parsing.remove(id))
        return;
    m_transport->cancel(id);
}

ApiClient *ApiClient::adminScope()
{
    if (m_scope == Scope::Admin)
        return this;
    if (!m_admin)
        m_admin = new ApiClient(this, Scope::Admin);
    return m_admin;
}

void ApiClient::setProfile(const Profile &profile)
{
    if (m_root != this) {
        m_root->setProfile(profile);
        return;
    }
    m_profile = profile;
    m_transport->setAllowedOrigins(profile.apiOrigins());
    m_triggerCache.clear();
    if (m_admin) {
        m_admin->m_profile = profile;
        m_admin->m_triggerCache.clear();
    }
    // Another account (or the same one signed in again) may hold another role: ask again.
    if (m_adminAccess != AdminAccess::Unknown) {
        m_adminAccess = AdminAccess::Unknown;
        emit adminAccessChanged(m_adminAccess);
    }
}

// A 403 in the admin scope is the service saying the account holds no admin role: remember it,
// so that nothing more is sent there this session. Any answer that is not a 403 grants it.
void ApiClient::noteAdminAnswer(const ApiError &error)
{
    ApiClient *root = m_root;
    AdminAccess verdict = root->m_adminAccess;
    if (error.kind == ApiError::Kind::Http && error.httpStatus == 403)
        verdict = AdminAccess::Denied;
    else if (!error.isError() || error.kind == ApiError::Kind::Http)
        verdict = verdict == AdminAccess::Denied ? verdict : AdminAccess::Granted;
    if (verdict != root->m_adminAccess) {
        root->m_adminAccess = verdict;
        emit root->adminAccessChanged(verdict);
    }
}

template <typename T>
ApiClient::CallId ApiClient::call(const Call &c, Parser<T> parse, QObject *context, Callback<T> callback,
                                  const SendGate &gate)
{
    const QString operation = operationName(c.op);
    const auto fail = [&](ApiError::Kind kind, const QString &message) {
        // Answered from the event loop, like every other result.
        QTimer::singleShot(0, context ? context : this,
                           [callback, error = ApiError::make(kind, message, operation)] { callback(error); });
        return CallId{0};
    };

    const auto route = RouteTable::route(c.op, m_profile.dialect, m_scope);
    if (!route)
        return fail(
            ApiError::Kind::Unsupported,
            m_scope == Scope::Admin
                ? tr("The %1 dialect has no administrator form of %2.")
                      .arg(dialectName(m_profile.dialect), operation)
                : tr("The %1 dialect has no %2 call.").arg(dialectName(m_profile.dialect), operation));
    const bool adminCall = m_scope == Scope::Admin && route->pathTemplate.contains("/scopes/admin/"_L1);
    if (adminCall && adminAccess() == AdminAccess::Denied)
        return fail(ApiError::Kind::Refused,
                    tr("Not sent: the service said this account is not an administrator (403) earlier in "
                       "this session."));

    HttpRequest request;
    request.method = route->method;
    request.host = route->host;
    request.body = c.body;
    request.idempotent = route->idempotent;
    request.operation = operation;
    request.beforeSend = gate;

    const QUrl base = m_profile.baseFor(route->host);
    if (!c.nextLink.isEmpty()) {
        // A nextLink is opaque, but it carries our token: only on the origin we asked.
        const QUrl next(c.nextLink);
        if (!next.isValid() || !sameOrigin(next, base))
            return fail(
                ApiError::Kind::Refused,
                tr("The next page link points to %1, not to %2; it was not followed and no token was sent.")
                    .arg(next.host(), base.host()));
        request.url = next;
    } else {
        const auto path = RouteTable::expandPath(route->pathTemplate, c.params);
        if (!path)
            return fail(ApiError::Kind::Unsupported, tr("A name needed for %1 is empty.").arg(operation));
        QUrl url = base;
        QString basePath = url.path();
        while (basePath.endsWith(u'/'))
            basePath.chop(1);
        url.setPath(basePath + *path, QUrl::StrictMode);
        QUrlQuery query = RouteTable::baseQuery(*route, c.params);
        for (const auto &[key, value] : c.query.queryItems(QUrl::FullyEncoded))
            query.addQueryItem(key, value);
        url.setQuery(query);
        request.url = url;
    }

    QPointer<ApiClient> self(adminCall ? this : nullptr);
    QPointer<ApiClient> root(m_root);
    QObject *receiver = context ? context : this;
    auto callId = std::make_shared<CallId>(0);
    const bool offThread = c.parseOffThread;
    *callId = m_transport->send(
        request, context,
        [parse, callback, operation, self, root, receiver, callId, offThread](const HttpResponse &response) {
            if (self)
                self->noteAdminAnswer(response.error);
            if (response.error.isError()) {
                callback(response.error);
                return;
            }
            const auto deliver = [callback, operation](Result<T> result) {
                if (!result.ok()) {
                    ApiError error = result.error();
                    error.operation = operation;
                    callback(error);
                    return;
                }
                callback(std::move(result));
            };
            if (!offThread || !root) {
                deliver(parse(response.body));
                return;
            }
            // A page of a few hundred runs takes milliseconds to parse: not on the GUI thread.
            // The continuation runs in the receiver's thread, and is dropped if it is gone.
            root->m_parsing.insert(*callId);
            QtConcurrent::run([parse, body = response.body] {
                return std::make_shared<Result<T>>(parse(body));
            }).then(receiver, [deliver, root, callId, operation](std::shared_ptr<Result<T>> result) {
                if (!root || !root->m_parsing.remove(*callId)) {
                    deliver(ApiError::make(
                        ApiError::Kind::Cancelled,
                        QCoreApplication::translate("fc::ApiClient", "The request was cancelled."),
                        operation));
                    return;
                }
                deliver(std::move(*result));
            });
        });
    return *callId;
}

static QUrlQuery encodedQuery(std::initializer_list<std::pair<QString, QString>> items)
{
    QUrlQuery query;
    for (const auto &[key, value] : items) {
        if (!value.isEmpty())
            query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    return query;
}

ApiClient::CallId ApiClient::listEnvironments(QObject *context, Callback<Page<Environment>> callback,
                                              const QString &nextLink)
{
    return call<Page<Environment>>({Operation::ListEnvironments, {}, {}, {}, nextLink},
                                   json::parseEnvironmentPage, context, std::move(callback));
}

ApiClient::CallId ApiClient::getEnvironment(const QString &env, QObject *context,
                                            Callback<Environment> callback)
{
    return call<Environment>(
        {Operation::GetEnvironment, {{u"env"_s, env}}, {}, {}, {}},
        [](const QByteArray &b) { return fromObject(b, json::parseEnvironment); }, context,
        std::move(callback));
}

ApiClient::CallId ApiClient::listFlows(const QString &env, QObject *context, Callback<Page<Flow>> callback,
                                       const QString &nextLink, bool asAdmin)
{
    ApiClient *client = asAdmin ? adminScope() : this;
    return client->call<Page<Flow>>({Operation::ListFlows, {{u"env"_s, env}}, {}, {}, nextLink},
                                    json::parseFlowPage, context, std::move(callback));
}

ApiClient::CallId ApiClient::listAllFlows(const QString &env, bool withDeleted, QObject *context,
                                          Callback<Page<Flow>> callback, const QString &nextLink, int top)
{
    const QUrlQuery extra = encodedQuery({{u"include"_s, withDeleted ? u"softDeletedFlows"_s : QString()},
                                          {u"$top"_s, top > 0 ? QString::number(top) : QString()}});
    return adminScope()->call<Page<Flow>>({Operation::ListFlows, {{u"env"_s, env}}, extra, {}, nextLink},
                                          json::parseFlowPage, context, std::move(callback));
}

ApiClient::CallId ApiClient::restoreFlow(const QString &env, const QString &flow, QObject *context,
                                         Callback<Done> callback, const SendGate &gate)
{
    return adminScope()->call<Done>(
        {Operation::RestoreFlow, {{u"env"_s, env}, {u"flow"_s, flow}}, {}, {}, {}}, parseNothing, context,
        std::move(callback), gate);
}

ApiClient::CallId ApiClient::getFlow(const QString &env, const QString &flow, QObject *context,
                                     Callback<Flow> callback)
{
    return call<Flow>(
        {Operation::GetFlow, {{u"env"_s, env}, {u"flow"_s, flow}}, {}, {}, {}},
        [](const QByteArray &b) { return fromObject(b, json::parseFlow); }, context, std::move(callback));
}

ApiClient::CallId ApiClient::createFlow(const QString &env, const QJsonObject &properties, QObject *context,
                                        Callback<Flow> callback)
{
    return call<Flow>(
        {Operation::CreateFlow, {{u"env"_s, env}}, {}, toJson({{u"properties"_s, properties}}), {}},
        [](const QByteArray &b) { return fromObject(b, json::parseFlow); }, context, std::move(callback));
}

ApiClient::CallId ApiClient::updateFlow(const QString &env, const QString &flow,
                                        const QJsonObject &properties, QObject *context,
                                        Callback<Flow> callback)
{
    return call<Flow>(
        {Operation::UpdateFlow,
         {{u"env"_s, env}, {u"flow"_s, flow}},
         {},
         toJson({{u"properties"_s, properties}}),
         {}},
        [](const QByteArray &b) { return fromObject(b, json::parseFlow); }, context, std::move(callback));
}

ApiClient::CallId ApiClient::deleteFlow(const QString &env, const QString &flow, QObject *context,
                                        Callback<Done> callback, const SendGate &gate)
{
    return call<Done>({Operation::DeleteFlow, {{u"env"_s, env}, {u"flow"_s, flow}}, {}, {}, {}}, parseNothing,
                      context, std::move(callback), gate);
}

ApiClient::CallId ApiClient::turnOnFlow(const QString &env, const QString &flow, QObject *context,
                                        Callback<Done> callback, const SendGate &gate)
{
    return call<Done>({Operation::TurnOnFlow, {{u"env"_s, env}, {u"flow"_s, flow}}, {}, {}, {}}, parseNothing,
                      context, std::move(callback), gate);
}

ApiClient::CallId ApiClient::turnOffFlow(const QString &env, const QString &flow, QObject *context,
                                         Callback<Done> callback, const SendGate &gate)
{
    return call<Done>({Operation::TurnOffFlow, {{u"env"_s, env}, {u"flow"_s, flow}}, {}, {}, {}},
                      parseNothing, context, std::move(callback), gate);
}

ApiClient::CallId ApiClient::listCallbackUrl(const QString &env, const QString &flow, QObject *context,
                                             Callback<QString> callback)
{
    return call<QString>({Operation::ListCallbackUrl, {{u"env"_s, env}, {u"flow"_s, flow}}, {}, {}, {}},
                         json::parseCallbackUrl, context, std::move(callback));
}

ApiClient::CallId ApiClient::listTriggers(const QString &env, const QString &flow, QObject *context,
                                          Callback<Page<Trigger>> callback)
{
    return call<Page<Trigger>>({Operation::ListTriggers, {{u"env"_s, env}, {u"flow"_s, flow}}, {}, {}, {}},
                               json::parseTriggerPage, context, std::move(callback));
}

ApiClient::CallId ApiClient::listRuns(const QString &env, const QString &flow, const RunQuery &query,
                                      QObject *context, Callback<Page<FlowRun>> callback,
                                      const QString &nextLink)
{
    const QUrlQuery extra =
        encodedQuery({{u"$filter"_s, query.filterText()},
                      {u"$top"_s, query.top > 0 ? QString::number(query.top) : QString()}});
    Call c{Operation::ListFlowRuns, {{u"env"_s, env}, {u"flow"_s, flow}}, extra, {}, nextLink};
    c.parseOffThread = true;
    return call<Page<FlowRun>>(c, json::parseRunPageFast, context, std::move(callback));
}

ApiClient::CallId ApiClient::getRun(const QString &env, const QString &flow, const QString &run,
                                    bool withActions, QObject *context, Callback<FlowRunDetails> callback)
{
    const QUrlQuery extra = encodedQuery({{u"$expand"_s, withActions ? u"properties/actions"_s : QString()}});
    return call<FlowRunDetails>(
        {Operation::GetFlowRun, {{u"env"_s, env}, {u"flow"_s, flow}, {u"run"_s, run}}, extra, {}, {}},
        [](const QByteArray &b) { return fromObject(b, json::parseRunDetails); }, context,
        std::move(callback));
}

ApiClient::CallId ApiClient::listRunActions(const QString &env, const QString &flow, const QString &run,
                                            QObject *context, Callback<Page<RunAction>> callback)
{
    return call<Page<RunAction>>(
        {Operation::ListRunActions, {{u"env"_s, env}, {u"flow"_s, flow}, {u"run"_s, run}}, {}, {}, {}},
        json::parseRunActionPage, context, std::move(callback));
}

ApiClient::CallId ApiClient::cancelRun(const QString &env, const QString &flow, const QString &run,
                                       QObject *context, Callback<Done> callback, const SendGate &gate)
{
    return call<Done>(
        {Operation::CancelFlowRun, {{u"env"_s, env}, {u"flow"_s, flow}, {u"run"_s, run}}, {}, {}, {}},
        parseNothing, context, std::move(callback), gate);
}

void ApiClient::resolveTrigger(const QString &env, const QString &flow, QObject *context,
                               Callback<QString> callback)
{
    const QString key = env + u'/' + flow;
    if (const auto it = m_triggerCache.constFind(key); it != m_triggerCache.cend()) {
        QTimer::singleShot(0, context ? context : this, [callback, name = *it] { callback(name); });
        return;
    }
    const auto remember = [this, key, callback](const QString &name) {
        if (name.isEmpty()) {
            callback(ApiError::make(ApiError::Kind::Parse, tr("The flow has no trigger to resubmit."),
                                    u"resolveTrigger"_s));
            return;
        }
        m_triggerCache.insert(key, name);
        callback(name);
    };
    if (m_profile.dialect == Dialect::Live) {
        listTriggers(env, flow, context, [remember, callback](Result<Page<Trigger>> triggers) {
            if (!triggers)
                return callback(triggers.error());
            remember(triggers->items.isEmpty() ? QString() : triggers->items.first().name);
        });
        return;
    }
    // The spec has no triggers call: the trigger is the first key of the definition's triggers.
    getFlow(env, flow, context, [remember, callback](Result<Flow> f) {
        if (!f)
            return callback(f.error());
        const QJsonObject triggers = f->definition.value("triggers"_L1).toObject();
        remember(triggers.isEmpty() ? QString() : triggers.begin().key());
    });
}

void ApiClient::resubmitRun(const QString &env, const QString &flow, const QString &run,
                            const QString &triggerName, QObject *context, Callback<Done> callback,
                            const SendGate &gate)
{
    const auto send = [this, env, flow, run, context, callback, gate](const QString &trigger) {
        const QUrlQuery extra =
            m_profile.dialect == Dialect::Spec ? encodedQuery({{u"triggerName"_s, trigger}}) : QUrlQuery();
        call<Done>({Operation::ResubmitFlowRun,
                    {{u"env"_s, env}, {u"flow"_s, flow}, {u"run"_s, run}, {u"trigger"_s, trigger}},
                    extra,
                    {},
                    {}},
                   parseNothing, context, callback, gate);
    };
    if (!triggerName.isEmpty()) {
        send(triggerName);
        return;
    }
    resolveTrigger(env, flow, context, [send, callback](Result<QString> trigger) {
        if (!trigger)
            return callback(trigger.error());
        send(trigger.value());
    });
}

ApiClient::CallId ApiClient::fetchContent(const QUrl &link, QObject *context, Callback<QByteArray> callback,
                                          qint64 maxBytes)
{
    HttpRequest request;
    request.method = "GET";
    request.url = link;
    request.anonymous = true;
    request.authenticated = false;
    request.idempotent = true;
    request.maxResponseBytes = maxBytes;
    request.timeoutMs = kContentTimeoutMs;
    request.operation = u"fetchContent"_s;
    return m_transport->send(request, context, [callback](const HttpResponse &response) {
        if (response.error.isError())
            return callback(response.error);
        callback(response.body);
    });
}

ApiClient::CallId ApiClient::invokeCallback(const QUrl &callbackUrl, const QByteArray &body, QObject *context,
                                            Callback<QString> callback)
{
    HttpRequest request;
    request.method = "POST";
    request.url = callbackUrl;
    request.body = body;
    request.anonymous = true;
    request.authenticated = false;
    request.idempotent = false;
    request.operation = u"invokeTrigger"_s;
    return m_transport->send(request, context, [callback](const HttpResponse &response) {
        if (response.error.isError())
            return callback(response.error);
        for (const auto &[name, value] : response.headers) {
            if (name.compare("x-ms-workflow-run-id", Qt::CaseInsensitive) == 0)
                return callback(QString::fromLatin1(value));
        }
        callback(QString());
    });
}

ApiClient::CallId ApiClient::listOwners(const QString &env, const QString &flow, QObject *context,
                                        Callback<Page<FlowOwner>> callback)
{
    return call<Page<FlowOwner>>(
        {Operation::ListFlowOwners, {{u"env"_s, env}, {u"flow"_s, flow}}, {}, {}, {}}, json::parseOwnerPage,
        context, std::move(callback));
}

ApiClient::CallId ApiClient::modifyOwners(const QString &env, const QString &flow,
                                          const OwnerChanges &changes, QObject *context,
                                          Callback<Done> callback, const SendGate &gate)
{
    QJsonObject body;
    if (m_profile.dialect == Dialect::Spec) {
        const auto list = [](const QList<Principal> &principals) {
            QJsonArray array;
            for (const Principal &p : principals)
                array.append(QJsonObject{{u"id"_s, p.id}, {u"type"_s, principalTypeName(p.type)}});
            return array;
        };
        if (!changes.add.isEmpty())
            body.insert(u"add"_s, list(changes.add));
        if (!changes.remove.isEmpty())
            body.insert(u"remove"_s, list(changes.remove));
    } else {
        QJsonArray put, del;
        for (const Principal &p : changes.add) {
            put.append(QJsonObject{
                {u"properties"_s,
                 QJsonObject{
                     {u"principal"_s, QJsonObject{{u"id"_s, p.id}, {u"type"_s, principalTypeName(p.type)}}},
                     {u"roleName"_s, changes.roleName}}}});
        }
        for (const Principal &p : changes.remove)
            del.append(QJsonObject{{u"id"_s, p.id}});
        if (!put.isEmpty())
            body.insert(u"put"_s, put);
        if (!del.isEmpty())
            body.insert(u"delete"_s, del);
    }
    return call<Done>(
        {Operation::ModifyFlowOwners, {{u"env"_s, env}, {u"flow"_s, flow}}, {}, toJson(body), {}},
        parseNothing, context, std::move(callback), gate);
}

ApiClient::CallId ApiClient::listConnectors(const QString &env, QObject *context,
                                            Callback<Page<Connector>> callback, const QString &nextLink)
{
    return call<Page<Connector>>({Operation::ListConnectors, {{u"env"_s, env}}, {}, {}, nextLink},
                                 json::parseConnectorPage, context, std::move(callback));
}

ApiClient::CallId ApiClient::getConnector(const QString &env, const QString &api, QObject *context,
                                          Callback<Connector> callback)
{
    return call<Connector>(
        {Operation::GetConnector, {{u"env"_s, env}, {u"api"_s, api}}, {}, {}, {}},
        [](const QByteArray &b) { return fromObject(b, json::parseConnector); }, context,
        std::move(callback));
}

ApiClient::CallId ApiClient::listConnections(const QString &env, QObject *context,
                                             Callback<Page<Connection>> callback, const QString &nextLink)
{
    return call<Page<Connection>>({Operation::ListConnections, {{u"env"_s, env}}, {}, {}, nextLink},
                                  json::parseConnectionPage, context, std::move(callback));
}

static QUrlQuery directoryQuery(const QString &prefix, int top)
{
    return encodedQuery({{u"$filter"_s, u"startswith(displayName,"_s + quoteOData(prefix) + u')'},
                         {u"$top"_s, top > 0 ? QString::number(top) : QString()}});
}

ApiClient::CallId ApiClient::searchUsers(const QString &prefix, int top, QObject *context,
                                         Callback<Page<Principal>> callback)
{
    return call<Page<Principal>>(
        {Operation::SearchUsers, {}, directoryQuery(prefix, top), {}, {}},
        [](const QByteArray &b) { return json::parseDirectoryPage(b, PrincipalType::User); }, context,
        std::move(callback));
}

ApiClient::CallId ApiClient::searchGroups(const QString &prefix, int top, QObject *context,
                                          Callback<Page<Principal>> callback)
{
    return call<Page<Principal>>(
        {Operation::SearchGroups, {}, directoryQuery(prefix, top), {}, {}},
        [](const QByteArray &b) { return json::parseDirectoryPage(b, PrincipalType::Group); }, context,
        std::move(callback));
}

ApiClient::CallId ApiClient::getUser(const QString &objectId, QObject *context, Callback<Principal> callback)
{
    return call<Principal>(
        {Operation::GetUser, {{u"id"_s, objectId}}, {}, {}, {}},
        [](const QByteArray &b) -> Result<Principal> {
            auto root = json::parseObject(b);
            if (!root)
                return root.error();
            return json::parseDirectoryObject(root.value(), PrincipalType::User);
        },
        context, std::move(callback));
}

ApiClient::CallId ApiClient::lookupPrincipals(PrincipalType type, const QStringList &ids, QObject *context,
                                              Callback<Page<Principal>> callback)
{
    QStringList quoted;
    for (const QString &id : ids.mid(0, kLookupBatch))
        quoted << quoteOData(id);
    const bool users = type != PrincipalType::Group;
    const QString select =
        users ? u"id,displayName,mail,userPrincipalName,accountEnabled"_s : u"id,displayName,mail"_s;
    const QUrlQuery query = encodedQuery({{u"$filter"_s, u"id in ("_s + quoted.join(u',') + u')'},
                                          {u"$select"_s, select},
                                          {u"$top"_s, QString::number(kLookupBatch)}});
    const PrincipalType parsedAs = users ? PrincipalType::User : PrincipalType::Group;
    return call<Page<Principal>>(
        {users ? Operation::LookupUsers : Operation::LookupGroups, {}, query, {}, {}},
        [parsedAs](const QByteArray &b) { return json::parseDirectoryPage(b, parsedAs); }, context,
        std::move(callback));
}

} // namespace fc
