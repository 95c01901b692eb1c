// The Insight tab (issue 13) in the demo console, offscreen: a flow with runs, its Insight tab's
// summary against the loaded rows, the charts built from the days, and a failure code that,
// clicked, shows exactly its failed runs in the Runs tab (and the chip that clears it).

#include "ConsoleTestSupport.h"
#include "FlowPage.h"
#include "InsightTab.h"
#include "RunInsight.h"
#include "RunsFilterProxy.h"
#include "RunsModel.h"
#include "RunsTab.h"

#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

#include <map>

using namespace Qt::Literals::StringLiterals;
using namespace fc;

class TestInsightGui : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QSettings().clear(); }
    void summaryAndFailureCode();
};

void TestInsightGui::summaryAndFailureCode()
{
    auto console = test::openDemoConsole();
    QVERIFY(console);
    MainWindow *window = console->window();
    NavigationModel *model = window->navigation();
    const QString env = test::defaultEnvironment(model);
    QVERIFY(test::waitForFlows(model, env));

    // The flow of the environment with the most failed runs.
    emu::Emulator *emulator = console->emulator();
    QModelIndex flowIndex;
    int mostFailed = 0;
    const QModelIndex envIndex = model->environmentIndex(env);
    for (int row = 0; row < model->rowCount(envIndex); ++row) {
        const QModelIndex idx = model->index(row, 0, envIndex);
        const Flow *flow = model->flowAt(idx);
        if (!flow)
            continue;
        int failed = 0;
        for (const QString &run : emulator->runNames(env, flow->name))
            failed += emulator->runStatus(env, flow->name, run) == "Failed"_L1 ? 1 : 0;
        if (failed > mostFailed) {
            mostFailed = failed;
            flowIndex = idx;
        }
    }
    QVERIFY2(flowIndex.isValid(), "no flow with failed runs in the demo");
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(window->tree()->model());
    window->tree()->setCurrentIndex(proxy->mapFromSource(flowIndex));
    auto *flowPage = window->findChild<FlowPage *>();
    QTRY_VERIFY(flowPage && flowPage->isVisible());
    InsightTab *insight = flowPage->insightTab();
    QVERIFY(insight);
    RunsTab *runsTab = flowPage->runsTab();
    RunsModel *runs = runsTab->model();
    QCOMPARE(flowPage->tabs()->tabText(flowPage->tabs()->indexOf(insight)), tr("Insight"));

    // Opening the Insight tab reads the runs (the Runs tab was never shown) and draws them.
    flowPage->tabs()->setCurrentWidget(insight);
    QTRY_VERIFY_WITH_TIMEOUT(runs->isLoaded() && !runs->isLoading(), 20000);
    if (!runs->isComplete()) {
        auto *loadAll = insight->findChild<QPushButton *>(u"insightLoadAllButton"_s);
        QVERIFY(loadAll && loadAll->isVisible());
        QTest::mouseClick(loadAll, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(runs->isComplete() && !runs->isLoadingAll(), 60000);
    }
    QTRY_VERIFY(insight->isUpToDate());
    QCOMPARE(insight->insight()->runCount(), runs->rowCount());
    QVERIFY(runs->rowCount() > 0);

    // The summary, against the rows.
    std::map<QString, int> codes;
    int failed = 0;
    for (int row = 0; row < runs->rowCount(); ++row) {
        if (runs->runAt(row).status == RunStatus::Failed) {
            ++failed;
            ++codes[runs->runAt(row).code];
        }
    }
    QVERIFY(failed > 0);
    QString topCode;
    int topCount = 0;
    for (const auto &[code, count] : codes) {
        if (count > topCount) {
            topCode = code;
            topCount = count;
        }
    }
    const QLocale locale;
    const QString summary = insight->summaryLabel()->text();
    QVERIFY2(summary.startsWith(tr("%1 runs").arg(locale.toString(runs->rowCount()))), qPrintable(summary));
    QVERIFY2(summary.contains(tr("%1 failed").arg(locale.toString(failed))), qPrintable(summary));
    QVERIFY2(summary.contains(u"most common failure: %1 (%2)"_s.arg(topCode, locale.toString(topCount))),
             qPrintable(summary));
    QCOMPARE(insight->summaryLabel()->accessibleName(), tr("Insight summary"));
    QVERIFY(insight->summaryLabel()->accessibleDescription().startsWith(summary));
    QVERIFY2(insight->scopeLabel()->text().contains(tr("Over all")),
             qPrintable(insight->scopeLabel()->text()));

    // The stacked bars add up to the runs loaded.
    auto *bars = qobject_cast<QStackedBarSeries *>(insight->runsChartView()->chart()->series().value(0));
    QVERIFY(bars);
    qreal sum = 0;
    for (QBarSet *set : bars->barSets()) {
        for (int i = 0; i < set->count(); ++i)
            sum += set->at(i);
    }
    QCOMPARE(qRound(sum), runs->rowCount());
    QCOMPARE(bars->barSets().value(0)->count(), static_cast<int>(insight->insight()->days().size()));

    // Click the most common failure code: the Runs tab, just its failed runs.
    QTreeWidget *codesView = insight->codesView();
    QVERIFY(codesView->topLevelItemCount() > 0);
    QTreeWidgetItem *first = codesView->topLevelItem(0);
    QCOMPARE(first->text(1), locale.toString(topCount));
    const QRect rect = codesView->visualItemRect(first);
    QTest::mouseClick(codesView->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_COMPARE(flowPage->tabs()->currentWidget(), runsTab);
    RunsFilterProxy *grid = runsTab->proxy();
    QVERIFY(grid->hasCodeFilter());
    QCOMPARE(grid->codeFilter(), topCode);
    QCOMPARE(grid->rowCount(), topCount);
    for (int row = 0; row < grid->rowCount(); ++row) {
        const FlowRun &run = runs->runAt(grid->mapToSource(grid->index(row, 0)).row());
        QCOMPARE(run.status, RunStatus::Failed);
        QCOMPARE(run.code, topCode);
    }
    QToolButton *chip = runsTab->failureCodeChip();
    QVERIFY(chip->isVisible());
    QVERIFY(chip->text().contains(topCode.isEmpty() ? tr("(no code)") : topCode));
    QTest::mouseClick(chip, Qt::LeftButton);
    QVERIFY(!grid->hasCodeFilter());
    QCOMPARE(grid->rowCount(), runs->rowCount());
    QVERIFY(!chip->isVisible());

    // Back to Insight: the first paint, timed (printed, not asserted).
    QElapsedTimer clock;
    clock.start();
    flowPage->tabs()->setCurrentWidget(insight);
    insight->repaint();
    qInfo("Insight tab shown and painted with %d runs in %lld ms", runs->rowCount(), clock.elapsed());
}

QTEST_MAIN(TestInsightGui)
#include "tst_insight_gui.moc"
