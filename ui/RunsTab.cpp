#include "RunsTab.h"

#include "Formatting.h"
#include "Messages.h"
#include "RunDetailsDialog.h"
#include "RunDisplay.h"
#include "RunOperationPanel.h"
#include "RunsCsv.h"
#include "RunsFilterProxy.h"
#include "RunsModel.h"
#include "api/ApiClient.h"
#include "ops/BulkEngine.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace fc {

namespace {
constexpr qint64 kHourMs = 3600 * 1000;
constexpr int kCustomRange = -1;
} // namespace

RunsTab::RunsTab(ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_model(new RunsModel(client, this))
    , m_proxy(new RunsFilterProxy(this))
{
    setObjectName(u"runsTab"_s);
    setAccessibleName(tr("Runs"));
    m_proxy->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildFilterBar());
    layout->addWidget(buildStrip());
    createActions();

    auto *toolBar = new QToolBar;
    toolBar->setObjectName(u"runsToolBar"_s);
    toolBar->setAccessibleName(tr("Run actions"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addAction(m_cancel);
    toolBar->addAction(m_resubmit);
    toolBar->addAction(m_details);
    toolBar->addSeparator();
    auto *exportButton = new QToolButton;
    exportButton->setObjectName(u"exportRunsButton"_s);
    exportButton->setAccessibleName(tr("Export runs to CSV"));
    exportButton->setText(tr("E&xport"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    exportMenu->addAction(m_exportSelected);
    exportMenu->addAction(m_exportAll);
    exportButton->setMenu(exportMenu);
    toolBar->addWidget(exportButton);
    toolBar->addSeparator();
    toolBar->addAction(m_reload);
    layout->addWidget(toolBar);

    m_view = new QTableView;
    m_view->setObjectName(u"runsTable"_s);
    m_view->setAccessibleName(tr("Runs of the flow"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(RunsModel::StartColumn, Qt::DescendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    // Wide enough for what the columns show in this locale, with room for the sort arrow.
    const QFontMetrics fm = m_view->fontMetrics();
    const int pad = fm.horizontalAdvance(u'M') * 3;
    const QString sampleTime = formatTime(QDateTime(QDate(2026, 12, 28), QTime(23, 59)).toMSecsSinceEpoch());
    int statusWidth = 0; // the longest status in this language ("Fehlgeschlagen" in German), with its icon
    for (RunStatus status : RunDisplay::allStatuses())
        statusWidth = std::max(statusWidth, fm.horizontalAdvance(RunDisplay::statusText(status)));
    m_view->setColumnWidth(RunsModel::StatusColumn, statusWidth + pad + 20);
    m_view->setColumnWidth(RunsModel::StartColumn, fm.horizontalAdvance(sampleTime) + pad);
    m_view->setColumnWidth(RunsModel::EndColumn, fm.horizontalAdvance(sampleTime) + pad);
    m_view->setColumnWidth(RunsModel::DurationColumn, fm.horizontalAdvance(tr("59 min 59 s")) + pad);
    m_view->setColumnWidth(RunsModel::TriggerColumn, fm.horizontalAdvance(u"Recurrence"_s) + pad);
    m_view->setColumnWidth(RunsModel::CodeColumn, fm.horizontalAdvance(u"ActionFailed"_s) + pad);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions({m_details, m_cancel, m_resubmit, m_exportSelected});
    layout->addWidget(m_view, 1);

    m_panel = new RunOperationPanel(client, m_model, this);
    layout->addWidget(m_panel);

    connect(m_view, &QTableView::activated, this, &RunsTab::openDetails);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RunsTab::scheduleUpdateActions);
    // A status that changes under the selection can enable or disable Cancel.
    connect(m_model, &RunsModel::runsUpdated, this, &RunsTab::scheduleUpdateActions);
    connect(m_model, &RunsModel::countsChanged, this, &RunsTab::updateStrip);
    connect(m_model, &RunsModel::loadingChanged, this, &RunsTab::updateStrip);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_loadError.clear();
        updateStrip();
        scheduleUpdateActions();
    });
    connect(m_model, &RunsModel::loadFailed, this, [this](const ApiError &error) {
        m_loadError = describeFailure(tr("Could not load runs"), error);
        m_loadErrorDetails = technicalDetails(error);
        updateStrip();
    });
    // An error is about the last try: a page that arrives afterwards clears it.
    connect(m_model, &RunsModel::pageLoaded, this, [this] {
        if (!m_loadError.isEmpty() && !m_model->isLoadingAll()) {
            m_loadError.clear();
            updateStrip();
        }
    });
    connect(m_model, &RunsModel::loadAllProgress, this, [this](int rows, int) {
        m_loadProgress->setFormat(tr("%1 runs").arg(QLocale().toString(rows)));
    });
    connect(m_model, &RunsModel::loadAllFinished, this, [this](bool) { updateStrip(); });
    connect(m_panel, &RunOperationPanel::busyChanged, this, &RunsTab::scheduleUpdateActions);
    connect(m_panel, &RunOperationPanel::statusMessage, this, &RunsTab::statusMessage);
    connect(m_panel, &RunOperationPanel::operationStarted, this, &RunsTab::operationStarted);
    updateStrip();
    updateActions();
}

QWidget *RunsTab::buildFilterBar()
{
    // Two rows: what is asked of the service (status, time range, refresh) above, the text filter
    // over what is loaded below it at full width, so that a custom range's two date fields never
    // squeeze the text box to "Filter loaded ru…".
    auto *bar = new QWidget;
    auto *rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    auto *textRow = new QHBoxLayout;
    rows->addLayout(row);
    rows->addLayout(textRow);

    m_statusButton = new QToolButton;
    m_statusButton->setObjectName(u"statusFilterButton"_s);
    m_statusButton->setAccessibleName(tr("Status filter"));
    m_statusButton->setPopupMode(QToolButton::InstantPopup);
    m_statusButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_statusMenu = new QMenu(m_statusButton);
    for (RunStatus status : RunDisplay::allStatuses()) {
        QAction *action =
            m_statusMenu->addAction(RunDisplay::statusIcon(status), RunDisplay::statusText(status));
        action->setObjectName(QString(u"statusFilter"_s + runStatusName(status)));
        action->setCheckable(true);
        action->setData(static_cast<int>(status));
        connect(action, &QAction::toggled, this, [this] {
            updateStatusButton();
            applyServerFilter();
        });
    }
    m_statusMenu->addSeparator();
    m_statusMenu->addAction(tr("Every status"), this, [this] { setStatusFilter({}); });
    m_statusButton->setMenu(m_statusMenu);
    auto *statusLabel = new QLabel(tr("&Status:"));
    statusLabel->setBuddy(m_statusButton);
    row->addWidget(statusLabel);
    row->addWidget(m_statusButton);

    m_range = new QComboBox;
    m_range->setObjectName(u"timeRangeCombo"_s);
    m_range->setAccessibleName(tr("Time range"));
    m_range->addItem(tr("Last hour"), 1);
    m_range->addItem(tr("Last 24 hours"), 24);
    m_range->addItem(tr("Last 7 days"), 24 * 7);
    m_range->addItem(tr("Last 28 days"), 24 * 28);
    m_range->addItem(tr("Custom…"), kCustomRange);
    m_range->setCurrentIndex(3);
    auto *rangeLabel = new QLabel(tr("Starte&d:"));
    rangeLabel->setBuddy(m_range);
    row->addWidget(rangeLabel);
    row->addWidget(m_range);
    const QDateTime now = QDateTime::currentDateTime();
    m_from = new QDateTimeEdit(now.addDays(-1));
    m_from->setObjectName(u"rangeFromEdit"_s);
    m_from->setAccessibleName(tr("Started from"));
    m_from->setCalendarPopup(true);
    m_to = new QDateTimeEdit(now.addSecs(3600));
    m_to->setObjectName(u"rangeToEdit"_s);
    m_to->setAccessibleName(tr("Started before"));
    m_to->setCalendarPopup(true);
    m_from->hide();
    m_to->hide();
    row->addWidget(m_from);
    row->addWidget(m_to);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = m_range->currentData().toInt() == kCustomRange;
        m_from->setVisible(custom);
        m_to->setVisible(custom);
        applyServerFilter();
    });
    connect(m_from, &QDateTimeEdit::editingFinished, this, &RunsTab::applyServerFilter);
    connect(m_to, &QDateTimeEdit::editingFinished, this, &RunsTab::applyServerFilter);

    m_text = new QLineEdit;
    m_text->setObjectName(u"runsTextFilter"_s);
    m_text->setAccessibleName(tr("Filter loaded runs"));
    m_text->setPlaceholderText(tr("Filter loaded runs (name, status, code, trigger, correlation)"));
    m_text->setClearButtonEnabled(true);
    connect(m_text, &QLineEdit::textChanged, m_proxy, &RunsFilterProxy::setTextFilter);
    connect(m_text, &QLineEdit::textChanged, this, &RunsTab::updateStrip);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, m_text, [this] { m_text->setFocus(Qt::ShortcutFocusReason); });
    addAction(find);
    textRow->addWidget(m_text, 1);
    m_codeChip = new QToolButton;
    m_codeChip->setObjectName(u"failureCodeChip"_s);
    m_codeChip->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_codeChip->setToolTip(tr("Only failed runs with this code are shown; click to show every run"));
    m_codeChip->hide();
    connect(m_codeChip, &QToolButton::clicked, this, &RunsTab::clearFailureCode);
    textRow->addWidget(m_codeChip);
    row->addStretch(1);

    m_interval = new QComboBox;
    m_interval->setObjectName(u"refreshIntervalCombo"_s);
    m_interval->setAccessibleName(tr("Refresh running runs every"));
    m_interval->addItem(tr("Off"), 0);
    m_interval->addItem(tr("5 s"), 5000);
    m_interval->addItem(tr("15 s"), 15000);
    m_interval->addItem(tr("30 s"), 30000);
    m_interval->addItem(tr("1 min"), 60000);
    m_interval->addItem(tr("5 min"), 300000);
    m_interval->setCurrentIndex(2);
    m_interval->setToolTip(
        tr("How often running and waiting runs are read again (paused while the tab is hidden)"));
    auto *intervalLabel = new QLabel(tr("Re&fresh:"));
    intervalLabel->setBuddy(m_interval);
    connect(m_interval, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setRefreshInterval(m_interval->currentData().toInt()); });
    m_model->setRefreshInterval(m_interval->currentData().toInt());
    m_model->setRefreshPaused(true); // until shown
    row->addWidget(intervalLabel);
    row->addWidget(m_interval);
    updateStatusButton();
    return bar;
}

