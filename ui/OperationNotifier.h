#pragma once

#include <QObject>
#include <QPointer>

class QMainWindow;
class QSystemTrayIcon;

namespace fc {

class BulkEngine;
class OperationManager;

// Tells the user how a bulk operation ended: in the status bar, and for a long one (they have
// likely turned to something else) with a desktop notification through the system tray when
// there is one, otherwise with the window's alert (a flashing task bar entry).
class OperationNotifier : public QObject
{
    Q_OBJECT
public:
    OperationNotifier(OperationManager *manager, QMainWindow *window);

    // Operations that ran at least this long are announced (10 s by default).
    void setThresholdMs(qint64 ms) { m_thresholdMs = ms; }
    // The text of the last long operation's announcement (tests; the tray offers no way to read it back).
    QString lastMessage() const { return m_lastMessage; }

signals:
    void notified(const QString &title, const QString &message);

private:
    void onFinished(BulkEngine *engine);

    QMainWindow *m_window;
    QPointer<QSystemTrayIcon> m_tray;
    qint64 m_thresholdMs = 10000;
    QString m_lastMessage;
};

} // namespace fc
