#pragma once

#include "Emulator.h"
#include "Http.h"
#include "Throttle.h"

#include <QAbstractHttpServer>
#include <QHash>

#include <memory>
#include <random>

class QHostAddress;
class QTcpSocket;
class QTimer;

namespace fc::emu {

class Store;
class Directory;
class Identity;
class RunLedger;
class ApiContext;
class Router;
class IdentityEndpoints;
class FlowApi;
class RunApi;
class PackageApi;
class OwnerApi;
class CatalogApi;
class GraphApi;
class GuardedTcpServer;
struct Route;
enum class Api;

// The HTTP side of the emulator. Routing is our own (QHttpServer 6.4's router cannot tell a
// wrong method from an unknown path), so it derives from QAbstractHttpServer and writes
// answers to the socket itself, which also lets faults cut, garble, delay or drop them.
class EmulatorServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit EmulatorServer(EmulatorOptions options, QObject *parent = nullptr);
    ~EmulatorServer() override;

    // Like listen(), with a ConnectionGuard in front of every connection (limits and timeouts
    // that Qt 6.4's QAbstractHttpServer lacks). The port, or 0 on failure.
    quint16 listenGuarded(const QHostAddress &address, quint16 port);
    int openConnectionCount() const;

    // On the server thread, after listen(): opens the store, seeds it, builds the routes.
    bool initialize(const QUrl &baseUrl, QString *error);

    void setFaults(const Faults &faults) { m_faults = faults; }
    Faults faults() const { return m_faults; }
    void setRatePerMinute(int rate) { m_throttle.setRatePerMinute(rate); }
    void setTokenLifetime(int seconds);

    // For the Emulator's introspection, on the server thread only.
    Store &store() { return *m_store; }
    Directory &directory() { return *m_directory; }
    Identity &identity() { return *m_identity; }
    ApiContext &context() { return *m_context; }
    RunLedger &runs() { return *m_runs; }
    void dataChanged();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Response dispatch(Request &req, const Route &route, bool *suppress, bool *drop);
    std::optional<Response> authenticate(Request &req, Api api);
    static Api apiOf(const Route &route);
    std::optional<Response> injectFault(const Request &req, bool *stall, bool *drop);
    Response control(Request &req);
    void send(QTcpSocket *socket, const Response &response, bool keepAlive, bool truncate, bool malformed);
    void log(const QByteArray &method, const QByteArray &path, int status, qint64 startedNs);
    bool roll(double rate);

    EmulatorOptions m_options;
    Faults m_faults;
    Throttle m_throttle;
    QUrl m_baseUrl;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Directory> m_directory;
    std::unique_ptr<Identity> m_identity;
    std::unique_ptr<RunLedger> m_runs;
    std::unique_ptr<ApiContext> m_context;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<IdentityEndpoints> m_identityEndpoints;
    std::unique_ptr<FlowApi> m_flows;
    std::unique_ptr<RunApi> m_runApi;
    std::unique_ptr<PackageApi> m_packages;
    std::unique_ptr<OwnerApi> m_owners;
    std::unique_ptr<CatalogApi> m_catalog;
    std::unique_ptr<GraphApi> m_graph;
    std::mt19937_64 m_random{42};
    GuardedTcpServer *m_tcpServer = nullptr;
    QTimer *m_housekeeping = nullptr;

    struct Cached
    {
        Response response;
        quint64 version = 0;
        qint64 untilMs = 0;
    };
    QHash<QByteArray, Cached> m_cache;
    qint64 m_cacheBytes = 0;
};

} // namespace fc::emu