QWidget *RunsTab::buildStrip()
{
    auto *strip = new QWidget;
    auto *rows = new QVBoxLayout(strip);
    rows->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    rows->addLayout(row);
    m_strip = new QLabel;
    m_strip->setObjectName(u"runStatusStrip"_s);
    m_strip->setAccessibleName(tr("Runs by status"));
    m_strip->setTextFormat(Qt::RichText);
    m_loaded = new QLabel;
    m_loaded->setObjectName(u"runsLoadedLabel"_s);
    m_loaded->setAccessibleName(tr("Runs loaded"));
    // A failure gets a line of its own under the strip, as wide as the tab and wrapped: it never
    // widens the window, and goes away with the next page that arrives.
    m_error = new QLabel;
    m_error->setObjectName(u"runsLoadError"_s);
    m_error->setAccessibleName(tr("Loading error"));
    m_error->setWordWrap(true);
    m_error->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_error->setMinimumWidth(1); // its long words never set the tab's minimum width
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc4, 0x2b, 0x1c));
    m_error->setPalette(errorPalette);
    m_error->hide();
    m_loadAll = new QPushButton(tr("&Load all"));
    m_loadAll->setObjectName(u"loadAllButton"_s);
    m_loadAll->setAccessibleName(tr("Load all runs"));
    m_loadAll->setToolTip(tr("Fetch every page of runs that match the filters"));
    m_loadProgress = new QProgressBar;
    m_loadProgress->setObjectName(u"loadAllProgress"_s);
    m_loadProgress->setAccessibleName(tr("Loading progress"));
    m_loadProgress->setRange(0, 0); // the total is not known before the last page
    m_loadProgress->setTextVisible(true);
    m_loadProgress->setMaximumWidth(200);
    m_loadProgress->hide();
    m_stopLoad = new QPushButton(tr("Sto&p"));
    m_stopLoad->setObjectName(u"stopLoadAllButton"_s);
    m_stopLoad->setAccessibleName(tr("Stop loading"));
    m_stopLoad->hide();
    connect(m_loadAll, &QPushButton::clicked, this, [this] {
        m_loadProgress->setFormat(tr("%1 runs").arg(QLocale().toString(m_model->rowCount())));
        m_model->loadAll();
        updateStrip();
    });
    connect(m_stopLoad, &QPushButton::clicked, m_model, &RunsModel::stopLoadAll);
    row->addWidget(m_strip, 1);
    row->addWidget(m_loaded);
    row->addWidget(m_loadProgress);
    row->addWidget(m_stopLoad);
    row->addWidget(m_loadAll);
    rows->addWidget(m_error);
    return strip;
}

