#include "InsightTab.h"

#include "RunDisplay.h"
#include "RunInsight.h"
#include "RunsModel.h"
#include "RunsTab.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDate>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QPushButton>
#include <QResizeEvent>
#include <QStackedBarSeries>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace fc {

namespace {
constexpr int kCodeRole = Qt::UserRole + 1;     // the failure code (a QString, may be empty)
constexpr int kFractionRole = Qt::UserRole + 2; // count / the largest count, for the bar
constexpr int kRefreshMs = 300;                 // at most about three rebuilds a second while loading

// The count column of the failure codes: a bar as long as the count, behind the number.
class CountBarDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const double fraction = index.data(kFractionRole).toDouble();
        if (fraction > 0) {
            QColor bar = RunDisplay::statusColor(RunStatus::Failed);
            bar.setAlpha(70);
            QRect r = option.rect.adjusted(2, 3, -2, -3);
            r.setWidth(std::max(2, static_cast<int>(r.width() * fraction)));
            painter->fillRect(r, bar);
        }
        QStyledItemDelegate::paint(painter, option, index);
    }
};

QString dayLabel(qint64 julianDay, bool withYear)
{
    return QLocale().toString(QDate::fromJulianDay(julianDay), withYear ? u"d MMM yy"_s : u"d MMM"_s);
}

QString countText(int n)
{
    return QLocale().toString(n);
}

// Day labels on an axis over day indexes 0..n-1, every step-th day so that they never crowd.
QCategoryAxis *dayAxis(const std::vector<RunInsight::Day> &days, int width)
{
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const int n = static_cast<int>(days.size());
    const bool withYear = !days.empty() && QDate::fromJulianDay(days.front().julianDay).year() !=
                                               QDate::fromJulianDay(days.back().julianDay).year();
    const int maxLabels = std::max(2, width / (withYear ? 90 : 70));
    const int step = std::max(1, (n + maxLabels - 1) / maxLabels);
    axis->setStartValue(-0.5);
    for (int i = 0; i < n; i += step)
        axis->append(dayLabel(days[static_cast<std::size_t>(i)].julianDay, withYear), i);
    axis->setRange(-0.5, n - 0.5);
    axis->setGridLineVisible(false);
    return axis;
}
} // namespace

