#include "Emulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSocketNotifier>
#include <QTextStream>

#include <climits>
#include <csignal>
#include <functional>
#include <limits>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &byte, 1);
}

int fail(const QString &message)
{
    QTextStream(stderr) << "flowconsole-emulator: " << message << '\n';
    return 2;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"flowconsole-emulator"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FC_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"A stateful local Power Automate Management API and identity service."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(u"port"_s, u"Port to listen on (0: any free port)."_s, u"N"_s,
                                        u"0"_s);
    const QCommandLineOption dataOption(u"data"_s, u"Keep state in this SQLite file (default: in memory)."_s,
                                        u"FILE"_s);
    const QCommandLineOption seedOption(
        u"seed"_s,
        u"Seed of a new store: demo, empty, large:N (N runs of one flow) or admin:N[:M] (N flows, M orphaned)."_s,
        u"SEED"_s, u"demo"_s);
    const QCommandLineOption latencyOption(u"latency-ms"_s, u"Latency added to every answer."_s, u"N"_s,
                                           u"0"_s);
    const QCommandLineOption rateOption(u"rate"_s, u"Calls per user per minute before 429 (e.g. 600/min)."_s,
                                        u"N/min"_s);
    const QCommandLineOption lifetimeOption(u"token-lifetime"_s, u"Access token lifetime in seconds."_s,
                                            u"S"_s, u"3600"_s);
    const QCommandLineOption runDurationOption(u"run-duration-ms"_s, u"How long a new run stays Running."_s,
                                               u"N"_s, u"30000"_s);
    const QCommandLineOption controlOption(u"control"_s,
                                           u"Serve /_emulator/faults to switch faults on and off."_s);
    const QCommandLineOption noAuthOption(u"no-auth"_s,
                                          u"Serve every call as the first seeded user, without tokens."_s);
    const QCommandLineOption quietOption(u"quiet"_s, u"Do not log requests."_s);
    parser.addOptions({portOption, dataOption, seedOption, latencyOption, rateOption, lifetimeOption,
                       runDurationOption, controlOption, noAuthOption, quietOption});

    // Limits against hostile or broken clients; 0 switches one off.
    const fc::emu::EmulatorOptions defaults;
    const auto limit = [&parser](const QString &name, const QString &description, qint64 byDefault) {
        const QCommandLineOption option(name,
                                        description + u" (default "_s + QString::number(byDefault) + u")."_s,
                                        u"N"_s, QString::number(byDefault));
        parser.addOption(option);
        return option;
    };
    const QCommandLineOption maxBodyOption =
        limit(u"max-body-bytes"_s, u"Largest request body; larger ones answer 413 before they are read"_s,
              defaults.maxBodyBytes);
    const QCommandLineOption maxHeaderOption =
        limit(u"max-header-bytes"_s, u"Largest request line and headers together; beyond, 431"_s,
              defaults.maxHeaderBytes);
    const QCommandLineOption maxHeadersOption =
        limit(u"max-headers"_s, u"Most headers in one request; beyond, 431"_s, defaults.maxHeaderCount);
    const QCommandLineOption idleOption =
        limit(u"idle-timeout-ms"_s, u"Close a connection with no request under way after this long"_s,
              defaults.idleTimeoutMs);
    const QCommandLineOption requestTimeoutOption = limit(
        u"request-timeout-ms"_s, u"A request must arrive whole this long after its first byte; else 408"_s,
        defaults.requestTimeoutMs);
    const QCommandLineOption maxConnectionsOption = limit(
        u"max-connections"_s, u"Connections open at once; beyond, 503 and closed"_s, defaults.maxConnections);
    const QCommandLineOption maxBufferedOption = limit(
        u"max-buffered-bytes"_s, u"Request bodies being received on all connections together; beyond, 503"_s,
        defaults.maxBufferedBytes);
    const QCommandLineOption maxDeviceCodesOption =
        limit(u"max-device-codes"_s, u"Pending device code sign-ins per client ID; beyond, 429"_s,
              defaults.maxDeviceCodesPerClient);
    parser.process(app);

    fc::emu::EmulatorOptions options;
    bool ok = false;
    const auto number = [&parser, &ok](const QCommandLineOption &option, qint64 max) {
        const qint64 value = parser.value(option).toLongLong(&ok);
        ok = ok && value >= 0 && value <= max;
        return value;
    };
    const struct
    {
        const QCommandLineOption &option;
        qint64 max;
        std::function<void(qint64)> set;
    } limits[] = {
        {maxBodyOption, std::numeric_limits<qint64>::max(), [&](qint64 v) { options.maxBodyBytes = v; }},
        {maxHeaderOption, INT_MAX, [&](qint64 v) { options.maxHeaderBytes = int(v); }},
        {maxHeadersOption, INT_MAX, [&](qint64 v) { options.maxHeaderCount = int(v); }},
        {idleOption, INT_MAX, [&](qint64 v) { options.idleTimeoutMs = int(v); }},
        {requestTimeoutOption, INT_MAX, [&](qint64 v) { options.requestTimeoutMs = int(v); }},
        {maxConnectionsOption, INT_MAX, [&](qint64 v) { options.maxConnections = int(v); }},
        {maxBufferedOption, std::numeric_limits<qint64>::max(),
         [&](qint64 v) { options.maxBufferedBytes = v; }},
        {maxDeviceCodesOption, INT_MAX, [&](qint64 v) { options.maxDeviceCodesPerClient = int(v); }},
    };
    for (const auto &l : limits) {
        const qint64 value = number(l.option, l.max);
        if (!ok)
            return fail(u"--"_s + l.option.names().constFirst() + u" takes a whole number, 0 for no limit"_s);
        l.set(value);
    }
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(u"--port takes a number from 0 to 65535"_s);
    options.port = static_cast<quint16>(port);
    options.dataFile = parser.value(dataOption);
    options.seed = parser.value(seedOption);
    options.latencyMs = parser.value(latencyOption).toInt(&ok);
    if (!ok || options.latencyMs < 0)
        return fail(u"--latency-ms takes a number of milliseconds"_s);
    if (parser.isSet(rateOption)) {
        QString rate = parser.value(rateOption);
        if (rate.endsWith("/min"_L1))
            rate.chop(4);
        options.ratePerMinute = rate.toInt(&ok);
        if (!ok || options.ratePerMinute < 0)
            return fail(u"--rate takes N/min, e.g. 600/min"_s);
    }
    options.tokenLifetimeSeconds = parser.value(lifetimeOption).toInt(&ok);
    if (!ok || options.tokenLifetimeSeconds < 0)
        return fail(u"--token-lifetime takes a number of seconds"_s);
    options.runDurationMs = parser.value(runDurationOption).toInt(&ok);
    if (!ok || options.runDurationMs < 0)
        return fail(u"--run-duration-ms takes a number of milliseconds"_s);
    options.control = parser.isSet(controlOption);
    options.noAuth = parser.isSet(noAuthOption);
    options.logRequests = !parser.isSet(quietOption);

    QElapsedTimer seedTimer;
    seedTimer.start();
    fc::emu::Emulator emulator(options);
    QString error;
    if (!emulator.start(&error)) {
        QTextStream(stderr) << "flowconsole-emulator: " << error << '\n';
        return 1;
    }
    QTextStream(stderr) << "flowconsole-emulator: ready in " << seedTimer.elapsed() << " ms (seed "
                        << options.seed
                        << (options.dataFile.isEmpty() ? u", in memory"_s : u", data "_s + options.dataFile)
                        << "), tenant " << emulator.tenantId() << ", demo user " << emulator.demoUserUpn()
                        << Qt::endl;
    QTextStream(stdout) << emulator.baseUrl().toString() << Qt::endl;

    // SIGINT/SIGTERM end the event loop through a self-pipe, so shutdown runs normal destructors
    // (and a --data file is closed cleanly).
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    const int rc = app.exec();
    emulator.stop();
    return rc;
}