void RunsTab::createActions()
{
    const auto make = [this](const QString &text, const QString &name, const QKeySequence &key) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        return action;
    };
    m_cancel = make(tr("&Cancel runs…"), u"cancelRunsAction"_s, QKeySequence(u"Ctrl+Shift+K"_s));
    m_cancel->setToolTip(tr("Cancel the selected running or waiting runs (Ctrl+Shift+K)"));
    m_resubmit = make(tr("&Resubmit…"), u"resubmitRunsAction"_s, QKeySequence(u"Ctrl+Shift+R"_s));
    m_resubmit->setToolTip(
        tr("Run the flow again with the trigger data of each selected run (Ctrl+Shift+R)"));
    m_details = make(tr("&Details"), u"runDetailsAction"_s, QKeySequence(u"Ctrl+I"_s));
    m_exportSelected = make(tr("Export &selected runs to CSV…"), u"exportSelectedAction"_s, QKeySequence());
    m_exportAll =
        make(tr("Export &all loaded runs to CSV…"), u"exportAllAction"_s, QKeySequence(u"Ctrl+E"_s));
    m_reload = make(tr("Reloa&d"), u"reloadRunsAction"_s, QKeySequence::Refresh);
    m_reload->setToolTip(tr("Read the runs again from the first page (F5)"));
    connect(m_cancel, &QAction::triggered, this, &RunsTab::confirmCancel);
    connect(m_resubmit, &QAction::triggered, this, &RunsTab::confirmResubmit);
    connect(m_details, &QAction::triggered, this, [this] { openDetails(m_view->currentIndex()); });
    connect(m_exportSelected, &QAction::triggered, this, [this] { chooseExportFile(true); });
    connect(m_exportAll, &QAction::triggered, this, [this] { chooseExportFile(false); });
    connect(m_reload, &QAction::triggered, m_model, &RunsModel::reload);
    auto *loadAll = make(tr("Load all"), u"loadAllAction"_s, QKeySequence(u"Ctrl+Shift+L"_s));
    connect(loadAll, &QAction::triggered, this, [this] { m_loadAll->click(); });
}

