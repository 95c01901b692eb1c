#include "Console.h"
#include "MainWindow.h"
#include "Theme.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QIcon>
#include <QStyleFactory>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {
struct Options
{
    QCommandLineOption help;
    QCommandLineOption version;
    QCommandLineOption demo;
    QCommandLineOption demoAdmin;
    QCommandLineOption profile;
    QCommandLineOption bench;
};

Options describe(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Desktop management console for Power Automate."));
    Options options{
        parser.addHelpOption(),
        parser.addVersionOption(),
        QCommandLineOption(u"demo"_s,
                           QCoreApplication::translate("main", "Open the console on the built-in emulator.")),
        QCommandLineOption(u"demo-admin"_s, QCoreApplication::translate(
                                                "main", "Open the demo as its administrator: every flow, "
                                                        "orphaned flows, the recycle bin.")),
        QCommandLineOption(u"profile"_s, QCoreApplication::translate("main", "Sign in with this profile."),
                           QCoreApplication::translate("main", "name")),
        // For the start-up benchmark: print the milliseconds from start to the first painted,
        // filled tree, then quit.
        QCommandLineOption(u"startup-benchmark"_s, u"Print the start-up time and quit."_s),
    };
    options.bench.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(options.demo);
    parser.addOption(options.demoAdmin);
    parser.addOption(options.profile);
    parser.addOption(options.bench);
    return options;
}

// --help and --version must work where no display is reachable (a terminal over SSH, help2man at
// build time): they are answered from a QCoreApplication, before QApplication connects to one.
// Arguments this parser does not know (Qt's own, such as -platform) leave the decision to the
// QApplication below.
bool answersWithoutDisplay(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QCommandLineParser parser;
    const Options options = describe(parser);
    return parser.parse(arguments) &&
           (parser.isSet(options.help) || parser.isSet(options.version) || parser.isSet(u"help-all"_s));
}
} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QCoreApplication::setOrganizationName(u"FlowConsole"_s);
    QCoreApplication::setApplicationName(u"FlowConsole"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FC_VERSION));

    if (answersWithoutDisplay(argc, argv)) {
        QCoreApplication app(argc, argv);
        fc::installTranslations();
        QCommandLineParser parser;
        describe(parser);
        parser.process(app); // prints the help or the version and exits
        return 0;
    }

    QApplication app(argc, argv);
    QApplication::setDesktopFileName(u"io.github.flowconsole.FlowConsole"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/flowconsole.svg"_s));
    // Fusion follows the system palette, dark included, the same on every desktop.
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    fc::theme::apply(fc::theme::saved()); // View → Theme, as the user left it
    fc::installTranslations();

    QCommandLineParser parser;
    const Options options = describe(parser);
    parser.process(app);

    fc::Console console;
    if (parser.isSet(options.bench)) {
        console.window()->armReadySignal();
        QObject::connect(console.window(), &fc::MainWindow::treeReady, &app, [&sinceStart] {
            std::printf("startup-ms %lld\n", static_cast<long long>(sinceStart.elapsed()));
            std::fflush(stdout);
            QApplication::quit();
        });
    }
    console.window()->show();
    console.setDemoAsAdministrator(parser.isSet(options.demoAdmin));
    console.start(parser.isSet(options.demo) || parser.isSet(options.demoAdmin),
                  parser.value(options.profile));
    return QApplication::exec();
}
