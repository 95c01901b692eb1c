#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace fc::emu {

// Faults a test or benchmark switches on, from the library or from POST /_emulator/faults.
// They apply to management, Graph and trigger-URL calls, not to sign-in.
struct Faults
{
    int latencyMs = 0;          // added to every answer
    double serverErrorRate = 0; // share of calls answered 500/503
    int throttleBurst = 0;      // the next N management calls answer 429
    double throttleRate = 0;    // share of calls answered 429
    double dropRate = 0;        // share of connections closed without an answer
    double malformedRate = 0;   // share of bodies that are not JSON
    double truncateRate = 0;    // share of bodies cut in half
    bool stall = false;         // never answer
    bool noAnswerCache = false; // work out every answer afresh (a benchmark comparing cold with cold)
    bool stallIdentity = false; // the sign-in and token endpoints never answer
};

struct EmulatorOptions
{
    quint16 port = 0;                      // 0: an ephemeral port
    QString dataFile;                      // empty: SQLite in memory
    QString seed = QStringLiteral("demo"); // demo | empty | large:N
    int latencyMs = 0;
    int ratePerMinute = 0; // 0: no throttling
    int tokenLifetimeSeconds = 3600;
    int runDurationMs = 30000; // how long a new run stays Running
    bool control = false;      // serve /_emulator/*
    bool noAuth = false;       // serve everything as the first seeded user
    bool logRequests = false;
    int deviceCodeIntervalSeconds = 5;   // polling faster than this answers slow_down
    int deviceCodeLifetimeSeconds = 900; // after this, expired_token

    // Limits against hostile or broken clients; 0 switches one off.
    qint64 maxBodyBytes = 4 * 1024 * 1024;      // a larger request body answers 413 before it is read
    int maxHeaderBytes = 32 * 1024;             // request line and headers: 431 beyond
    int maxHeaderCount = 100;                   // 431 beyond
    int idleTimeoutMs = 30000;                  // a connection with nothing under way is closed after this
    int requestTimeoutMs = 10000;               // a request must arrive whole this long after its first byte
    int maxConnections = 256;                   // open at once; beyond, 503 and closed
    qint64 maxBufferedBytes = 64 * 1024 * 1024; // request bodies being received, all connections together
    int maxDeviceCodesPerClient = 50;           // pending device codes of one client ID; beyond, 429
    int maxFilterClauses = 32;                  // 'and' clauses of a runs $filter; beyond, 400
    int statementCacheSize = 64;                // prepared SQL statements kept (least recently used go)
    int housekeepingIntervalMs = 1000;          // how often expired codes and tokens are purged
};

class EmulatorServer;

// Who soft-deleted a flow and when.
struct FlowDeletion
{
    QString deletedBy; // object ID
    qint64 deletedMs = 0;
};

// A stateful local Power Automate service on its own thread, listening on loopback.
// start() returns once it listens (or failed to), so callers can use baseUrl() at once.
// The introspection methods below are thread-safe: they run on the emulator's thread and
// block the caller until done. Never call them from the emulator's own thread's handlers.
class Emulator : public QObject
{
    Q_OBJECT
public:
    explicit Emulator(EmulatorOptions options = {}, QObject *parent = nullptr);
    ~Emulator() override;

    bool start(QString *errorMessage = nullptr);
    void stop();
    bool isRunning() const;

    QUrl baseUrl() const; // http://127.0.0.1:PORT
    quint16 port() const;
    QString tenantId() const;
    QString demoUserUpn() const;  // the first seeded user, approved at once as login_hint; not an admin
    QString adminUserUpn() const; // a Power Platform administrator (demo seed)

    void setFaults(const Faults &faults);
    Faults faults() const;
    void setTokenLifetime(int seconds);
    void setRatePerMinute(int rate);

    // Seeded and current state.
    QStringList environmentNames() const; // in seeding order, the default one first
    QString defaultEnvironmentName() const;
    QStringList userPrincipalNames() const;   // the seeded users, demo user first
    QString userId(const QString &upn) const; // object ID, empty if unknown
    QString groupId(const QString &displayName) const;
    QStringList flowNames(const QString &env) const;            // not soft-deleted
    QStringList softDeletedFlowNames(const QString &env) const; // in the recycle bin or past it
    std::optional<FlowDeletion> flowDeletion(const QString &env, const QString &flow) const;
    // Flows (not deleted) with no valid owner: every user owner disabled or gone from the
    // directory, and no group owner. What an administrator has to rescue.
    QStringList orphanedFlowNames(const QString &env) const;
    QStringList flowOwnerIds(const QString &env, const QString &flow) const; // principal object IDs
    static QString adminScaleEnvironmentName(); // the environment of the admin:N[:M] seed
    QStringList flowsOwnedBy(const QString &upn, const QString &env) const;    // directly or through a group
    QString firstOwnedFlow(const QString &upn, const QString &env = {}) const; // default env when empty
    QString flowNotOwnedBy(const QString &upn, const QString &env = {}) const;
    std::optional<QJsonObject> flowJson(const QString &env, const QString &flow) const;
    int runCount(const QString &env, const QString &flow) const;
    QStringList runNames(const QString &env, const QString &flow) const; // newest first
    QString runStatus(const QString &env, const QString &flow, const QString &run) const;

    // Changes for tests.
    QString startRun(const QString &env, const QString &flow,
                     const QString &trigger = QStringLiteral("manual"));
    QByteArray accessToken(
        const QString &upn,
        const QString &scope = QStringLiteral("https://service.flow.microsoft.com/.default offline_access"));
    bool approveDeviceCode(const QString &userCode, const QString &upn);
    bool denyDeviceCode(const QString &userCode);

    // What the emulator holds, to check its limits.
    int pendingDeviceCodeCount() const; // device codes not yet purged
    int cachedStatementCount() const;   // prepared SQL statements
    int openConnectionCount() const;    // HTTP connections open (refused ones not counted)

    EmulatorServer *server() const; // lives on the emulator's thread

private:
    void onServerThread(const std::function<void(EmulatorServer &)> &fn) const;
    QStringList column(const QString &sql, const QVariantList &binds) const;

    EmulatorOptions m_options;
    std::unique_ptr<QThread> m_thread;
    EmulatorServer *m_server = nullptr;
    QUrl m_baseUrl;
};

} // namespace fc::emu