void RunsTab::setFlow(const QString &environment, const QString &flow)
{
    // A flow's runs are read when its Runs tab is first shown, not on every click in the tree.
    m_pendingEnv = environment;
    m_pendingFlow = flow;
    m_hasPending = true;
    if (isVisible())
        applyPendingFlow();
}

void RunsTab::applyPendingFlow()
{
    if (!m_hasPending)
        return;
    m_hasPending = false;
    const QString environment = m_pendingEnv, flow = m_pendingFlow;
    if (environment == m_model->environment() && flow == m_model->flow())
        return;
    m_model->setPageSize(100);
    // The model reads its query when the flow is set; set both without a reload in between.
    const QList<RunStatus> statuses = statusFilter();
    qint64 from = 0, to = 0;
    const int hours = m_range->currentData().toInt();
    if (hours == kCustomRange) {
        from = m_from->dateTime().toMSecsSinceEpoch();
        to = m_to->dateTime().toMSecsSinceEpoch();
    } else if (hours > 0) {
        from = QDateTime::currentMSecsSinceEpoch() - hours * kHourMs;
    }
    m_model->setFlow({}, {});
    m_model->setQuery(statuses, from, to);
    m_model->setFlow(environment, flow);
    clearFailureCode();
    // The last operation's panel is about the flow shown before: it goes (the Activity panel keeps
    // the operation itself).
    m_panel->hide();
}

void RunsTab::setStatusFilter(const QList<RunStatus> &statuses)
{
    const QSignalBlocker blocker(m_statusMenu);
    for (QAction *action : m_statusMenu->actions()) {
        if (action->isCheckable()) {
            const QSignalBlocker block(action);
            action->setChecked(statuses.contains(static_cast<RunStatus>(action->data().toInt())));
        }
    }
    updateStatusButton();
    applyServerFilter();
}

QList<RunStatus> RunsTab::statusFilter() const
{
    QList<RunStatus> statuses;
    for (QAction *action : m_statusMenu->actions()) {
        if (action->isCheckable() && action->isChecked())
            statuses.append(static_cast<RunStatus>(action->data().toInt()));
    }
    return statuses;
}

void RunsTab::updateStatusButton()
{
    const QList<RunStatus> statuses = statusFilter();
    QStringList names;
    for (RunStatus status : statuses)
        names.append(RunDisplay::statusText(status));
    m_statusButton->setText(names.isEmpty() ? tr("Every status") : names.join(u", "_s));
}

