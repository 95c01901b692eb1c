#include "RunOperationPanel.h"

#include "RunsModel.h"
#include "api/ApiClient.h"
#include "ops/BulkEngine.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace fc {

namespace {
// A resubmitted run may report a start a little before our clock said we sent it.
constexpr qint64 kClockSkewMs = 60000;
} // namespace

RunOperationPanel::RunOperationPanel(ApiClient *client, RunsModel *model, QWidget *parent)
    : QFrame(parent)
    , m_client(client)
    , m_model(model)
    , m_newRunsTimer(new QTimer(this))
{
    setObjectName(u"runOperationPanel"_s);
    setAccessibleName(tr("Run operation"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *top = new QHBoxLayout;
    m_summary = new QLabel;
    m_summary->setObjectName(u"runOperationSummary"_s);
    m_summary->setWordWrap(true); // a stop reason is a sentence or two: it wraps, never widens the window
    m_summary->setAccessibleName(tr("Operation summary"));
    m_summary->setWordWrap(true);
    m_progress = new QProgressBar;
    m_progress->setObjectName(u"runOperationProgress"_s);
    m_progress->setAccessibleName(tr("Operation progress"));
    m_progress->setMaximumWidth(220);
    m_retry = new QPushButton(tr("Retry &failed"));
    m_retry->setObjectName(u"retryFailedButton"_s);
    m_retry->setAccessibleName(tr("Retry failed runs"));
    m_stop = new QPushButton(tr("S&top"));
    m_stop->setObjectName(u"stopOperationButton"_s);
    m_stop->setAccessibleName(tr("Stop the operation"));
    m_close = new QPushButton(tr("Dismiss"));
    m_close->setObjectName(u"dismissOperationButton"_s);
    m_close->setAccessibleName(tr("Dismiss the results"));
    top->addWidget(m_summary, 1);
    top->addWidget(m_progress);
    top->addWidget(m_retry);
    top->addWidget(m_stop);
    top->addWidget(m_close);
    layout->addLayout(top);

    m_failures = new QTreeWidget;
    m_failures->setObjectName(u"runFailuresView"_s);
    m_failures->setAccessibleName(tr("Failed runs and reasons"));
    m_failures->setColumnCount(2);
    m_failures->setHeaderLabels({tr("Run"), tr("Reason")});
    m_failures->setRootIsDecorated(false);
    m_failures->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_failures->setMaximumHeight(120);
    m_failures->hide();
    layout->addWidget(m_failures);

    connect(m_retry, &QPushButton::clicked, this, &RunOperationPanel::retryFailed);
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (m_engine)
            m_engine->cancel();
    });
    connect(m_close, &QPushButton::clicked, this, [this] {
        if (!isBusy())
            hide();
    });
    // New runs of a resubmit are looked for shortly after answers come in, not after each one.
    m_newRunsTimer->setSingleShot(true);
    m_newRunsTimer->setInterval(300);
    connect(m_newRunsTimer, &QTimer::timeout, this,
            [this] { m_model->fetchNewRuns(m_startedMs - kClockSkewMs); });
    hide();
}

bool RunOperationPanel::isBusy() const
{
    return m_engine && (m_engine->state() == OperationState::Running || m_engine->inFlight() > 0);
}

