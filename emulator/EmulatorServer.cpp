#include "EmulatorServer.h"

#include "ApiContext.h"
#include "CatalogApi.h"
#include "ConnectionGuard.h"
#include "Directory.h"
#include "FlowApi.h"
#include "GraphApi.h"
#include "Identity.h"
#include "IdentityEndpoints.h"
#include "OwnerApi.h"
#include "PackageApi.h"
#include "Router.h"
#include "RunApi.h"
#include "RunLedger.h"
#include "Seeder.h"
#include "Store.h"
#include "StrictJson.h"
#include "Util.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

namespace {
constexpr int kCacheEntries = 512;
constexpr qint64 kCacheBytes = 32 * 1024 * 1024;

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    default:
        return "UNKNOWN";
    }
}

QJsonObject faultsJson(const Faults &f)
{
    return QJsonObject{{u"latencyMs"_s, f.latencyMs},         {u"serverErrorRate"_s, f.serverErrorRate},
                       {u"throttleBurst"_s, f.throttleBurst}, {u"throttleRate"_s, f.throttleRate},
                       {u"dropRate"_s, f.dropRate},           {u"malformedRate"_s, f.malformedRate},
                       {u"truncateRate"_s, f.truncateRate},   {u"stall"_s, f.stall},
                       {u"noAnswerCache"_s, f.noAnswerCache}, {u"stallIdentity"_s, f.stallIdentity}};
}

qint64 g_monotonicNs()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.nsecsElapsed();
}
} // namespace

