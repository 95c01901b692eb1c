#include "ShortcutArbiter.h"

#include <QAction>
#include <QApplication>
#include <QSet>
#include <QWidget>

namespace fc {

ShortcutArbiter::ShortcutArbiter(QWidget *window) : QObject(window), m_window(window)
{
    connect(qApp, &QApplication::focusChanged, this,
            [this](QWidget *, QWidget *now) { onFocusChanged(now); });
}

void ShortcutArbiter::collect()
{
    // Give back what was taken before reading again.
    for (auto it = m_windowActions.cbegin(); it != m_windowActions.cend(); ++it) {
        it.key()->setShortcut(it.value());
        disconnect(it.key(), &QObject::destroyed, this, nullptr);
    }
    m_windowActions.clear();
    const QList<QAction *> actions = m_window->findChildren<QAction *>();
    for (QAction *action : actions) {
        if (action->shortcutContext() == Qt::WindowShortcut && !action->shortcut().isEmpty()) {
            m_windowActions.insert(action, action->shortcut());
            connect(action, &QObject::destroyed, this, [this, action] { m_windowActions.remove(action); });
        }
    }
    onFocusChanged(QApplication::focusWidget());
}

void ShortcutArbiter::onFocusChanged(QWidget *now)
{
    // The keys of the local actions in scope: those of the focus widget and of its ancestors
    // inside this window.
    QSet<QKeySequence> local;
    for (QWidget *w = now; w && w != m_window; w = w->parentWidget()) {
        if (w->window() != m_window)
            break;
        for (QAction *action : w->actions()) {
            const Qt::ShortcutContext context = action->shortcutContext();
            if (context == Qt::WidgetWithChildrenShortcut || (context == Qt::WidgetShortcut && w == now)) {
                for (const QKeySequence &key : action->shortcuts())
                    local.insert(key);
            }
        }
    }
    for (auto it = m_windowActions.cbegin(); it != m_windowActions.cend(); ++it) {
        const QKeySequence wanted = local.contains(it.value()) ? QKeySequence() : it.value();
        if (it.key()->shortcut() != wanted)
            it.key()->setShortcut(wanted);
    }
}

} // namespace fc
