#include "Emulator.h"

#include "ApiContext.h"
#include "Directory.h"
#include "EmulatorServer.h"
#include "Identity.h"
#include "JsonWriter.h"
#include "RunLedger.h"
#include "Seeder.h"
#include "Store.h"
#include "Util.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QMetaObject>
#include <QSqlQuery>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace fc::emu {

Emulator::Emulator(EmulatorOptions options, QObject *parent) : QObject(parent), m_options(std::move(options))
{}

Emulator::~Emulator()
{
    stop();
}

bool Emulator::start(QString *errorMessage)
{
    if (m_thread)
        return true;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(u"flowconsole-emulator"_s);
    m_thread->start();
    quint16 port = 0;
    QString error;
    m_server = new EmulatorServer(m_options);
    m_server->moveToThread(m_thread.get());
    // The server must listen, open its database and seed on its own thread (a SQLite
    // connection belongs to the thread that opened it); wait for that once, at start.
    QMetaObject::invokeMethod(
        m_server,
        [this, &port, &error] {
            port = m_server->listenGuarded(QHostAddress::LocalHost, m_options.port);
            if (port == 0) {
                error = tr("The emulator could not listen on 127.0.0.1 port %1.").arg(m_options.port);
                return;
            }
            if (!m_server->initialize(QUrl(u"http://127.0.0.1:"_s + QString::number(port)), &error))
                port = 0;
        },
        Qt::BlockingQueuedConnection);
    if (port == 0) {
        if (errorMessage)
            *errorMessage = error;
        stop();
        return false;
    }
    m_baseUrl = QUrl(u"http://127.0.0.1:"_s + QString::number(port));
    return true;
}

void Emulator::stop()
{
    if (!m_thread)
        return;
    if (m_server)
        QMetaObject::invokeMethod(
            m_server, [server = m_server] { delete server; }, Qt::BlockingQueuedConnection);
    m_server = nullptr;
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
}

bool Emulator::isRunning() const
{
    return m_thread != nullptr;
}

QUrl Emulator::baseUrl() const
{
    return m_baseUrl;
}

quint16 Emulator::port() const
{
    return static_cast<quint16>(m_baseUrl.port());
}

QString Emulator::tenantId() const
{
    return Seeder::tenantId();
}

QString Emulator::demoUserUpn() const
{
    return u"adele.vance@contoso.example"_s;
}

QString Emulator::adminUserUpn() const
{
    return u"diego.siciliani@contoso.example"_s;
}

void Emulator::onServerThread(const std::function<void(EmulatorServer &)> &fn) const
{
    if (!m_server)
        return;
    if (QThread::currentThread() == m_server->thread())
        fn(*m_server);
    else
        QMetaObject::invokeMethod(
            m_server, [server = m_server, &fn] { fn(*server); }, Qt::BlockingQueuedConnection);
}

void Emulator::setFaults(const Faults &faults)
{
    onServerThread([&](EmulatorServer &s) { s.setFaults(faults); });
}

Faults Emulator::faults() const
{
    Faults f;
    onServerThread([&](EmulatorServer &s) { f = s.faults(); });
    return f;
}

void Emulator::setTokenLifetime(int seconds)
{
    onServerThread([&](EmulatorServer &s) { s.setTokenLifetime(seconds); });
}

void Emulator::setRatePerMinute(int rate)
{
    onServerThread([&](EmulatorServer &s) { s.setRatePerMinute(rate); });
}

QStringList Emulator::environmentNames() const
{
    QStringList out;
    onServerThread([&](EmulatorServer &s) {
        QSqlQuery &q = s.store().prepared(u"SELECT name FROM environments ORDER BY ord, name"_s);
        q.exec();
        while (q.next())
            out.append(q.value(0).toString());
        q.finish();
    });
    return out;
}

QString Emulator::defaultEnvironmentName() const
{
    return Seeder::defaultEnvironment();
}

QStringList Emulator::userPrincipalNames() const
{
    QStringList out;
    onServerThread([&](EmulatorServer &s) {
        for (const DirectoryUser &u : s.directory().users())
            out.append(u.upn);
    });
    return out;
}

