// The emulator without a socket, for the fuzz targets: an in-memory store seeded 'empty' (the
// directory and the default environment), the routes of the flow, run and owner APIs, and
// call(), which hands a request to its route's handler as the signed-in demo user (an
// administrator), as EmulatorServer::handleRequest does once a token is checked.
#pragma once

#include "ApiContext.h"
#include "Directory.h"
#include "FlowApi.h"
#include "OwnerApi.h"
#include "PackageApi.h"
#include "Router.h"
#include "RunApi.h"
#include "RunLedger.h"
#include "Seeder.h"
#include "Store.h"
#include "StrictJson.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace fc::fuzz {

// Stops the run with a message libFuzzer keeps next to the input that caused it.
[[noreturn]] inline void fail(const char *what, const QByteArray &detail = {})
{
    std::fprintf(stderr, "FUZZ ORACLE FAILED: %s\n", what);
    std::fwrite(detail.constData(), 1, size_t(std::min<qsizetype>(detail.size(), 4000)), stderr);
    std::fputc('\n', stderr);
    std::abort();
}

inline void check(bool ok, const char *what, const QByteArray &detail = {})
{
    if (!ok)
        fail(what, detail);
}

// Qt SQL wants an application object: one for the whole run.
inline void ensureApplication()
{
    static int argc = 1;
    static char name[] = "fuzz";
    static char *argv[] = {name, nullptr};
    if (!QCoreApplication::instance())
        new QCoreApplication(argc, argv);
}

// True when `body` is what the emulator promises to write: strict JSON, an object.
inline bool isJsonObject(const QByteArray &body)
{
    QString problem;
    return emu::parseJsonObjectBody(body, &problem).has_value();
}

class EmulatorWorld
{
public:
    EmulatorWorld()
    {
        ensureApplication();
        m_options.seed = QStringLiteral("empty");
        m_store = std::make_unique<emu::Store>(QString(), m_options.statementCacheSize);
        QString error;
        if (!m_store->open(&error))
            fail("the in-memory store does not open", error.toUtf8());
        m_directory = std::make_unique<emu::Directory>();
        m_runs = std::make_unique<emu::RunLedger>(*m_store);
        m_context = std::make_unique<emu::ApiContext>(*m_store, *m_directory, *m_runs, m_options,
                                                      QUrl(QStringLiteral("http://127.0.0.1:1")));
        emu::Seeder seeder(*m_context);
        if (!seeder.seed(m_options.seed, &error))
            fail("the store cannot be seeded", error.toUtf8());
        m_directory->load(*m_store);
        m_flows = std::make_unique<emu::FlowApi>(*m_context);
        m_flows->registerRoutes(m_router);
        m_runApi = std::make_unique<emu::RunApi>(*m_context);
        m_runApi->registerRoutes(m_router);
        m_owners = std::make_unique<emu::OwnerApi>(*m_context);
        m_owners->registerRoutes(m_router);
        m_packages = std::make_unique<emu::PackageApi>(*m_context);
        m_packages->registerRoutes(m_router);
        m_caller = m_directory->caller(m_directory->users().constFirst());
    }
    ~EmulatorWorld()
    {
        // Handlers refer to the context, the context to the store: the store goes last.
        m_packages.reset();
        m_owners.reset();
        m_runApi.reset();
        m_flows.reset();
        m_context.reset();
        m_runs.reset();
        m_directory.reset();
        m_store.reset();
    }

    QString environment() const { return emu::Seeder::defaultEnvironment(); }
    QString flowsPath() const
    {
        return QStringLiteral("/providers/Microsoft.ProcessSimple/environments/") + environment() +
               QStringLiteral("/flows");
    }
    QString flowPath(const QString &flow) const
    {
        return flowsPath() + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(flow));
    }
    QString callerId() const { return m_caller.id; }
    emu::RunLedger &runs() { return *m_runs; }
    emu::Store &store() { return *m_store; }
    const emu::Directory &directory() const { return *m_directory; }

    // `path` percent-encoded as on the wire; `query` already decoded.
    emu::Response call(const QByteArray &method, const QString &path,
                       const QHash<QString, QString> &query = {}, const QByteArray &body = {})
    {
        emu::Request req;
        req.method = method;
        req.rawPath = path.toUtf8();
        req.segments = emu::Router::splitPath(req.rawPath);
        req.query = query;
        req.body = body;
        req.caller = m_caller;
        const emu::Router::Match match = m_router.match(req.method, req.segments);
        if (match.kind != emu::Router::Match::Found)
            fail("no route for a request of the harness", method + ' ' + req.rawPath);
        req.params = match.params;
        emu::Response response = match.route->handler(req);
        // What the server does after every change (the answer cache's version).
        if (req.method != "GET")
            m_store->touch();
        return response;
    }

    // Creates a flow with the default definition; its name.
    QString createDefaultFlow()
    {
        const emu::Response r = call("POST", flowsPath(), {},
                                     QByteArrayLiteral("{\"properties\":{\"displayName\":\"seed flow\"}}"));
        check(r.status == 201, "creating a flow with the default definition", r.body);
        return QJsonDocument::fromJson(r.body).object().value(QLatin1StringView("name")).toString();
    }

    // Straight from the store: an input may have taken the caller off the flow's owners.
    void deleteFlow(const QString &flow)
    {
        const QVariantList key{environment(), flow};
        m_store->run(QStringLiteral("DELETE FROM runs WHERE env=? AND flow=?"), key);
        m_store->run(QStringLiteral("DELETE FROM flow_owners WHERE env=? AND flow=?"), key);
        m_store->run(QStringLiteral("DELETE FROM flows WHERE env=? AND name=?"), key);
        m_store->touch();
    }

private:
    emu::EmulatorOptions m_options;
    std::unique_ptr<emu::Store> m_store;
    std::unique_ptr<emu::Directory> m_directory;
    std::unique_ptr<emu::RunLedger> m_runs;
    std::unique_ptr<emu::ApiContext> m_context;
    emu::Router m_router;
    std::unique_ptr<emu::FlowApi> m_flows;
    std::unique_ptr<emu::RunApi> m_runApi;
    std::unique_ptr<emu::OwnerApi> m_owners;
    std::unique_ptr<emu::PackageApi> m_packages;
    emu::Caller m_caller;
};

} // namespace fc::fuzz
