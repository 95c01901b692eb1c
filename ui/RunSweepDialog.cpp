#include "RunSweepDialog.h"
#include "Messages.h"

#include "api/ApiClient.h"
#include "ops/RunCollector.h"

#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace fc {

namespace {
constexpr qint64 kHourMs = 3600LL * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;
} // namespace

RunSweepDialog::RunSweepDialog(ApiClient *client, Mode mode, QList<Flow> flows, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_mode(mode)
    , m_flows(std::move(flows))
    , m_debounce(new QTimer(this))
{
    const bool resubmit = mode == Mode::ResubmitFailed;
    const int n = static_cast<int>(m_flows.size());
    setObjectName(u"runSweepDialog"_s);
    setWindowTitle(resubmit ? tr("Resubmit failed runs") : tr("Cancel all running runs"));
    auto *layout = new QVBoxLayout(this);

    QString what;
    if (n == 1)
        what = resubmit ? tr("Resubmit the failed runs of \"%1\" that started in this period:")
                              .arg(m_flows.first().displayName)
                        : tr("Cancel every run of \"%1\" that is running or waiting.")
                              .arg(m_flows.first().displayName);
    else
        what = resubmit
                   ? tr("Resubmit the failed runs of %n flow(s) that started in this period:", nullptr, n)
                   : tr("Cancel every run of %n flow(s) that is running or waiting.", nullptr, n);
    auto *intro = new QLabel(what);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    if (resubmit) {
        auto *form = new QFormLayout;
        m_range = new QComboBox;
        m_range->setObjectName(u"sweepRange"_s);
        m_range->setAccessibleName(tr("Time range"));
        m_range->addItems({tr("Last hour"), tr("Last 24 hours"), tr("Last 7 days"), tr("Last 28 days"),
                           tr("Custom range")});
        // The run grid's default range too: the sweep counts what the user has just been looking at.
        m_range->setCurrentIndex(Last28Days);
        form->addRow(tr("&Started in:"), m_range);
        auto *custom = new QHBoxLayout;
        const QDateTime now = QDateTime::currentDateTime();
        m_from = new QDateTimeEdit(now.addDays(-28));
        m_from->setObjectName(u"sweepFrom"_s);
        m_from->setAccessibleName(tr("From"));
        m_from->setCalendarPopup(true);
        m_to = new QDateTimeEdit(now);
        m_to->setObjectName(u"sweepTo"_s);
        m_to->setAccessibleName(tr("To"));
        m_to->setCalendarPopup(true);
        custom->addWidget(m_from, 1);
        custom->addWidget(new QLabel(tr("to")));
        custom->addWidget(m_to, 1);
        auto *between = new QLabel(tr("&Between:"));
        between->setBuddy(m_from); // a row holding a layout gets no buddy of its own
        form->addRow(between, custom);
        layout->addLayout(form);
        connect(m_range, &QComboBox::currentIndexChanged, this, [this] { recount(); });
        connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &RunSweepDialog::scheduleRecount);
        connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &RunSweepDialog::scheduleRecount);
    }

    m_counts = new QTreeWidget;
    m_counts->setObjectName(u"sweepCounts"_s);
    m_counts->setAccessibleName(resubmit ? tr("Failed runs per flow") : tr("Active runs per flow"));
    m_counts->setColumnCount(2);
    m_counts->setHeaderLabels({tr("Flow"), resubmit ? tr("Failed runs") : tr("Running or waiting")});
    m_counts->setRootIsDecorated(false);
    m_counts->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_counts->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_counts->header()->setStretchLastSection(false);
    layout->addWidget(m_counts, 1);

    m_status = new QLabel;
    m_status->setObjectName(u"sweepStatus"_s);
    m_status->setAccessibleName(tr("Dry-run result"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(u"confirmSweepButton"_s);
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
    layout->addWidget(buttons);
    connect(m_ok, &QPushButton::clicked, this, &RunSweepDialog::confirm);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(400);
    connect(m_debounce, &QTimer::timeout, this, &RunSweepDialog::recount);
    // One flow needs one row; many flows get room for their list.
    resize(540, m_flows.size() == 1 ? 300 : 420);
    // Counting starts from the event loop: whoever opens the dialog connects first.
    QTimer::singleShot(0, this, &RunSweepDialog::recount);
}

RunSweepDialog::~RunSweepDialog() = default;

void RunSweepDialog::setRange(Range range)
{
    if (!m_range)
        return;
    if (m_range->currentIndex() == range)
        recount();
    else
        m_range->setCurrentIndex(range); // recounts
}

void RunSweepDialog::setCustomRange(qint64 fromMs, qint64 toMs)
{
    if (!m_range)
        return;
    const QSignalBlocker blockRange(m_range), blockFrom(m_from), blockTo(m_to);
    m_range->setCurrentIndex(CustomRange);
    m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(fromMs));
    m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(toMs));
    recount();
}

int RunSweepDialog::matchingRuns(const QString &flow) const
{
    int count = 0;
    for (const BulkItem &item : m_found)
        count += item.flow == flow ? 1 : 0;
    return count;
}

