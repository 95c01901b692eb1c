#pragma once

#include <QDockWidget>

class QAction;
class QFrame;
class QLabel;
class QPushButton;
class QTreeView;

namespace fc {

class BulkEngine;
class OperationManager;
class OperationsModel;

// The Activity dock: every bulk operation of the console with its progress, counts, rate and
// time left, each expandable to its items' results; Pause, Resume, Cancel and Retry failed for
// the selected operation; and, after a restart, a bar offering to resume or discard what the
// journal holds unfinished. Nothing here blocks: the bar is part of the panel, not a dialog.
class ActivityPanel : public QDockWidget
{
    Q_OBJECT
public:
    explicit ActivityPanel(OperationManager *manager, QWidget *parent = nullptr);

    OperationsModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    // The operation of the selected row (an operation or one of its items).
    BulkEngine *currentOperation() const;
    void selectOperation(const BulkEngine *engine);

private:
    void updateButtons();
    void showResumeBar(int count);
    void showContextMenu(const QPoint &pos);

    OperationManager *m_manager;
    OperationsModel *m_model;
    QFrame *m_resumeBar;
    QLabel *m_resumeText;
    QLabel *m_empty;
    QTreeView *m_view;
    QPushButton *m_pause;
    QPushButton *m_resume;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QPushButton *m_clear;
};

} // namespace fc
