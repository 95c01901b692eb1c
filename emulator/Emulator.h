#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QThread;

namespace fc::emu {

// Faults a test or benchmark switches on, from the library or from POST /_emulator/faults.
struct Faults
{
    int latencyMs = 0;        // added to every answer
    double serverErrorRate = 0; // share of calls answered 500/503
    int throttleBurst = 0;    // the next N management calls answer 429
    double throttleRate = 0;  // share of calls answered 429
    double dropRate = 0;      // share of connections closed without an answer
    double malformedRate = 0; // share of bodies that are not JSON
    double truncateRate = 0;  // share of bodies cut in half
    bool stall = false;       // never answer
};

struct EmulatorOptions
{
    quint16 port = 0;      // 0: an ephemeral port
    QString dataFile;      // empty: SQLite in memory
    QString seed = QStringLiteral("demo"); // demo | empty | large:N
    int latencyMs = 0;
    int ratePerMinute = 0; // 0: no throttling
    int tokenLifetimeSeconds = 3600;
    int runDurationMs = 30000; // how long a new run stays Running
    bool control = false;  // serve /_emulator/*
    bool noAuth = false;   // serve everything as the first seeded user
    bool logRequests = false;
};

class EmulatorServer;

// A stateful local Power Automate service on its own thread, listening on loopback.
// start() returns once it listens (or failed to), so callers can use baseUrl() at once.
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
    QString demoUserUpn() const; // the first seeded user, approved at once as login_hint

    void setFaults(const Faults &faults);

    EmulatorServer *server() const; // lives on the emulator's thread

private:
    EmulatorOptions m_options;
    std::unique_ptr<QThread> m_thread;
    EmulatorServer *m_server = nullptr;
    QUrl m_baseUrl;
};

} // namespace fc::emu