void RunsTab::applyServerFilter()
{
    qint64 from = 0, to = 0;
    const int hours = m_range->currentData().toInt();
    if (hours == kCustomRange) {
        from = m_from->dateTime().toMSecsSinceEpoch();
        to = m_to->dateTime().toMSecsSinceEpoch();
        if (to <= from) {
            m_loadError = tr("The end of the time range must be after its start.");
            updateStrip();
            return;
        }
    } else if (hours > 0) {
        from = QDateTime::currentMSecsSinceEpoch() - hours * kHourMs;
    }
    if (m_model->flow().isEmpty()) {
        // Remembered for when a flow is set.
        return;
    }
    m_model->setQuery(statusFilter(), from, to);
}

void RunsTab::updateStrip()
{
    QStringList parts;
    for (RunStatus status : RunDisplay::allStatuses()) {
        const int n = m_model->count(status);
        if (n == 0 && status != RunStatus::Running && status != RunStatus::Failed &&
            status != RunStatus::Succeeded)
            continue;
        parts.append(QString(u"<span style=\"color:"_s + RunDisplay::statusColor(status).name() +
                             u"\">&#9679;</span>&nbsp;"_s + RunDisplay::statusText(status).toHtmlEscaped() +
                             u"&nbsp;<b>"_s + QLocale().toString(n) + u"</b>"_s));
    }
    m_strip->setText(parts.join(u"&nbsp;&nbsp;&nbsp;"_s));

    const QLocale locale;
    const int loaded = m_model->rowCount();
    QString text;
    if (!m_loadError.isEmpty())
        text = tr("Not all runs could be loaded");
    else if (m_model->isComplete())
        text = loaded == 0 ? tr("No runs match these filters")
                           : tr("All %1 runs loaded").arg(locale.toString(loaded));
    else if (m_model->isLoading() && loaded == 0)
        text = tr("Loading runs…");
    else
        text = tr("%1 runs loaded, more available").arg(locale.toString(loaded));
    if (m_proxy->isFiltered())
        text += tr(" · %1 shown").arg(locale.toString(m_proxy->rowCount()));
    m_loaded->setText(text);
    m_error->setText(m_loadError);
    m_error->setToolTip(m_loadErrorDetails);
    m_error->setVisible(!m_loadError.isEmpty());
    const bool loadingAll = m_model->isLoadingAll();
    m_loadProgress->setVisible(loadingAll);
    m_stopLoad->setVisible(loadingAll);
    m_loadAll->setEnabled(!loadingAll && !m_model->isComplete() && !m_model->flow().isEmpty());
}

void RunsTab::scheduleUpdateActions()
{
    // Many selection or status changes in one go are looked at once.
    if (m_updatePending)
        return;
    m_updatePending = true;
    QTimer::singleShot(0, this, [this] {
        m_updatePending = false;
        updateActions();
    });
}

void RunsTab::updateActions()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    bool anyActive = false;
    for (const QModelIndex &index : rows) {
        if (isRunActive(m_model->runAt(m_proxy->mapToSource(index).row()).status)) {
            anyActive = true;
            break;
        }
    }
    const bool busy = m_panel->isBusy();
    m_cancel->setEnabled(anyActive && !busy);
    m_resubmit->setEnabled(!rows.isEmpty() && !busy);
    m_details->setEnabled(m_view->currentIndex().isValid());
    m_exportSelected->setEnabled(!rows.isEmpty());
    m_exportAll->setEnabled(m_model->rowCount() > 0);
}

QList<FlowRun> RunsTab::selectedRuns() const
{
    QList<FlowRun> runs;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    runs.reserve(rows.size());
    for (int row : m_proxy->sourceRows(rows))
        runs.append(m_model->runAt(row));
    return runs;
}

void RunsTab::confirmCancel()
{
    int active = 0;
    for (const FlowRun &run : selectedRuns())
        active += isRunActive(run.status) ? 1 : 0;
    if (active == 0)
        return;
    askToConfirm(
        this, u"confirmRunsAction"_s, tr("Cancel runs"),
        active == 1
            ? tr("Cancel the selected running run? Its actions in progress stop and it ends as Cancelled.")
            : tr("Cancel %1 running or waiting runs? Their actions in progress stop and they end as "
                 "Cancelled.")
                  .arg(active),
        tr("&Cancel runs"),
        [this] {
            // Read again: the selection or the statuses may have changed while the box was open.
            QList<FlowRun> runs;
            for (const FlowRun &run : selectedRuns()) {
                if (isRunActive(run.status))
                    runs.append(run);
            }
            if (runs.isEmpty())
                emit statusMessage(tr("None of the selected runs is running any more."));
            else
                m_panel->start(BulkAction::CancelRun, runs);
        },
        active == 1 ? tr("&Keep it running") : tr("&Keep them running"));
}

