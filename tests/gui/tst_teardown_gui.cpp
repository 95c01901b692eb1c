// The main window torn down with calls in flight, while the session, client and transport that
// outlive it keep running: every call the window started is cancelled, and nothing it connected
// runs into a half-destroyed window (the sanitizer run of CI is what sees the latter).

#include "EmulatorSession.h"
#include "MainWindow.h"
#include "NavigationModel.h"
#include "ops/BulkEngine.h"
#include "ops/OperationManager.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

class TestTeardownGui : public QObject
{
    Q_OBJECT

private slots:
    void windowGoesWithCallsInFlight();
};

void TestTeardownGui::windowGoesWithCallsInFlight()
{
    QTemporaryDir dir;
    qputenv("FLOWCONSOLE_JOURNAL", dir.filePath(u"journal.sqlite"_s).toUtf8());
    emu::EmulatorOptions options;
    options.seed = u"demo"_s;
    auto s = test::startEmulatorSession(options);
    QVERIFY(s);
    HttpTransport *transport = s->session->client()->transport();

    for (int round = 0; round < 3; ++round) {
        auto *window = new MainWindow(s->session->client());
        window->resize(1200, 760);
        window->show();
        window->showSignedIn(s->emulator->demoUserUpn(), u"Tests"_s, false);
        NavigationModel *model = window->navigation();
        QTRY_VERIFY_WITH_TIMEOUT(model->environmentsReady() && model->rowCount() > 0, 20000);

        // Slow answers from here on: what the window asks for next is still on its way when it goes.
        emu::Faults slow;
        slow.latencyMs = 2000;
        s->emulator->setFaults(slow);
        const QString env = s->emulator->defaultEnvironmentName();
        const QModelIndex envIndex = model->environmentIndex(env);
        if (model->canFetchMore(envIndex))
            model->fetchMore(envIndex);
        window->tree()->expandAll();
        // A bulk operation with requests queued and in flight.
        QList<BulkItem> items;
        for (const QString &flow : s->emulator->flowsOwnedBy(s->emulator->demoUserUpn(), env).mid(0, 6)) {
            BulkItem item;
            item.action = BulkAction::TurnOnFlow;
            item.env = env;
            item.flow = flow;
            items.append(item);
        }
        QVERIFY(!items.isEmpty());
        window->operations()->start(u"Turn on flows"_s, items);
        QTRY_VERIFY(transport->callsInFlight() >= 4);
        const int before = transport->callsInFlight();

        QSignalSpy inFlight(transport, &HttpTransport::callsInFlightChanged);
        delete window;
        // The window's calls went with it; none is left running for a receiver that is gone.
        QCOMPARE(transport->callsInFlight(), 0);
        QVERIFY(!inFlight.isEmpty());
        qInfo("round %d: %d calls in flight at teardown, all cancelled", round, before);
        s->emulator->setFaults({});
        QCoreApplication::processEvents(); // late events of the old window find nothing to call
    }
    qunsetenv("FLOWCONSOLE_JOURNAL");
}

QTEST_MAIN(TestTeardownGui)
#include "tst_teardown_gui.moc"
