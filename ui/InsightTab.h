#pragma once

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace fc {

class RunInsight;
class RunsTab;

// The Insight tab of a flow page (issue 13), over the runs loaded in its Runs tab: runs per day
// stacked by status, the duration of finished runs per day (median and 95th percentile), and the
// ten most common failure codes (activating one shows those runs in the Runs tab). A summary in
// words for screen readers says how many runs, over which days, and the most common failure.
// The charts are built from per-day aggregates (RunInsight), at most a few times a second while
// runs load, and not at all while the tab is hidden.
class InsightTab : public QWidget
{
    Q_OBJECT
public:
    explicit InsightTab(RunsTab *runs, QWidget *parent = nullptr);

    RunInsight *insight() const { return m_insight; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *scopeLabel() const { return m_scope; }
    QTreeWidget *codesView() const { return m_codes; }
    QChartView *runsChartView() const { return m_runsView; }
    QChartView *durationChartView() const { return m_durationView; }
    // Whether the charts show the aggregates as they are now.
    bool isUpToDate() const { return !m_dirty; }
    // Rebuilds the summary, the charts and the codes from the aggregates now.
    void refresh();
    // The longest refresh() so far, for the benchmark.
    qint64 longestRefreshNs() const { return m_longestRefreshNs; }

signals:
    // A failure code was activated: the flow page shows the failed runs with it.
    void failureCodeActivated(const QString &code);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void onInsightChanged();
    void activateItem(QTreeWidgetItem *item);
    void buildRunsChart();
    void buildDurationChart();
    void fillCodes();
    void updateText();
    void styleChart(QChart *chart) const;

    RunsTab *m_runs;
    RunInsight *m_insight;
    QTimer *m_throttle;
    bool m_dirty = true;
    qint64 m_longestRefreshNs = 0;
    QLabel *m_summary = nullptr;
    QLabel *m_scope = nullptr;
    QPushButton *m_loadAll = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QChartView *m_runsView = nullptr;
    QChartView *m_durationView = nullptr;
    QTreeWidget *m_codes = nullptr;
};

} // namespace fc
