#include "BulkFlowActions.h"

#include "ops/OperationManager.h"

#include <QAction>
#include <QApplication>
#include <QStyle>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;

namespace fc {

BulkFlowActions::BulkFlowActions(ApiClient *client, OperationManager *operations, QWidget *window)
    : QObject(window)
    , m_client(client)
    , m_operations(operations)
    , m_window(window)
{
    QStyle *style = QApplication::style();
    m_cancelRunning =
        new QAction(style->standardIcon(QStyle::SP_BrowserStop), tr("Cancel all &running runs…"), this);
    m_cancelRunning->setObjectName(u"actionCancelAllRunning"_s);
    m_cancelRunning->setToolTip(tr("Cancel every running or waiting run of the selected flows"));
    m_resubmitFailed =
        new QAction(style->standardIcon(QStyle::SP_BrowserReload), tr("Resubmit &failed runs…"), this);
    m_resubmitFailed->setObjectName(u"actionResubmitFailed"_s);
    m_resubmitFailed->setToolTip(tr("Resubmit the failed runs of the selected flows in a time range"));
    m_resubmitFailed->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_window->addAction(m_cancelRunning);
    m_window->addAction(m_resubmitFailed);
    connect(m_cancelRunning, &QAction::triggered, this,
            [this] { openSweep(RunSweepDialog::Mode::CancelRunning); });
    connect(m_resubmitFailed, &QAction::triggered, this,
            [this] { openSweep(RunSweepDialog::Mode::ResubmitFailed); });
    updateEnabled();
}

void BulkFlowActions::setSignedIn(bool signedIn)
{
    m_signedIn = signedIn;
    updateEnabled();
}

void BulkFlowActions::updateEnabled()
{
    const bool any = m_signedIn && m_selection && !m_selection().isEmpty();
    m_cancelRunning->setEnabled(any);
    m_resubmitFailed->setEnabled(any);
}

void BulkFlowActions::openSweep(RunSweepDialog::Mode mode)
{
    const QList<Flow> flows = m_selection ? m_selection() : QList<Flow>();
    if (flows.isEmpty() || !m_client)
        return;
    if (m_dialog)
        m_dialog->close();
    m_dialog = new RunSweepDialog(m_client, mode, flows, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        m_dialog, &RunSweepDialog::confirmed, this,
        [this](const QString &title, const QList<BulkItem> &items) { m_operations->start(title, items); });
    m_dialog->open();
}

} // namespace fc