QString Emulator::userId(const QString &upn) const
{
    QString out;
    onServerThread([&](EmulatorServer &s) {
        if (const auto u = s.directory().userByUpn(upn))
            out = u->id;
    });
    return out;
}

QString Emulator::groupId(const QString &displayName) const
{
    QString out;
    onServerThread([&](EmulatorServer &s) {
        for (const DirectoryGroup &g : s.directory().groups())
            if (g.displayName.compare(displayName, Qt::CaseInsensitive) == 0)
                out = g.id;
    });
    return out;
}

// The first column of a query's rows as strings (the introspection lists below).
QStringList Emulator::column(const QString &sql, const QVariantList &binds) const
{
    QStringList out;
    onServerThread([&](EmulatorServer &s) {
        QSqlQuery &q = s.store().prepared(sql);
        for (int i = 0; i < binds.size(); ++i)
            q.bindValue(i, binds[i]);
        q.exec();
        while (q.next())
            out.append(q.value(0).toString());
        q.finish();
    });
    return out;
}

QStringList Emulator::flowNames(const QString &env) const
{
    return column(u"SELECT name FROM flows WHERE env=? AND deleted_ms IS NULL ORDER BY name"_s, {env});
}

QStringList Emulator::softDeletedFlowNames(const QString &env) const
{
    return column(u"SELECT name FROM flows WHERE env=? AND deleted_ms IS NOT NULL ORDER BY name"_s, {env});
}

QStringList Emulator::orphanedFlowNames(const QString &env) const
{
    return column(
        u"SELECT f.name FROM flows f WHERE f.env=? AND f.deleted_ms IS NULL AND NOT EXISTS("
        " SELECT 1 FROM flow_owners o LEFT JOIN users u ON u.id=o.principal_id"
        " LEFT JOIN groups g ON g.id=o.principal_id WHERE o.env=f.env AND o.flow=f.name AND ("
        " (o.principal_type='User' AND u.id IS NOT NULL AND u.account_enabled=1 AND u.deleted_ms IS NULL)"
        " OR (o.principal_type='Group' AND g.id IS NOT NULL)"
        " OR o.principal_type NOT IN ('User','Group'))) ORDER BY f.name"_s,
        {env});
}

QStringList Emulator::flowOwnerIds(const QString &env, const QString &flow) const
{
    return column(u"SELECT principal_id FROM flow_owners WHERE env=? AND flow=? ORDER BY principal_id"_s,
                  {env, flow});
}

QString Emulator::adminScaleEnvironmentName()
{
    return Seeder::adminTestEnvironment();
}

std::optional<FlowDeletion> Emulator::flowDeletion(const QString &env, const QString &flow) const
{
    std::optional<FlowDeletion> out;
    onServerThread([&](EmulatorServer &s) {
        const auto row = s.context().loadFlow(env, flow, true);
        if (row && row->deletedMs > 0)
            out = FlowDeletion{row->deletedBy, row->deletedMs};
    });
    return out;
}

QStringList Emulator::flowsOwnedBy(const QString &upn, const QString &env) const
{
    QStringList out;
    onServerThread([&](EmulatorServer &s) {
        const auto user = s.directory().userByUpn(upn);
        if (!user)
            return;
        QSqlQuery &q = s.store().prepared(
            u"SELECT DISTINCT o.flow FROM flow_owners o JOIN memberships m ON m.principal_id=o.principal_id"
            " JOIN flows f ON f.env=o.env AND f.name=o.flow"
            " WHERE m.user_id=? AND o.env=? AND f.deleted_ms IS NULL ORDER BY o.flow"_s);
        q.bindValue(0, user->id);
        q.bindValue(1, env.isEmpty() ? Seeder::defaultEnvironment() : env);
        q.exec();
        while (q.next())
            out.append(q.value(0).toString());
        q.finish();
    });
    return out;
}

QString Emulator::firstOwnedFlow(const QString &upn, const QString &env) const
{
    const QStringList owned = flowsOwnedBy(upn, env);
    return owned.isEmpty() ? QString() : owned.constFirst();
}

