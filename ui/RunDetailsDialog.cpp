#include "RunDetailsDialog.h"

#include "Messages.h"

#include "Formatting.h"
#include "RunDisplay.h"
#include "api/ApiClient.h"

#include <QClipboard>
#include <QDateTime>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

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
    resize(820, 620);
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
    m_inputs = new QLineEdit;
    m_inputs->setObjectName(u"triggerInputsLink"_s);
    m_inputs->setAccessibleName(tr("Trigger inputs link"));
    m_outputs = new QLineEdit;
    m_outputs->setObjectName(u"triggerOutputsLink"_s);
    m_outputs->setAccessibleName(tr("Trigger outputs link"));
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Code:"), m_code);
    form->addRow(tr("Start:"), m_start);
    form->addRow(tr("End:"), m_end);
    form->addRow(tr("Duration:"), m_duration);
    form->addRow(tr("Co&rrelation:"), m_correlation);
    form->addRow(tr("Trigger:"), m_trigger);
    form->addRow(tr("Resubmitted from:"), m_origin);
    form->addRow(tr("&Inputs:"), linkRow(m_inputs, tr("inputs")));
    form->addRow(tr("&Outputs:"), linkRow(m_outputs, tr("outputs")));
    layout->addLayout(form);

    auto *actionsLabel = new QLabel(tr("&Actions"));
    m_actions = new QTreeWidget;
    m_actions->setObjectName(u"runActionsView"_s);
    m_actions->setAccessibleName(tr("Actions of the run"));
    m_actions->setColumnCount(7);
    m_actions->setHeaderLabels(
        {tr("Action"), tr("Type"), tr("Status"), tr("Code"), tr("Start"), tr("Duration"), tr("Error")});
    m_actions->setRootIsDecorated(false);
    m_actions->setAlternatingRowColors(true);
    m_actions->setWordWrap(true);
    m_actions->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_actions->header()->setStretchLastSection(true);
    actionsLabel->setBuddy(m_actions);
    layout->addWidget(actionsLabel);
    layout->addWidget(m_actions, 1);

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

QWidget *RunDetailsDialog::linkRow(QLineEdit *edit, const QString &what)
{
    auto *row = new QWidget;
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    edit->setReadOnly(true);
    edit->setPlaceholderText(tr("The service gave no link"));
    auto *copy = new QPushButton(tr("Copy"));
    copy->setAccessibleName(tr("Copy the %1 link").arg(what));
    auto *open = new QPushButton(tr("Open"));
    open->setAccessibleName(tr("Open the %1 link").arg(what));
    connect(copy, &QPushButton::clicked, edit,
            [edit] { QGuiApplication::clipboard()->setText(edit->text()); });
    connect(open, &QPushButton::clicked, edit, [edit] { QDesktopServices::openUrl(QUrl(edit->text())); });
    connect(edit, &QLineEdit::textChanged, copy, [copy, open](const QString &text) {
        copy->setEnabled(!text.isEmpty());
        open->setEnabled(!text.isEmpty());
    });
    copy->setEnabled(false);
    open->setEnabled(false);
    h->addWidget(edit, 1);
    h->addWidget(copy);
    h->addWidget(open);
    return row;
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
                m_message->setText(tr("Could not read the run: %1").arg(details.error().toString()));
                return;
            }
            m_details = details.value();
            m_message->clear();
            fill();
        });
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
                           : tr("%1 (%2)").arg(run.triggerName, m_details.triggerStatus));
    m_origin->setText(run.originRun.isEmpty() || run.originRun == run.name ? tr("—") : run.originRun);
    m_inputs->setText(m_details.triggerInputsLink);
    m_outputs->setText(m_details.triggerOutputsLink);
    m_actions->clear();
    for (const RunAction &a : m_details.actions) {
        auto *item = new QTreeWidgetItem(
            m_actions,
            {a.name, a.type,
             a.status == RunStatus::Unknown && a.code.contains("Skipped"_L1)
                 ? tr("Skipped")
                 : RunDisplay::statusText(a.status),
             a.code, formatTime(a.startMs),
             a.endMs > 0 && a.startMs > 0 ? RunDisplay::durationText(a.endMs - a.startMs) : QString(),
             a.errorMessage});
        if (a.status != RunStatus::Unknown)
            item->setIcon(2, RunDisplay::statusIcon(a.status));
        item->setToolTip(6, a.errorMessage);
    }
    m_cancel->setEnabled(isRunActive(run.status));
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
                    m_message->setText(tr("The run was not cancelled: %1").arg(done.error().toString()));
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
                    m_message->setText(tr("The run was not resubmitted: %1").arg(done.error().toString()));
                    return;
                }
                m_message->setText(tr("Resubmitted: a new run has started."));
                emit runResubmitted(name, sent);
            });
        });
}

} // namespace fc