EmulatorServer::EmulatorServer(EmulatorOptions options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_options(std::move(options))
{
    m_throttle.setRatePerMinute(m_options.ratePerMinute);
}

quint16 EmulatorServer::listenGuarded(const QHostAddress &address, quint16 port)
{
    ConnectionLimits limits;
    limits.maxBodyBytes = m_options.maxBodyBytes;
    limits.maxHeaderBytes = m_options.maxHeaderBytes;
    limits.maxHeaderCount = m_options.maxHeaderCount;
    limits.idleTimeoutMs = m_options.idleTimeoutMs;
    limits.requestTimeoutMs = m_options.requestTimeoutMs;
    limits.maxBufferedBytes = m_options.maxBufferedBytes;
    auto *server = new GuardedTcpServer(limits, m_options.maxConnections, this);
    // Qt's default backlog of 50 drops connections that arrive in a burst (the client's SYN
    // is then retried a second later) long before the connection cap is reached.
    server->setListenBacklogSize(std::max(50, m_options.maxConnections));
    if (!server->listen(address, port)) {
        qWarning("emulator: cannot listen: %s", qPrintable(server->errorString()));
        delete server;
        return 0;
    }
    bind(server);
    m_tcpServer = server;
    return server->serverPort();
}

int EmulatorServer::openConnectionCount() const
{
    return m_tcpServer ? m_tcpServer->openConnections() : 0;
}

EmulatorServer::~EmulatorServer()
{
    // Handlers refer to the context and the store: they go first, the store last.
    m_router.reset();
    m_graph.reset();
    m_catalog.reset();
    m_owners.reset();
    m_runApi.reset();
    m_flows.reset();
    m_identityEndpoints.reset();
    m_context.reset();
    m_runs.reset();
    m_identity.reset();
    m_directory.reset();
    m_store.reset();
}

bool EmulatorServer::initialize(const QUrl &baseUrl, QString *error)
{
    m_baseUrl = baseUrl;
    if (!Seeder::isValidSpec(m_options.seed)) {
        *error = tr("--seed takes demo, empty or large:N, not '%1'.").arg(m_options.seed);
        return false;
    }
    m_store = std::make_unique<Store>(m_options.dataFile, m_options.statementCacheSize);
    if (!m_store->open(error))
        return false;
    // Made on a worker thread meanwhile; the first token waits for it.
    auto signingKeys = std::make_unique<SigningKeySource>(*m_store, !m_options.dataFile.isEmpty());
    m_directory = std::make_unique<Directory>();
    m_runs = std::make_unique<RunLedger>(*m_store);
    m_context = std::make_unique<ApiContext>(*m_store, *m_directory, *m_runs, m_options, m_baseUrl);
    if (!m_store->isSeeded()) {
        Seeder seeder(*m_context);
        if (!seeder.seed(m_options.seed, error))
            return false;
    }
    m_directory->load(*m_store);
    m_identity =
        std::make_unique<Identity>(*m_directory, std::move(signingKeys), Seeder::tenantId(),
                                   QString(m_baseUrl.toString() + u'/' + Seeder::tenantId() + u"/v2.0"_s));
    m_identity->setTokenLifetime(m_options.tokenLifetimeSeconds);
    m_identity->setDeviceCodeTiming(m_options.deviceCodeIntervalSeconds, m_options.deviceCodeLifetimeSeconds);
    m_identity->setMaxPendingDeviceCodesPerClient(m_options.maxDeviceCodesPerClient);
    if (m_options.housekeepingIntervalMs > 0) {
        m_housekeeping = new QTimer(this);
        connect(m_housekeeping, &QTimer::timeout, this, [this] { m_identity->purgeExpired(nowMs()); });
        m_housekeeping->start(m_options.housekeepingIntervalMs);
    }

    m_router = std::make_unique<Router>();
    m_identityEndpoints =
        std::make_unique<IdentityEndpoints>(*m_identity, *m_directory, Seeder::tenantId(), m_baseUrl);
    m_identityEndpoints->registerRoutes(*m_router);
    m_catalog = std::make_unique<CatalogApi>(*m_context);
    m_catalog->registerRoutes(*m_router);
    m_flows = std::make_unique<FlowApi>(*m_context);
    m_flows->registerRoutes(*m_router);
    m_runApi = std::make_unique<RunApi>(*m_context);
    m_runApi->registerRoutes(*m_router);
    m_packages = std::make_unique<PackageApi>(*m_context);
    m_packages->registerRoutes(*m_router);
    m_owners = std::make_unique<OwnerApi>(*m_context);
    m_owners->registerRoutes(*m_router);
    m_graph = std::make_unique<GraphApi>(*m_directory, m_baseUrl);
    m_graph->registerRoutes(*m_router);
    m_router->add("GET", u"_emulator/faults"_s, Area::Control, [this](Request &r) { return control(r); });
    m_router->add("POST", u"_emulator/faults"_s, Area::Control, [this](Request &r) { return control(r); });
    m_router->add("DELETE", u"_emulator/faults"_s, Area::Control, [this](Request &r) { return control(r); });
    return true;
}

void EmulatorServer::setTokenLifetime(int seconds)
{
    if (m_identity)
        m_identity->setTokenLifetime(seconds);
}

void EmulatorServer::dataChanged()
{
    m_store->touch();
}

bool EmulatorServer::roll(double rate)
{
    if (rate <= 0)
        return false;
    if (rate >= 1)
        return true;
    return double(m_random() % 1000000) / 1000000.0 < rate;
}

bool EmulatorServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const qint64 started = g_monotonicNs();
    Request req;
    req.method = methodName(request.method());
    const QUrl url = request.url();
    req.rawPath = url.path(QUrl::FullyEncoded).toUtf8();
    req.segments = Router::splitPath(req.rawPath);
    req.rawQuery = url.query(QUrl::FullyEncoded).toUtf8();
    req.query = Request::parseForm(req.rawQuery);
    req.headers = request.headers();
    req.body = request.body();
    const bool keepAlive = req.header("Connection").compare("close", Qt::CaseInsensitive) != 0;

    if (!m_router) {
        send(socket, Response::error(503, u"ServiceUnavailable"_s, u"The emulator is starting."_s), keepAlive,
             false, false);
        return true;
    }
    const Router::Match match = m_router->match(req.method, req.segments);
    Response response;
    bool stall = false, drop = false;
    bool garble = false, truncate = false;
    if (match.kind == Router::Match::NotFound ||
        (match.kind == Router::Match::Found && match.route->area == Area::Control && !m_options.control)) {
        response =
            Response::error(404, u"NotFound"_s,
                            QString(u"No resource matches '"_s + QString::fromUtf8(req.rawPath) + u"'."_s));
    } else if (match.kind == Router::Match::MethodNotAllowed) {
        response = Response::error(405, u"MethodNotAllowed"_s,
                                   QString(u"The method '"_s + QString::fromLatin1(req.method) +
                                           u"' is not allowed on this resource; allowed: "_s +
                                           QString::fromLatin1(match.allowed.join(", ")) + u'.'));
        response.withHeader("Allow", match.allowed.join(", "));
    } else {
        req.params = match.params;
        const Area area = match.route->area;
        if (area == Area::Management || area == Area::Graph || area == Area::Callback) {
            if (auto fault = injectFault(req, &stall, &drop))
                response = *fault;
            else
                response = dispatch(req, *match.route, &stall, &drop);
            garble = !stall && !drop && roll(m_faults.malformedRate);
            truncate = !stall && !drop && !garble && roll(m_faults.truncateRate);
        } else if (area == Area::Identity && m_faults.stallIdentity) {
            stall = true; // a token endpoint that hangs: the client's own timeout is under test
        } else {
            response = dispatch(req, *match.route, &stall, &drop);
        }
    }
    if (stall) {
        log(req.method, req.rawPath, 0, started);
        return true; // never answer: the client's timeout is what is under test
    }
    if (drop) {
        log(req.method, req.rawPath, -1, started);
        socket->abort();
        return true;
    }
    static QAtomicInteger<quint64> requestCounter;
    response.withHeader("x-ms-request-id", stableGuid(QString::number(++requestCounter)).toLatin1());
    const int latency = m_options.latencyMs + m_faults.latencyMs;
    if (latency > 0 && (match.kind != Router::Match::Found || match.route->area != Area::Control)) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(latency, this,
                           [this, guard, response, keepAlive, truncate, garble, method = req.method,
                            path = req.rawPath, started] {
                               if (!guard)
                                   return;
                               send(guard, response, keepAlive, truncate, garble);
                               log(method, path, response.status, started);
                           });
        return true;
    }
    send(socket, response, keepAlive, truncate, garble);
    log(req.method, req.rawPath, response.status, started);
    return true;
}