QString Emulator::flowNotOwnedBy(const QString &upn, const QString &env) const
{
    const QString e = env.isEmpty() ? Seeder::defaultEnvironment() : env;
    const QStringList owned = flowsOwnedBy(upn, e);
    for (const QString &flow : flowNames(e))
        if (!owned.contains(flow))
            return flow;
    return {};
}

std::optional<QJsonObject> Emulator::flowJson(const QString &env, const QString &flow) const
{
    std::optional<QJsonObject> out;
    onServerThread([&](EmulatorServer &s) {
        const auto row = s.context().loadFlow(env, flow);
        if (!row)
            return;
        QByteArray text;
        JsonWriter w(text);
        s.context().writeFlow(w, *row, true, s.context().baseUrl.toString());
        out = QJsonDocument::fromJson(text).object();
    });
    return out;
}

int Emulator::runCount(const QString &env, const QString &flow) const
{
    int out = 0;
    onServerThread([&](EmulatorServer &s) {
        out = s.store().scalar(u"SELECT COUNT(*) FROM runs WHERE env=? AND flow=?"_s, {env, flow}).toInt();
    });
    return out;
}

QStringList Emulator::runNames(const QString &env, const QString &flow) const
{
    QStringList out;
    onServerThread([&](EmulatorServer &s) {
        QSqlQuery &q = s.store().prepared(u"SELECT name FROM runs WHERE env=? AND flow=? ORDER BY name"_s);
        q.bindValue(0, env);
        q.bindValue(1, flow);
        q.exec();
        while (q.next())
            out.append(q.value(0).toString());
        q.finish();
    });
    return out;
}

QString Emulator::runStatus(const QString &env, const QString &flow, const QString &run) const
{
    QString out;
    onServerThread([&](EmulatorServer &s) {
        QSqlQuery &q = s.store().prepared(
            u"SELECT status, due_ms, final_status FROM runs WHERE env=? AND flow=? AND name=?"_s);
        q.bindValue(0, env);
        q.bindValue(1, flow);
        q.bindValue(2, run);
        q.exec();
        if (q.next())
            out = RunRow::fromStored(run, {}, 0, 0, q.value(0).toString(), q.value(1).toLongLong(),
                                     q.value(2).toString(), {}, nowMs())
                      .status;
        q.finish();
    });
    return out;
}

QString Emulator::startRun(const QString &env, const QString &flow, const QString &trigger)
{
    QString out;
    onServerThread([&](EmulatorServer &s) {
        const auto row = s.context().loadFlow(env, flow);
        if (row)
            out = s.runs().start(env, flow, trigger, m_options.runDurationMs, row->failureRatio);
    });
    return out;
}

QByteArray Emulator::accessToken(const QString &upn, const QString &scope)
{
    QByteArray out;
    onServerThread([&](EmulatorServer &s) {
        if (const auto u = s.directory().userByUpn(upn))
            out = s.identity().accessTokenFor(*u, scope);
    });
    return out;
}

bool Emulator::approveDeviceCode(const QString &userCode, const QString &upn)
{
    bool ok = false;
    onServerThread([&](EmulatorServer &s) {
        if (const auto u = s.directory().userByUpn(upn))
            ok = s.identity().approveDeviceCode(userCode, u->id);
    });
    return ok;
}

bool Emulator::denyDeviceCode(const QString &userCode)
{
    bool ok = false;
    onServerThread([&](EmulatorServer &s) { ok = s.identity().denyDeviceCode(userCode); });
    return ok;
}

int Emulator::pendingDeviceCodeCount() const
{
    int out = 0;
    onServerThread([&](EmulatorServer &s) { out = s.identity().pendingDeviceCodeCount(); });
    return out;
}

int Emulator::cachedStatementCount() const
{
    int out = 0;
    onServerThread([&](EmulatorServer &s) { out = s.store().cachedStatementCount(); });
    return out;
}

int Emulator::openConnectionCount() const
{
    int out = 0;
    onServerThread([&](EmulatorServer &s) { out = s.openConnectionCount(); });
    return out;
}

EmulatorServer *Emulator::server() const
{
    return m_server;
}

} // namespace fc::emu