void RunsTab::confirmResubmit()
{
    const int count = static_cast<int>(m_view->selectionModel()->selectedRows().size());
    if (count == 0)
        return;
    askToConfirm(
        this, u"confirmRunsAction"_s, tr("Resubmit runs"),
        count == 1
            ? tr("Resubmit the selected run? This starts a new run of the flow with the same trigger data.")
            : tr("Resubmit %1 runs? Each one starts a new run of the flow with the same trigger data.")
                  .arg(count),
        tr("&Resubmit"), [this] {
            const QList<FlowRun> runs = selectedRuns(); // read again after the confirmation
            if (!runs.isEmpty())
                m_panel->start(BulkAction::ResubmitRun, runs);
        });
}

bool RunsTab::exportCsv(const QString &path, bool selectedOnly, QString *error)
{
    QList<int> rows;
    if (selectedOnly) {
        rows = m_proxy->sourceRows(m_view->selectionModel()->selectedRows());
        std::sort(rows.begin(), rows.end());
        if (rows.isEmpty()) {
            if (error)
                *error = tr("No runs are selected.");
            return false;
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !RunsCsv::write(file, *m_model, rows) || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void RunsTab::chooseExportFile(bool selectedOnly)
{
    // open(), not getSaveFileName(): no nested event loop.
    auto *dialog =
        new QFileDialog(this, selectedOnly ? tr("Export selected runs") : tr("Export loaded runs"));
    dialog->setObjectName(u"exportRunsDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(tr("CSV files (*.csv)"));
    dialog->setDefaultSuffix(u"csv"_s);
    dialog->selectFile(u"runs.csv"_s);
    connect(dialog, &QFileDialog::fileSelected, this, [this, selectedOnly](const QString &path) {
        QString error;
        if (exportCsv(path, selectedOnly, &error))
            emit statusMessage(tr("Runs exported to %1.").arg(path));
        else
            showError(this, tr("Export runs"), tr("The runs could not be written to %1.").arg(path), error);
    });
    dialog->open();
}

void RunsTab::openDetails(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid())
        return;
    const FlowRun run = m_model->runAt(m_proxy->mapToSource(proxyIndex).row());
    auto *dialog = new RunDetailsDialog(m_client, m_model->environment(), m_model->flow(), run, this);
    connect(dialog, &RunDetailsDialog::runCancelled, m_model, &RunsModel::reloadRun);
    connect(dialog, &RunDetailsDialog::runResubmitted, m_model,
            [this](const QString &, qint64 sentMs) { m_model->fetchNewRuns(sentMs - 60000); });
    dialog->show();
}

QString RunsTab::rangeText() const
{
    if (m_range->currentData().toInt() == kCustomRange)
        return tr("started %1 to %2")
            .arg(QLocale().toString(m_from->dateTime(), QLocale::ShortFormat),
                 QLocale().toString(m_to->dateTime(), QLocale::ShortFormat));
    // Whole phrases, not the combo's text lowered: German capitalises its nouns.
    switch (m_range->currentData().toInt()) {
    case 1:
        return tr("started in the last hour");
    case 24:
        return tr("started in the last 24 hours");
    case 24 * 7:
        return tr("started in the last 7 days");
    default:
        return tr("started in the last 28 days");
    }
}

void RunsTab::loadAll()
{
    applyPendingFlow();
    if (m_loadAll->isEnabled())
        m_loadAll->click();
}

void RunsTab::showFailureCode(const QString &code)
{
    m_proxy->setCodeFilter(code);
    const QString shown = code.isEmpty() ? tr("(no code)") : code;
    m_codeChip->setText(tr("Failure code: %1  ✕").arg(shown));
    m_codeChip->setAccessibleName(tr("Showing failed runs with code %1; clear").arg(shown));
    m_codeChip->show();
    updateStrip();
}

void RunsTab::clearFailureCode()
{
    m_proxy->clearCodeFilter();
    m_codeChip->hide();
    updateStrip();
}

void RunsTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    applyPendingFlow();
    m_model->setRefreshPaused(false);
}

void RunsTab::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_model->setRefreshPaused(true);
}

} // namespace fc