bool RunOperationPanel::start(BulkAction action, const QList<FlowRun> &runs)
{
    if (isBusy() || !m_client || runs.isEmpty())
        return false;
    QList<BulkItem> items;
    items.reserve(runs.size());
    for (const FlowRun &run : runs) {
        BulkItem item;
        item.action = action;
        item.env = m_model->environment();
        item.flow = m_model->flow();
        item.run = run.name;
        item.label = run.name;
        item.scope = m_client ? m_client->scope() : Scope::User; // admin grids act through scopes/admin
        items.append(item);
    }
    if (m_engine) {
        // The activity panel may have taken the last operation over: it goes on showing there.
        disconnect(m_engine, nullptr, this, nullptr);
        if (m_engine->parent() == this)
            m_engine->deleteLater();
    }
    m_action = action;
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    const QString title = action == BulkAction::CancelRun ? tr("Cancelling runs (%1)").arg(runs.size())
                                                          : tr("Resubmitting runs (%1)").arg(runs.size());
    m_engine = new BulkEngine(m_client, m_journal, title, std::move(items), this);
    if (m_maxConcurrency > 0)
        m_engine->limiter().setMaximum(m_maxConcurrency);
    connect(m_engine, &BulkEngine::itemChanged, this, &RunOperationPanel::onItemChanged);
    connect(m_engine, &BulkEngine::progressChanged, this, &RunOperationPanel::updateSummary);
    connect(m_engine, &BulkEngine::finished, this, [this] {
        if (m_action == BulkAction::ResubmitRun)
            m_newRunsTimer->start(0);
        updateSummary();
        fillFailures();
        emit busyChanged(false);
        const ItemCounts c = m_engine->counts();
        if (!m_engine->stopReason().isEmpty())
            emit statusMessage(m_engine->stopReason());
        else
            emit statusMessage(c.failed > 0 ? tr("%1: %2 failed.").arg(m_engine->title()).arg(c.failed)
                                            : tr("%1: done.").arg(m_engine->title()));
    });
    m_failures->clear();
    m_failures->hide();
    show();
    updateSummary();
    m_engine->start();
    emit operationStarted(m_engine);
    emit busyChanged(true);
    return true;
}

void RunOperationPanel::retryFailed()
{
    if (!m_engine || isBusy() || m_engine->counts().failed + m_engine->counts().unknown == 0)
        return;
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    m_engine->retryFailed();
    fillFailures();
    updateSummary();
    emit busyChanged(true);
}

void RunOperationPanel::onItemChanged(int index)
{
    const BulkItem &item = m_engine->items().at(index);
    if (item.state == ItemState::Succeeded || item.state == ItemState::Skipped) {
        if (m_action == BulkAction::CancelRun)
            m_model->reloadRun(item.run); // shows Cancelled (or what it ended as)
        else if (!m_newRunsTimer->isActive())
            m_newRunsTimer->start();
    }
    if (item.state == ItemState::Failed)
        fillFailures();
}

void RunOperationPanel::updateSummary()
{
    if (!m_engine)
        return;
    const ItemCounts c = m_engine->counts();
    m_progress->setRange(0, c.total);
    m_progress->setValue(c.done());
    QString text = tr("%1: %2 of %3 done").arg(m_engine->title()).arg(c.done()).arg(c.total);
    if (c.succeeded > 0)
        text += tr(", %1 succeeded").arg(c.succeeded);
    if (c.skipped > 0)
        text += tr(", %1 skipped (already finished)").arg(c.skipped);
    if (c.failed > 0)
        text += tr(", %1 failed").arg(c.failed);
    if (c.unknown > 0)
        text += tr(", %1 with an unknown outcome (checked before anything is sent again)").arg(c.unknown);
    if (!m_engine->stopReason().isEmpty())
        text = m_engine->stopReason();
    m_summary->setText(text);
    const bool busy = isBusy();
    const int retryable = c.failed + c.unknown;
    m_retry->setVisible(retryable > 0);
    m_retry->setEnabled(!busy && retryable > 0);
    m_stop->setEnabled(busy);
    m_close->setEnabled(!busy);
}

void RunOperationPanel::fillFailures()
{
    m_failures->clear();
    for (const BulkItem &item : m_engine->items()) {
        if (item.state != ItemState::Failed)
            continue;
        auto *row = new QTreeWidgetItem(m_failures, {item.run, item.message});
        row->setToolTip(1, item.message);
    }
    m_failures->setVisible(m_failures->topLevelItemCount() > 0);
    updateSummary();
}

} // namespace fc
