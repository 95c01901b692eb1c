#include "Emulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
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
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"flowconsole-emulator"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FC_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"A stateful local Power Automate Management API and identity service."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(u"port"_s, u"Port to listen on (0: any free port)."_s, u"N"_s, u"0"_s);
    parser.addOption(portOption);
    parser.process(app);

    fc::emu::EmulatorOptions options;
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        QTextStream(stderr) << "flowconsole-emulator: --port takes a number from 0 to 65535\n";
        return 2;
    }
    options.port = static_cast<quint16>(port);

    fc::emu::Emulator emulator(options);
    QString error;
    if (!emulator.start(&error)) {
        QTextStream(stderr) << "flowconsole-emulator: " << error << '\n';
        return 1;
    }
    QTextStream(stdout) << emulator.baseUrl().toString() << Qt::endl;

    // SIGINT/SIGTERM end the event loop through a self-pipe, so shutdown runs normal destructors.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    return app.exec();
}
