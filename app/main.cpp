#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QStyleFactory>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"FlowConsole"_s);
    QApplication::setApplicationName(u"FlowConsole"_s);
    QApplication::setApplicationVersion(QStringLiteral(FC_VERSION));
    QApplication::setDesktopFileName(u"io.github.flowconsole.FlowConsole"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/flowconsole.svg"_s));
    // Fusion follows the system palette, dark included, the same on every desktop.
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));

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
    parser.addOption(demoOption);
    parser.addOption(profileOption);
    parser.process(app);

    fc::MainWindow window;
    window.show();
    return QApplication::exec();
}