std::optional<Response> EmulatorServer::injectFault(const Request &, bool *stall, bool *drop)
{
    if (m_faults.stall) {
        *stall = true;
        return Response::empty(0);
    }
    if (roll(m_faults.dropRate)) {
        *drop = true;
        return Response::empty(0);
    }
    if (m_faults.throttleBurst > 0 || roll(m_faults.throttleRate)) {
        if (m_faults.throttleBurst > 0)
            --m_faults.throttleBurst;
        return Response::error(429, u"TooManyRequests"_s,
                               u"Rate limit is exceeded. Try again in 1 seconds."_s)
            .withHeader("Retry-After", "1");
    }
    if (roll(m_faults.serverErrorRate)) {
        const bool unavailable = m_random() % 2 == 0;
        return Response::error(unavailable ? 503 : 500,
                               unavailable ? u"ServiceUnavailable"_s : u"InternalServerError"_s,
                               u"The service is temporarily unavailable (injected fault)."_s);
    }
    return std::nullopt;
}

Api EmulatorServer::apiOf(const Route &route)
{
    if (route.area == Area::Graph)
        return Api::Graph;
    // providers/Microsoft.PowerApps/… is the PowerApps host's, and the Power Platform (BAP) host
    // takes the same tokens; everything else is the flow API's.
    if (route.pattern.size() > 1 &&
        (route.pattern.at(1).compare("Microsoft.PowerApps"_L1, Qt::CaseInsensitive) == 0 ||
         route.pattern.at(1).compare("Microsoft.BusinessAppPlatform"_L1, Qt::CaseInsensitive) == 0))
        return Api::PowerApps;
    return Api::Flow;
}

