#include "Console.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QIcon>
#include <QStyleFactory>
#include <QTranslator>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"FlowConsole"_s);
    QApplication::setApplicationName(u"FlowConsole"_s);
    QApplication::setApplicationVersion(QStringLiteral(FC_VERSION));
    QApplication::setDesktopFileName(u"io.github.flowconsole.FlowConsole"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/flowconsole.svg"_s));
    // Fusion follows the system palette, dark included, the same on every desktop.
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    // The user's language when FlowConsole has it; otherwise English, whose file only adds the
    // plural forms of counted strings.
    QTranslator translator;
    if (translator.load(QLocale(), u"flowconsole"_s, u"_"_s, u":/i18n"_s) ||
        translator.load(u"flowconsole_en"_s, u":/i18n"_s))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Desktop management console for Power Automate."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        u"demo"_s, QApplication::translate("main", "Open the console on the built-in emulator."));
    const QCommandLineOption profileOption(u"profile"_s,
                                           QApplication::translate("main", "Sign in with this profile."),
                                           QApplication::translate("main", "name"));
    // For the start-up benchmark: print the milliseconds from start to the first painted, filled
    // tree, then quit.
    QCommandLineOption benchOption(u"startup-benchmark"_s, u"Print the start-up time and quit."_s);
    benchOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(demoOption);
    parser.addOption(profileOption);
    parser.addOption(benchOption);
    parser.process(app);

    fc::Console console;
    if (parser.isSet(benchOption)) {
        console.window()->armReadySignal();
        QObject::connect(console.window(), &fc::MainWindow::treeReady, &app, [&sinceStart] {
            std::printf("startup-ms %lld\n", static_cast<long long>(sinceStart.elapsed()));
            std::fflush(stdout);
            QApplication::quit();
        });
    }
    console.window()->show();
    console.start(parser.isSet(demoOption), parser.value(profileOption));
    return QApplication::exec();
}
