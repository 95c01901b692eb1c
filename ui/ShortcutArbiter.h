#pragma once

#include <QHash>
#include <QKeySequence>
#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace fc {

// Window-wide shortcuts yield to the same keys of the widget that has the focus. The run grid
// has its own Ctrl+E, Ctrl+F, F5 and Ctrl+Shift+R (scoped to it); the window has the same keys
// for the tree's flows. Qt does not prefer the narrower scope: with both in scope it reports an
// "ambiguous shortcut overload" and runs neither. So while the focus is inside a widget that
// has local actions, the window's actions with those keys lose their shortcut, and get it back
// when the focus leaves.
class ShortcutArbiter : public QObject
{
    Q_OBJECT
public:
    explicit ShortcutArbiter(QWidget *window);

    // Re-reads the window's actions (call after building menus and toolbars).
    void collect();

private:
    void onFocusChanged(QWidget *now);

    QWidget *m_window;
    // Window-scope actions and the shortcut each had when collected.
    QHash<QAction *, QKeySequence> m_windowActions;
};

} // namespace fc