void RunSweepDialog::scheduleRecount()
{
    if (m_range && m_range->currentIndex() != CustomRange) {
        // Editing the dates is choosing a custom range.
        const QSignalBlocker block(m_range);
        m_range->setCurrentIndex(CustomRange);
    }
    m_debounce->start();
}

void RunSweepDialog::recount()
{
    m_debounce->stop();
    if (m_collector) {
        m_collector->cancel();
        m_collector->deleteLater();
        m_collector = nullptr;
    }
    m_found.clear();
    if (!m_client)
        return;
    QList<RunStatus> statuses{RunStatus::Running, RunStatus::Waiting};
    qint64 from = 0, to = 0;
    if (m_mode == Mode::ResubmitFailed) {
        statuses = {RunStatus::Failed};
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const bool custom = m_range->currentIndex() == CustomRange;
        m_from->setEnabled(custom);
        m_to->setEnabled(custom);
        switch (m_range->currentIndex()) {
        case LastHour:
            from = now - kHourMs;
            break;
        case Last24Hours:
            from = now - kDayMs;
            break;
        case Last7Days:
            from = now - 7 * kDayMs;
            break;
        case Last28Days:
            from = now - 28 * kDayMs;
            break;
        default:
            from = m_from->dateTime().toMSecsSinceEpoch();
            to = m_to->dateTime().toMSecsSinceEpoch();
            break;
        }
        if (!custom) {
            const QSignalBlocker blockFrom(m_from), blockTo(m_to);
            m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(from));
            m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(now));
        }
        if (custom && to <= from) {
            m_status->setText(tr("The range ends before it starts."));
            fillCounts(true);
            m_ok->setEnabled(false);
            return;
        }
    }
    QList<RunCollector::Target> targets;
    for (const Flow &flow : std::as_const(m_flows))
        targets.append({flow.environment, flow.name, flow.displayName});
    m_collector = new RunCollector(m_client, targets, statuses, from, to, this);
    connect(m_collector, &RunCollector::progress, this, [this](int runs, int) {
        m_status->setText(tr("Counting… %n run(s) found so far.", nullptr, runs));
    });
    connect(m_collector, &RunCollector::finished, this, &RunSweepDialog::onCollected);
    connect(m_collector, &RunCollector::failed, this, [this](const ApiError &error) {
        m_collector->deleteLater();
        m_collector = nullptr;
        m_found.clear();
        m_status->setText(tr("The runs could not be listed: %1").arg(plainReason(error)));
        fillCounts(true);
        m_ok->setEnabled(false);
    });
    m_ok->setEnabled(false);
    m_ok->setText(m_mode == Mode::ResubmitFailed ? tr("Resubmit") : tr("Cancel runs"));
    m_status->setText(tr("Counting…"));
    fillCounts(false);
    m_collector->start();
}

void RunSweepDialog::onCollected()
{
    const BulkAction action =
        m_mode == Mode::ResubmitFailed ? BulkAction::ResubmitRun : BulkAction::CancelRun;
    for (const RunCollector::Found &found : m_collector->runs()) {
        BulkItem item;
        item.action = action;
        item.env = found.target.env;
        item.flow = found.target.flow;
        item.run = found.run.name;
        item.label = QString(found.target.label + u" · "_s + found.run.name);
        item.scope = m_client ? m_client->scope() : Scope::User; // admin grids act through scopes/admin
        m_found.append(item);
    }
    m_collector->deleteLater();
    m_collector = nullptr;
    fillCounts(true);
    const int n = matchingRuns();
    const bool resubmit = m_mode == Mode::ResubmitFailed;
    if (n == 0)
        m_status->setText(resubmit ? tr("No failed run matches.") : tr("No run is running or waiting."));
    else
        m_status->setText(
            resubmit
                ? tr("%n failed run(s) match. Each is resubmitted once.", nullptr, n)
                : tr("%n run(s) are running or waiting. Runs that end meanwhile are skipped.", nullptr, n));
    m_ok->setText(resubmit ? tr("&Resubmit %n run(s)", nullptr, n) : tr("Ca&ncel %n run(s)", nullptr, n));
    m_ok->setEnabled(n > 0);
    if (n > 0)
        m_ok->setDefault(true);
    emit counted(n);
}

void RunSweepDialog::fillCounts(bool done)
{
    m_counts->clear();
    const QLocale locale;
    for (const Flow &flow : std::as_const(m_flows)) {
        auto *row = new QTreeWidgetItem(
            m_counts, {flow.displayName, done ? locale.toString(matchingRuns(flow.name)) : tr("counting…")});
        row->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        row->setData(0, Qt::UserRole, flow.name);
    }
}

QString RunSweepDialog::operationTitle() const
{
    const int n = matchingRuns();
    const int flows = static_cast<int>(m_flows.size());
    const QString target =
        flows == 1 ? tr("\"%1\"").arg(m_flows.first().displayName) : tr("%n flow(s)", nullptr, flows);
    return m_mode == Mode::ResubmitFailed ? tr("Resubmit %n failed run(s) of %1", nullptr, n).arg(target)
                                          : tr("Cancel %n running run(s) of %1", nullptr, n).arg(target);
}

void RunSweepDialog::confirm()
{
    if (isCounting() || m_found.isEmpty())
        return;
    emit confirmed(operationTitle(), m_found);
    accept();
}

} // namespace fc
