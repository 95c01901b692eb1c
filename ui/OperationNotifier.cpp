#include "OperationNotifier.h"

#include "Messages.h"

#include "ops/BulkEngine.h"
#include "ops/OperationManager.h"

#include <QApplication>
#include <QMainWindow>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace fc {

OperationNotifier::OperationNotifier(OperationManager *manager, QMainWindow *window)
    : QObject(window)
    , m_window(window)
{
    connect(manager, &OperationManager::operationFinished, this, &OperationNotifier::onFinished);
}

void OperationNotifier::onFinished(BulkEngine *engine)
{
    const ItemCounts c = engine->counts();
    if (!engine->stopReason().isEmpty()) {
        // Stopped on its own (its journal could not be written): the user must know at once, in
        // plain words, and not only if they happen to look at the status bar.
        showError(m_window, tr("%1 stopped").arg(engine->title()), engine->stopReason());
        emit notified(tr("%1 stopped").arg(engine->title()), engine->stopReason());
        return;
    }
    const QString title = engine->state() == OperationState::Cancelled
                              ? tr("%1 was cancelled").arg(engine->title())
                              : tr("%1 finished").arg(engine->title());
    QString message = tr("%1 succeeded").arg(c.succeeded);
    if (c.failed > 0)
        message += tr(", %1 failed").arg(c.failed);
    if (c.unknown > 0)
        message += tr(", %1 with an outcome still unknown").arg(c.unknown);
    if (c.skipped > 0)
        message += tr(", %1 skipped").arg(c.skipped);
    if (c.pending + c.inFlight > 0)
        message += tr(", %1 not done").arg(c.pending + c.inFlight);
    message += u'.';
    const QString line = QString(title + u": "_s + message);
    if (engine->elapsedMs() < m_thresholdMs) {
        // Short: the user is likely still looking; the status bar is enough.
        m_window->statusBar()->showMessage(line, 8000);
        return;
    }
    m_lastMessage = line;
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(m_window->windowIcon(), this);
            m_tray->setToolTip(tr("FlowConsole"));
            connect(m_tray, &QSystemTrayIcon::messageClicked, m_window, [this] {
                m_window->showNormal();
                m_window->activateWindow();
            });
        }
        m_tray->show();
        m_tray->showMessage(title, message, QSystemTrayIcon::Information, 10000);
        // The icon is there for the message only; it leaves with it.
        QTimer::singleShot(15000, m_tray, &QSystemTrayIcon::hide);
    } else {
        m_window->statusBar()->showMessage(m_lastMessage, 15000);
        QApplication::alert(m_window);
    }
    emit notified(title, message);
}

} // namespace fc
