#include "RunDetailsDialog.h"

#include "Messages.h"

#include "Formatting.h"
#include "RunContentView.h"
#include "RunDisplay.h"
#include "api/ApiClient.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace fc {

static QLabel *valueLabel(const QString &name)
{
    auto *label = new QLabel;
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

RunDetailsDialog::RunDetailsDialog(ApiClient *client, const QString &environment, const QString &flow,
                                   const FlowRun &run, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_env(environment)
    , m_flow(flow)
{
    setObjectName(u"runDetailsDialog"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Run %1").arg(run.name));
    setAccessibleName(tr("Run details"));
    resize(980, 780);
    m_details.run = run;

    auto *layout = new QVBoxLayout(this);
    m_header = new QLabel;
    m_header->setObjectName(u"runDetailsHeader"_s);
    QFont big = m_header->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_header->setFont(big);
    layout->addWidget(m_header);

    auto *form = new QFormLayout;
    m_status = valueLabel(u"runStatusValue"_s);
    m_code = valueLabel(u"runCodeValue"_s);
    m_start = valueLabel(u"runStartValue"_s);
    m_end = valueLabel(u"runEndValue"_s);
    m_duration = valueLabel(u"runDurationValue"_s);
    m_correlation = new QLineEdit;
    m_correlation->setObjectName(u"runCorrelationValue"_s);
    m_correlation->setAccessibleName(tr("Correlation ID"));
    m_correlation->setReadOnly(true);
    m_trigger = valueLabel(u"runTriggerValue"_s);
    m_origin = valueLabel(u"runOriginValue"_s);
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Code:"), m_code);
    form->addRow(tr("Start:"), m_start);
    form->addRow(tr("End:"), m_end);
    form->addRow(tr("Duration:"), m_duration);
    form->addRow(tr("Co&rrelation:"), m_correlation);
    form->addRow(tr("Trigger:"), m_trigger);
    form->addRow(tr("Resubmitted from:"), m_origin);
    layout->addLayout(form);

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto *actionsLabel = new QLabel(tr("&Trigger and actions, in the order they ran"));
    m_actions = new QTreeWidget;
    m_actions->setObjectName(u"runActionsView"_s);
    m_actions->setAccessibleName(tr("Trigger and actions of the run"));
    m_actions->setColumnCount(7);
    m_actions->setHeaderLabels(
        {tr("Action"), tr("Type"), tr("Status"), tr("Code"), tr("Start"), tr("Duration"), tr("Error")});
    m_actions->setRootIsDecorated(false);
    m_actions->setAlternatingRowColors(true);
    m_actions->setWordWrap(true);
    m_actions->setUniformRowHeights(false);
    m_actions->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_actions->header()->setStretchLastSection(true);
    actionsLabel->setBuddy(m_actions);
    topLayout->addWidget(actionsLabel);
    topLayout->addWidget(m_actions, 1);
    // The selected action's error, whole and wrapped: the column above cuts long ones.
    m_actionError = new QLabel;
    m_actionError->setObjectName(u"actionErrorText"_s);
    m_actionError->setWordWrap(true);
    m_actionError->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_actionError->setTextFormat(Qt::PlainText);
    m_actionError->setForegroundRole(QPalette::Text);
    m_actionError->hide();
    topLayout->addWidget(m_actionError);

    m_content = new RunContentView(client);
    auto *split = new QSplitter(Qt::Vertical);
    split->setObjectName(u"runDetailsSplitter"_s);
    split->setChildrenCollapsible(false);
    split->addWidget(top);
    split->addWidget(m_content);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);
    connect(m_actions, &QTreeWidget::currentItemChanged, this, &RunDetailsDialog::showSelected);

    m_message = new QLabel;
    m_message->setObjectName(u"runDetailsMessage"_s);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_cancel = buttons->addButton(tr("&Cancel run"), QDialogButtonBox::ActionRole);
    m_cancel->setObjectName(u"cancelRunButton"_s);
    m_resubmit = buttons->addButton(tr("&Resubmit"), QDialogButtonBox::ActionRole);
    m_resubmit->setObjectName(u"resubmitRunButton"_s);
    m_refresh = buttons->addButton(tr("Re&fresh"), QDialogButtonBox::ActionRole);
    m_refresh->setObjectName(u"refreshRunButton"_s);
    m_refresh->setShortcut(QKeySequence::Refresh);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_cancel, &QPushButton::clicked, this, &RunDetailsDialog::cancelRun);
    connect(m_resubmit, &QPushButton::clicked, this, &RunDetailsDialog::resubmitRun);
    connect(m_refresh, &QPushButton::clicked, this, &RunDetailsDialog::reload);
    layout->addWidget(buttons);

    fill();
    reload();
}

void RunDetailsDialog::reload()
{
    if (!m_client || m_call)
        return;
    m_message->setText(tr("Loading the run and its actions…"));
    m_call = m_client->getRun(
        m_env, m_flow, m_details.run.name, true, this, [this](Result<FlowRunDetails> details) {
            m_call = 0;
            if (!details) {
                m_message->setText(tr("Could not read the run: %1").arg(plainReason(details.error())));
                m_message->setToolTip(technicalDetails(details.error()));
                return;
            }
            m_details = details.value();
            m_loaded = true;
            m_message->clear();
            m_content->clearCache(); // a run still going has more to show than before
            fill();
        });
}

// The trigger's status in the user's words when it is one the console knows ("Succeeded" reads
// "Erfolgreich" in German); an unknown one as the service sent it.
QString RunDetailsDialog::triggerStatusText() const
{
    const RunStatus status = runStatusFromName(m_details.triggerStatus);
    return status == RunStatus::Unknown ? m_details.triggerStatus : RunDisplay::statusText(status);
}

void RunDetailsDialog::fill()
{
    const FlowRun &run = m_details.run;
    m_header->setText(tr("%1 · %2").arg(RunDisplay::statusText(run.status), run.name));
    m_status->setText(RunDisplay::statusText(run.status));
    m_code->setText(run.code);
    m_start->setText(formatTime(run.startMs));
    m_end->setText(run.endMs > 0 ? formatTime(run.endMs) : tr("not finished"));
    const qint64 end = run.endMs > 0 ? run.endMs : QDateTime::currentMSecsSinceEpoch();
    m_duration->setText(run.startMs > 0 ? RunDisplay::durationText(end - run.startMs) : QString());
    m_correlation->setText(run.correlationId);
    m_trigger->setText(m_details.triggerStatus.isEmpty()
                           ? run.triggerName
                           : tr("%1 (%2)").arg(run.triggerName, triggerStatusText()));
    m_origin->setText(run.originRun.isEmpty() || run.originRun == run.name ? tr("—") : run.originRun);
    // In the order they ran; those that never started (skipped) last, as the service lists them.
    std::stable_sort(m_details.actions.begin(), m_details.actions.end(),
                     [](const RunAction &a, const RunAction &b) {
                         if ((a.startMs > 0) != (b.startMs > 0))
                             return a.startMs > 0;
                         return a.startMs < b.startMs;
                     });
    const QString selected = m_actions->currentItem() ? m_actions->currentItem()->text(0) : QString();
    const bool triggerSelected =
        m_actions->currentItem() && m_actions->indexOfTopLevelItem(m_actions->currentItem()) == 0;
    const QSignalBlocker block(m_actions);
    m_actions->clear();
    auto *trigger = new QTreeWidgetItem(
        m_actions, {run.triggerName.isEmpty() ? tr("(trigger)") : run.triggerName, tr("Trigger"),
                    triggerStatusText(), QString(), formatTime(run.startMs), QString(), QString()});
    trigger->setData(0, Qt::UserRole, -1);
    QFont bold = trigger->font(0);
    bold.setBold(true);
    trigger->setFont(0, bold);
    QTreeWidgetItem *failed = nullptr;
    QTreeWidgetItem *again = triggerSelected ? trigger : nullptr;
    for (qsizetype i = 0; i < m_details.actions.size(); ++i) {
        const RunAction &a = m_details.actions.at(i);
        auto *item = new QTreeWidgetItem(
            m_actions,
            {a.name, a.type,
             a.status == RunStatus::Unknown && a.code.contains("Skipped"_L1)
                 ? tr("Skipped")
                 : RunDisplay::statusText(a.status),
             a.code, formatTime(a.startMs),
             a.endMs > 0 && a.startMs > 0 ? RunDisplay::durationText(a.endMs - a.startMs) : QString(),
             a.errorMessage.section(u'\n', 0, 0)});
        item->setData(0, Qt::UserRole, static_cast<int>(i));
        if (a.status != RunStatus::Unknown)
            item->setIcon(2, RunDisplay::statusIcon(a.status));
        item->setToolTip(6, a.errorMessage);
        if (!failed && !a.errorMessage.isEmpty())
            failed = item;
        if (!again && !triggerSelected && a.name == selected)
            again = item;
    }
    // What was selected stays selected; else the first failure, whose error is what one looks for.
    // (Nothing before the first read: the choice is made once the actions are known.)
    if (m_loaded)
        m_actions->setCurrentItem(again ? again : failed ? failed : trigger);
    showSelected();
    m_cancel->setEnabled(isRunActive(run.status));
}

void RunDetailsDialog::showSelected()
{
    QTreeWidgetItem *item = m_actions->currentItem();
    const int index = item ? item->data(0, Qt::UserRole).toInt() : -1;
    if (!m_loaded) {
        m_actionError->hide();
        return;
    }
    if (!item || index < 0 || index >= m_details.actions.size()) {
        m_actionError->hide();
        m_actionError->clear();
        const QString name = m_details.run.triggerName.isEmpty()
                                 ? tr("the trigger")
                                 : tr("the trigger %1").arg(m_details.run.triggerName);
        m_content->showContent(item ? name : QString(), m_details.triggerInputsLink,
                               m_details.triggerOutputsLink);
        return;
    }
    const RunAction &a = m_details.actions.at(index);
    m_actionError->setText(a.errorMessage.isEmpty() ? QString()
                                                    : tr("Error of %1: %2").arg(a.name, a.errorMessage));
    m_actionError->setVisible(!a.errorMessage.isEmpty());
    m_content->showContent(a.name, a.inputsLink, a.outputsLink);
}

void RunDetailsDialog::selectTrigger()
{
    if (m_actions->topLevelItemCount() > 0)
        m_actions->setCurrentItem(m_actions->topLevelItem(0));
}

bool RunDetailsDialog::selectAction(const QString &name)
{
    for (int i = 1; i < m_actions->topLevelItemCount(); ++i) {
        if (m_actions->topLevelItem(i)->text(0) == name) {
            m_actions->setCurrentItem(m_actions->topLevelItem(i));
            return true;
        }
    }
    return false;
}

void RunDetailsDialog::setBusy(const QString &message)
{
    m_message->setText(message);
    m_cancel->setEnabled(false);
    m_resubmit->setEnabled(false);
}

void RunDetailsDialog::cancelRun()
{
    askToConfirm(
        this, u"confirmRunAction"_s, tr("Cancel run"),
        tr("Cancel run %1? Actions in progress stop.").arg(m_details.run.name), tr("&Cancel run"),
        [this] {
            if (!m_client)
                return;
            setBusy(tr("Cancelling…"));
            const QString name = m_details.run.name;
            m_client->cancelRun(m_env, m_flow, name, this, [this, name](Result<Done> done) {
                m_resubmit->setEnabled(true);
                if (!done) {
                    m_message->setText(tr("The run was not cancelled: %1").arg(plainReason(done.error())));
                    m_message->setToolTip(technicalDetails(done.error()));
                    fill();
                    return;
                }
                emit runCancelled(name);
                reload();
            });
        },
        tr("&Keep it running"));
}

void RunDetailsDialog::resubmitRun()
{
    askToConfirm(
        this, u"confirmRunAction"_s, tr("Resubmit run"),
        tr("Resubmit run %1? This starts a new run with the same trigger data.").arg(m_details.run.name),
        tr("&Resubmit"), [this] {
            if (!m_client)
                return;
            setBusy(tr("Resubmitting…"));
            const QString name = m_details.run.name;
            const qint64 sent = QDateTime::currentMSecsSinceEpoch();
            m_client->resubmitRun(m_env, m_flow, name, {}, this, [this, name, sent](Result<Done> done) {
                m_resubmit->setEnabled(true);
                fill();
                if (!done) {
                    m_message->setText(tr("The run was not resubmitted: %1").arg(plainReason(done.error())));
                    m_message->setToolTip(technicalDetails(done.error()));
                    return;
                }
                m_message->setText(tr("Resubmitted: a new run has started."));
                emit runResubmitted(name, sent);
            });
        });
}

} // namespace fc