InsightTab::InsightTab(RunsTab *runs, QWidget *parent)
    : QWidget(parent)
    , m_runs(runs)
    , m_insight(new RunInsight(this))
    , m_throttle(new QTimer(this))
{
    setObjectName(u"insightTab"_s);
    setAccessibleName(tr("Insight"));
    m_throttle->setSingleShot(true);
    m_throttle->setInterval(kRefreshMs);
    connect(m_throttle, &QTimer::timeout, this, &InsightTab::refresh);

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *texts = new QVBoxLayout;
    m_summary = new QLabel;
    m_summary->setObjectName(u"insightSummary"_s);
    m_summary->setAccessibleName(tr("Insight summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_summary->setFocusPolicy(Qt::StrongFocus);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_scope = new QLabel;
    m_scope->setObjectName(u"insightScope"_s);
    m_scope->setAccessibleName(tr("Runs the insight covers"));
    m_scope->setWordWrap(true);
    texts->addWidget(m_summary);
    texts->addWidget(m_scope);
    top->addLayout(texts, 1);
    m_loadAll = new QPushButton(tr("Load all"));
    m_loadAll->setObjectName(u"insightLoadAllButton"_s);
    m_loadAll->setAccessibleName(tr("Load all runs"));
    m_loadAll->setToolTip(
        tr("Read every run that matches the Runs tab's filters, for insight over the whole history"));
    connect(m_loadAll, &QPushButton::clicked, this, [this] {
        m_runs->loadAll();
        updateText();
    });
    top->addWidget(m_loadAll, 0, Qt::AlignTop);
    layout->addLayout(top);

    m_stack = new QStackedWidget;
    m_empty = new QLabel;
    m_empty->setObjectName(u"insightEmpty"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_empty);

    auto *charts = new QWidget;
    auto *grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    const auto makeView = [](const QString &name, const QString &accessible) {
        auto *view = new QChartView;
        view->setObjectName(name);
        view->setAccessibleName(accessible);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(220);
        auto *chart = new QChart;
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->legend()->setAlignment(Qt::AlignBottom);
        chart->setMargins(QMargins(4, 4, 4, 4));
        view->setChart(chart);
        return view;
    };
    m_runsView = makeView(u"insightRunsChart"_s, tr("Runs per day by status"));
    m_durationView = makeView(u"insightDurationChart"_s, tr("Duration per day, median and 95th percentile"));
    grid->addWidget(m_runsView, 0, 0, 1, 2);
    grid->addWidget(m_durationView, 1, 0);

    auto *codesBox = new QGroupBox(tr("Most common failure codes"));
    auto *codesLayout = new QVBoxLayout(codesBox);
    m_codes = new QTreeWidget;
    m_codes->setObjectName(u"insightFailureCodes"_s);
    m_codes->setAccessibleName(tr("Most common failure codes"));
    m_codes->setAccessibleDescription(tr("Activate a code to see its failed runs in the Runs tab"));
    m_codes->setColumnCount(2);
    m_codes->setHeaderLabels({tr("Code"), tr("Failed runs")});
    m_codes->setRootIsDecorated(false);
    m_codes->setUniformRowHeights(true);
    m_codes->setAllColumnsShowFocus(true);
    m_codes->header()->setStretchLastSection(true);
    m_codes->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_codes->setItemDelegateForColumn(1, new CountBarDelegate(m_codes));
    m_codes->setToolTip(tr("Click a code to see its failed runs in the Runs tab"));
    connect(m_codes, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) { activateItem(item); });
    connect(m_codes, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { activateItem(item); });
    auto *codesHint = new QLabel(tr("Click a code to see those runs."));
    codesHint->setWordWrap(true);
    codesLayout->addWidget(m_codes, 1);
    codesLayout->addWidget(codesHint);
    grid->addWidget(codesBox, 1, 1);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);
    m_stack->addWidget(charts);
    layout->addWidget(m_stack, 1);

    RunsModel *model = runs->model();
    connect(m_insight, &RunInsight::changed, this, &InsightTab::onInsightChanged);
    connect(model, &RunsModel::loadingChanged, this, &InsightTab::onInsightChanged);
    connect(model, &RunsModel::loadAllFinished, this, &InsightTab::onInsightChanged);
    connect(model, &RunsModel::loadAllProgress, this, &InsightTab::onInsightChanged);
    m_insight->setModel(model);
}

void InsightTab::onInsightChanged()
{
    m_dirty = true;
    // Hidden: nothing is built until the tab is shown. Shown: at most every kRefreshMs.
    if (isVisible() && !m_throttle->isActive())
        m_throttle->start();
}

void InsightTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_runs->ensureLoaded();
    if (m_dirty)
        refresh();
}

void InsightTab::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        // The series' pens come from the palette too: rebuild (now if shown, else when shown).
        m_dirty = true;
        if (isVisible())
            refresh();
    }
}

void InsightTab::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // How many day labels fit depends on the width.
    if (event->size().width() != event->oldSize().width())
        onInsightChanged();
}

void InsightTab::activateItem(QTreeWidgetItem *item)
{
    if (!item || !item->data(0, kCodeRole).isValid())
        return;
    emit failureCodeActivated(item->data(0, kCodeRole).toString());
}

void InsightTab::refresh()
{
    QElapsedTimer clock;
    clock.start();
    m_throttle->stop();
    m_dirty = false;
    updateText();
    if (m_insight->runCount() == 0) {
        m_stack->setCurrentIndex(0);
    } else {
        m_stack->setCurrentIndex(1);
        buildRunsChart();
        buildDurationChart();
        fillCodes();
    }
    m_longestRefreshNs = std::max(m_longestRefreshNs, clock.nsecsElapsed());
}