std::optional<Response> EmulatorServer::authenticate(Request &req, Api api)
{
    if (m_options.noAuth) {
        req.caller = m_directory->caller(m_directory->users().constFirst());
        return std::nullopt;
    }
    const TokenCheck check = m_identity->verify(req.header("Authorization"), api);
    if (check.kind == TokenCheck::Valid) {
        req.caller = m_directory->caller(*m_directory->userById(check.userId));
        return std::nullopt;
    }
    QByteArray challenge = "Bearer authorization_uri=\"" + m_baseUrl.toEncoded() + '/' +
                           Seeder::tenantId().toLatin1() +
                           "/oauth2/v2.0/authorize\", error=\"invalid_token\"";
    if (check.kind == TokenCheck::WrongAudience) {
        // The live services' wording (ARM and the Power Platform APIs alike).
        const QStringList allowed = Identity::audiencesFor(api);
        challenge += ", error_description=\"The access token is from the wrong audience or resource.\"";
        return Response::error(
                   401, u"InvalidAuthenticationTokenAudience"_s,
                   QString(u"The access token has been obtained for wrong audience or resource '"_s +
                           check.audience +
                           u"'. It should exactly match with one of the allowed audiences '"_s +
                           allowed.join(u"','"_s) + u"'."_s))
            .withHeader("WWW-Authenticate", challenge);
    }
    const bool expired = check.kind == TokenCheck::Expired;
    QString message;
    switch (check.kind) {
    case TokenCheck::Expired:
        message = u"The access token expiry UTC time is earlier than the current UTC time."_s;
        break;
    case TokenCheck::Missing:
        message = u"The access token is missing. Send an Authorization: Bearer header."_s;
        break;
    case TokenCheck::NotAccessToken:
        message = u"The token is an ID token, not an access token; an API takes access tokens only."_s;
        break;
    default:
        message = u"The access token is invalid."_s;
        break;
    }
    return Response::error(401, expired ? u"ExpiredAuthenticationToken"_s : u"InvalidAuthenticationToken"_s,
                           message)
        .withHeader("WWW-Authenticate", challenge);
}

Response EmulatorServer::dispatch(Request &req, const Route &route, bool *, bool *)
{
    if (route.area == Area::Management || route.area == Area::Graph) {
        if (auto denied = authenticate(req, apiOf(route)))
            return *denied;
        int retryAfter = 0;
        if (!m_throttle.take(req.caller.id, nowMs(), &retryAfter))
            return Response::error(429, u"TooManyRequests"_s,
                                   QString(u"Rate limit is exceeded. Try again in "_s +
                                           QString::number(retryAfter) + u" seconds."_s))
                .withHeader("Retry-After", QByteArray::number(retryAfter));
    }
    if ((route.area == Area::Management || route.area == Area::Callback) && req.hasQuery(u"api-version"_s) &&
        !route.apiVersions.contains(req.queryValue(u"api-version"_s))) {
        return Response::error(400, u"InvalidApiVersionParameter"_s,
                               QString(u"The api-version '"_s + req.queryValue(u"api-version"_s) +
                                       u"' is invalid. The supported versions are '"_s +
                                       route.apiVersions.join(u"', '"_s) + u"'."_s));
    }
    const bool cacheable = req.method == "GET" && route.area == Area::Management && !m_faults.noAnswerCache;
    QByteArray key;
    if (cacheable) {
        // Answers carry links built on the origin the client called (nextLink, workflow links).
        key = req.caller.id.toLatin1() + ' ' + req.header("X-Forwarded-Proto") + ' ' + req.header("Host") +
              ' ' + req.rawPath + '?' + req.rawQuery;
        const auto it = m_cache.constFind(key);
        if (it != m_cache.constEnd() && it->version == m_store->version() && nowMs() < it->untilMs)
            return it->response;
    }
    Response response = route.handler(req);
    if (req.method != "GET")
        m_store->touch();
    if (cacheable && response.status == 200 && response.cacheUntilMs > 0) {
        // Bounded in entries and in bytes: a client can vary a query as often as it likes.
        if (m_cache.size() >= kCacheEntries || m_cacheBytes + response.body.size() > kCacheBytes) {
            m_cache.clear();
            m_cacheBytes = 0;
        }
        if (response.body.size() <= kCacheBytes / 8) {
            const auto old = m_cache.constFind(key);
            if (old != m_cache.constEnd())
                m_cacheBytes -= old->response.body.size() + key.size();
            m_cache.insert(key, Cached{response, m_store->version(), response.cacheUntilMs});
            m_cacheBytes += response.body.size() + key.size();
        }
    }
    return response;
}