void InsightTab::updateText()
{
    const QLocale locale;
    const RunsModel *model = m_runs->model();
    const int n = m_insight->runCount();
    const bool complete = model->isComplete();
    m_loadAll->setVisible(!complete && !model->flow().isEmpty());
    m_loadAll->setEnabled(!model->isLoadingAll());
    m_loadAll->setText(model->isLoadingAll() ? tr("Loading all…") : tr("Load all"));
    QString summary;
    if (n == 0) {
        summary = model->isLoading() ? tr("Loading runs…") : tr("Load runs to see insight.");
        m_empty->setText(model->isLoading()
                             ? tr("Loading runs…")
                             : tr("Load runs to see insight: it is drawn from the runs loaded in the Runs "
                                  "tab, and Load all reads the whole history."));
        m_scope->setText(tr("No runs loaded (%1).").arg(m_runs->rangeText()));
    } else {
        const bool withYear = QDateTime::fromMSecsSinceEpoch(m_insight->firstStartMs()).date().year() !=
                              QDate::currentDate().year();
        const auto day = [&](qint64 ms) {
            return locale.toString(QDateTime::fromMSecsSinceEpoch(ms).date(),
                                   withYear ? u"d MMM yyyy"_s : u"d MMM"_s);
        };
        const QString first = day(m_insight->firstStartMs());
        const QString last = day(m_insight->lastStartMs());
        const QString runs = n == 1 ? tr("1 run") : tr("%1 runs").arg(countText(n));
        summary =
            first == last ? tr("%1 on %2").arg(runs, first) : tr("%1 from %2 to %3").arg(runs, first, last);
        QStringList parts;
        for (RunStatus status : RunDisplay::allStatuses()) {
            if (const int c = m_insight->count(status); c > 0)
                parts.append(tr("%1 %2").arg(countText(c), RunDisplay::statusText(status).toLower()));
        }
        summary += u": "_s + parts.join(u", "_s);
        const auto codes = m_insight->topFailureCodes(1);
        if (!codes.empty()) {
            const QString code = codes.front().code.isEmpty() ? tr("(no code)") : codes.front().code;
            summary += tr("; most common failure: %1 (%2)").arg(code, countText(codes.front().count));
        }
        summary += u'.';
        if (complete)
            m_scope->setText(tr("Over all %1 runs that match the Runs tab's filters (%2).")
                                 .arg(countText(n), m_runs->rangeText()));
        else
            m_scope->setText(tr("Over the %1 runs loaded so far (%2); Load all reads the whole history.")
                                 .arg(countText(n), m_runs->rangeText()));
    }
    m_summary->setText(summary);
    m_summary->setAccessibleDescription(summary + u' ' + m_scope->text());
}

void InsightTab::styleChart(QChart *chart) const
{
    const QPalette pal = palette();
    chart->setBackgroundBrush(pal.base());
    chart->setBackgroundPen(QPen(pal.color(QPalette::Mid)));
    chart->setBackgroundRoundness(0);
    chart->setTitleBrush(pal.text());
    QFont titleFont = font();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->legend()->setLabelColor(pal.color(QPalette::Text));
    chart->legend()->setFont(font());
    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(40);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsBrush(pal.text());
        axis->setLabelsFont(font());
        axis->setTitleBrush(pal.text());
        axis->setTitleFont(font());
        axis->setLinePenColor(pal.color(QPalette::Mid));
        axis->setGridLineColor(grid);
    }
}

void InsightTab::buildRunsChart()
{
    const std::vector<RunInsight::Day> days = m_insight->days();
    QChart *chart = m_runsView->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    chart->setTitle(tr("Runs per day by status"));

    auto *series = new QStackedBarSeries;
    series->setBarWidth(0.8);
    int most = 0;
    for (const RunInsight::Day &day : days)
        most = std::max(most, day.total);
    for (RunStatus status : RunDisplay::allStatuses()) {
        if (m_insight->count(status) == 0)
            continue;
        auto *set = new QBarSet(RunDisplay::statusText(status));
        const QColor colour = RunDisplay::statusColor(status);
        set->setColor(colour);
        set->setBorderColor(colour);
        QList<qreal> values;
        values.reserve(static_cast<qsizetype>(days.size()));
        for (const RunInsight::Day &day : days)
            values.append(day.counts[static_cast<std::size_t>(status)]);
        set->append(values);
        series->append(set);
    }
    chart->addSeries(series);
    QCategoryAxis *x = dayAxis(days, m_runsView->width() > 200 ? m_runsView->width() - 80 : 800);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setLabelFormat(u"%d"_s);
    y->setRange(0, std::max(1, most));
    y->applyNiceNumbers();
    y->setTitleText(tr("Runs"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    styleChart(chart);
}

void InsightTab::buildDurationChart()
{
    const std::vector<RunInsight::Day> days = m_insight->days();
    QChart *chart = m_durationView->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    chart->setTitle(tr("Duration of finished runs per day"));

    qint64 longest = 0;
    for (const RunInsight::Day &day : days)
        longest = std::max(longest, day.p95Ms);
    // One unit for the whole axis, whichever reads best for the longest value.
    double unitMs = 1000;
    QString unit = tr("Duration (seconds)");
    if (longest >= 2 * 3600 * 1000) {
        unitMs = 3600.0 * 1000;
        unit = tr("Duration (hours)");
    } else if (longest >= 2 * 60 * 1000) {
        unitMs = 60.0 * 1000;
        unit = tr("Duration (minutes)");
    }
    auto *p50 = new QLineSeries;
    p50->setName(tr("Median (p50)"));
    auto *p95 = new QLineSeries;
    p95->setName(tr("95th percentile (p95)"));
    for (std::size_t i = 0; i < days.size(); ++i) {
        if (days[i].p50Ms < 0)
            continue;
        p50->append(static_cast<qreal>(i), static_cast<double>(days[i].p50Ms) / unitMs);
        p95->append(static_cast<qreal>(i), static_cast<double>(days[i].p95Ms) / unitMs);
    }
    const bool few = p50->count() < 40;
    p50->setPointsVisible(few);
    p95->setPointsVisible(few);
    QPen pen50(palette().color(QPalette::Highlight), 2);
    p50->setPen(pen50);
    QPen pen95(RunDisplay::statusColor(RunStatus::Suspended), 2, Qt::DashLine);
    p95->setPen(pen95);
    chart->addSeries(p50);
    chart->addSeries(p95);
    QCategoryAxis *x = dayAxis(days, m_durationView->width() > 200 ? m_durationView->width() - 80 : 500);
    chart->addAxis(x, Qt::AlignBottom);
    p50->attachAxis(x);
    p95->attachAxis(x);
    auto *y = new QValueAxis;
    y->setRange(0, std::max(0.001, static_cast<double>(longest) / unitMs));
    y->applyNiceNumbers();
    y->setLabelFormat(y->max() < 10 ? u"%.1f"_s : u"%d"_s);
    y->setTitleText(unit);
    chart->addAxis(y, Qt::AlignLeft);
    p50->attachAxis(y);
    p95->attachAxis(y);
    styleChart(chart);
}

void InsightTab::fillCodes()
{
    const auto codes = m_insight->topFailureCodes(RunInsight::kTopCodes);
    m_codes->clear();
    const int most = codes.empty() ? 1 : codes.front().count;
    for (const RunInsight::Code &code : codes) {
        const QString shown = code.code.isEmpty() ? tr("(no code)") : code.code;
        auto *item = new QTreeWidgetItem(m_codes, {shown, countText(code.count)});
        item->setData(0, kCodeRole, code.code);
        item->setData(1, kFractionRole, static_cast<double>(code.count) / most);
        item->setData(0, Qt::AccessibleTextRole, tr("%1: %2 failed runs").arg(shown, countText(code.count)));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
    if (codes.empty()) {
        auto *item = new QTreeWidgetItem(m_codes, {tr("No failed runs"), QString()});
        item->setFlags(Qt::ItemIsEnabled);
        item->setData(0, kCodeRole, QVariant());
    }
}

} // namespace fc