Response EmulatorServer::control(Request &req)
{
    if (req.method == "GET")
        return Response::json(faultsJson(m_faults));
    if (req.method == "DELETE") {
        m_faults = Faults{};
        return Response::json(faultsJson(m_faults));
    }
    if (const auto problem = strictJsonProblem(req.body))
        return Response::error(400, u"InvalidRequestContent"_s, *problem);
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(req.body, &parseError);
    if (!doc.isObject())
        return Response::error(400, u"InvalidRequestContent"_s,
                               u"The body must be a JSON object of fault settings."_s);
    const QJsonObject o = doc.object();
    Faults f = m_faults;
    const QStringList known =
        faultsJson(f).keys() + QStringList{u"ratePerMinute"_s, u"tokenLifetimeSeconds"_s};
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key()))
            return Response::error(400, u"InvalidRequestContent"_s,
                                   QString(u"Unknown fault '"_s + it.key() + u"'."_s));
        const bool flag =
            it.key() == "stall"_L1 || it.key() == "noAnswerCache"_L1 || it.key() == "stallIdentity"_L1;
        if (flag ? !it.value().isBool() : !it.value().isDouble())
            return Response::error(
                400, u"InvalidRequestContent"_s,
                QString(u"The fault '"_s + it.key() +
                        (flag ? u"' must be true or false."_s : u"' must be a number."_s)));
    }
    f.latencyMs = o.value("latencyMs"_L1).toInt(f.latencyMs);
    f.serverErrorRate = o.value("serverErrorRate"_L1).toDouble(f.serverErrorRate);
    f.throttleBurst = o.value("throttleBurst"_L1).toInt(f.throttleBurst);
    f.throttleRate = o.value("throttleRate"_L1).toDouble(f.throttleRate);
    f.dropRate = o.value("dropRate"_L1).toDouble(f.dropRate);
    f.malformedRate = o.value("malformedRate"_L1).toDouble(f.malformedRate);
    f.truncateRate = o.value("truncateRate"_L1).toDouble(f.truncateRate);
    f.stall = o.value("stall"_L1).toBool(f.stall);
    f.noAnswerCache = o.value("noAnswerCache"_L1).toBool(f.noAnswerCache);
    f.stallIdentity = o.value("stallIdentity"_L1).toBool(f.stallIdentity);
    m_faults = f;
    if (o.contains("ratePerMinute"_L1))
        m_throttle.setRatePerMinute(o.value("ratePerMinute"_L1).toInt());
    if (o.contains("tokenLifetimeSeconds"_L1))
        m_identity->setTokenLifetime(o.value("tokenLifetimeSeconds"_L1).toInt());
    return Response::json(faultsJson(m_faults));
}

void EmulatorServer::send(QTcpSocket *socket, const Response &response, bool keepAlive, bool truncate,
                          bool malformed)
{
    if (ConnectionGuard *guard = ConnectionGuard::of(socket))
        guard->answered();
    if (malformed) {
        Response garbled = response;
        garbled.body = "{\"value\":[{\"name\":\"malformed\",\"properties\":{\"state\":<injected fault>";
        garbled.contentType = "application/json; charset=utf-8";
        socket->write(garbled.wire(keepAlive));
        return;
    }
    QByteArray bytes = response.wire(keepAlive && !truncate);
    if (truncate) {
        // The header promises the whole body; half of it comes, then the connection ends.
        bytes.chop(response.body.size() - response.body.size() / 2);
        socket->write(bytes);
        socket->disconnectFromHost();
        return;
    }
    socket->write(bytes);
    if (!keepAlive)
        socket->disconnectFromHost();
}

void EmulatorServer::log(const QByteArray &method, const QByteArray &path, int status, qint64 startedNs)
{
    if (!m_options.logRequests)
        return;
    // The path only: queries can carry codes and signatures.
    const double ms = double(g_monotonicNs() - startedNs) / 1e6;
    const QByteArray statusText = status == 0 ? "stall" : status < 0 ? "drop" : QByteArray::number(status);
    std::fprintf(stdout, "%s %s %s %.1f ms\n", method.constData(), path.constData(), statusText.constData(),
                 ms);
    std::fflush(stdout);
}

void EmulatorServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    send(socket,
         Response::error(404, u"NotFound"_s,
                         QString(u"No resource matches '"_s + request.url().path() + u"'."_s)),
         true, false, false);
}

} // namespace fc::emu
